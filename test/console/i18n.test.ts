/**
 * The dictionaries (src/domain/i18n): the type check makes every language name every stage, event,
 * effect, step and document kind; this checks what types cannot: no empty text, the same {params}
 * in each translation, the trade terms Chinese exporters use, the English payment terms as the
 * invoice prints them, and the modules the console is served.
 */
import { runInNewContext } from 'node:vm';
import { OPEN_STAGES, paymentTermsText, type PaymentPlan } from '../../src/domain';
import { DICTIONARIES, fill, flatDictionary } from '../../src/domain/i18n';
import { dictionaryModules } from '../../src/console/router';

const en = flatDictionary('en');
const zh = flatDictionary('zh-CN');
const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have identical key sets, no empty text, and the same placeholders in each language', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    // A separator may be a space; everything else has words.
    const said = (key: string, text: string) => (key === 'terms.separator' ? text : text.trim()) !== '';
    for (const [key, text] of Object.entries(en)) {
      expect({ key, en: said(key, text), zh: said(key, zh[key]) }).toEqual({ key, en: true, zh: true });
      expect({ key, params: params(zh[key]) }).toEqual({ key, params: params(text) });
    }
  });

  it('use the trade terms Chinese exporters use', () => {
    expect(OPEN_STAGES.map((s) => DICTIONARIES['zh-CN'].stages[s])).toEqual([
      '询盘',
      '报价',
      '打样',
      '合同',
      '预付款',
      '生产',
      '订舱/报关/提单',
      '尾款',
      '放单',
    ]);
    expect(DICTIONARIES['zh-CN'].values.TELEX_RELEASE).toBe('电放');
    expect(DICTIONARIES['zh-CN'].events.LC_RECEIVED).toBe('收到信用证');
    expect(Object.values(zh).join('')).not.toContain('定金');
  });

  it('word the payment terms in English as the domain does, and in Chinese', () => {
    const plans: PaymentPlan[] = [
      { depositPercent: 30, balanceMethod: 'TT', balanceDue: 'BEFORE_SHIPMENT', tenorDays: 0 },
      { depositPercent: 30, balanceMethod: 'TT', balanceDue: 'AGAINST_DOCUMENT_COPIES', tenorDays: 0 },
      { depositPercent: 0, balanceMethod: 'LC', balanceDue: null, tenorDays: 0 },
      { depositPercent: 20, balanceMethod: 'DP', balanceDue: null, tenorDays: 0 },
      { depositPercent: 0, balanceMethod: 'DA', balanceDue: null, tenorDays: 60 },
      { depositPercent: 10, balanceMethod: 'OA', balanceDue: null, tenorDays: 30 },
    ].map((p) => p as unknown as PaymentPlan);
    // As the console's paymentTermsText (src/console/public/i18n.js) builds it from the served words.
    const consoleTerms = (plan: PaymentPlan, words: Record<string, string>) =>
      (plan.depositPercent > 0
        ? fill(words['terms.deposit'], { percent: plan.depositPercent }) +
          fill(words['terms.balancePart'], { percent: 100 - plan.depositPercent })
        : words['terms.whole']) +
      words['terms.separator'] +
      fill(words[`terms.${plan.balanceMethod}.${plan.balanceDue ?? 'NONE'}`], { tenorDays: plan.tenorDays });
    for (const plan of plans) {
      expect(consoleTerms(plan, en)).toBe(paymentTermsText(plan));
      expect(consoleTerms(plan, zh)).toBe(paymentTermsText(plan, 'zh-CN'));
    }
    expect(paymentTermsText(plans[2], 'zh-CN')).toBe('100% 货款，以不可撤销即期跟单信用证（L/C）支付');
    expect(paymentTermsText(plans[5], 'zh-CN')).toBe(
      '10% 预付款生产前电汇（T/T）；余款 90%，赊账（O/A），提单日后 30 天付款',
    );
  });

  it('are served to the console as ES modules with the stage list', () => {
    const modules = dictionaryModules();
    expect([...modules.keys()].sort()).toEqual(['en.js', 'zh-CN.js']);
    const source = modules.get('zh-CN.js') ?? '';
    const body = source
      .replace(/^export const STAGES = /, 'var STAGES = ')
      .replace('export default', 'var dict =');
    const scope: { STAGES?: string[]; dict?: Record<string, string> } = {};
    runInNewContext(body, scope);
    expect(scope.STAGES).toEqual([...OPEN_STAGES]);
    expect(scope.dict?.['stepTitle.INSPECTION_PRE_PRODUCTION']).toBe('产前验货通过');
  });
});
