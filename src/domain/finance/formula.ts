/** The expected rebate's formula in a reader's words, from the dictionaries (`rebate.formula.*`). */
import { dictionary, fill } from '../i18n';
import { formatMoney } from '../money';
import type { Language } from '../schemas/common';
import type { ExpectedRebate, RebateTerm } from './rebate';

/** "0.13" -> "13%". */
export const ratePercent = (rate: string): string =>
  `${(Number(rate) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;

const termsText = (terms: readonly RebateTerm[]) =>
  terms.map((t) => `${formatMoney(t.base)} × ${ratePercent(t.rate)}`).join(' + ');

export function rebateFormula(
  { expected, explanation: e }: ExpectedRebate,
  language: Language = 'en',
): string {
  const words = dictionary(language).ui;
  const total = expected ? formatMoney(expected) : '';
  switch (e.kind) {
    case 'TRADING':
      return fill(words['rebate.formula.TRADING'], { terms: termsText(e.terms), expected: total });
    case 'MANUFACTURER':
      return fill(words['rebate.formula.MANUFACTURER'], {
        fob: formatMoney(e.fob),
        fx: e.fx,
        fobCny: formatMoney(e.fobCny),
        terms: termsText(e.terms),
        expected: total,
      });
    case 'NO_RATE':
      return fill(words['rebate.formula.NO_RATE'], { lineNo: e.lineNo });
    default:
      return words[`rebate.formula.${e.kind}`];
  }
}
