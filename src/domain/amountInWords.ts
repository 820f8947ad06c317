/**
 * An amount in words, as banks read it on an invoice or a draft: "SAY US DOLLARS ONE THOUSAND TWO
 * HUNDRED THIRTY-FOUR AND CENTS FIFTY-SIX ONLY", and on the Chinese set in capitals (大写):
 * "美元壹仟贰佰叁拾肆元伍角陆分". Works on minor units (cents), so no float ever rounds a digit.
 */
import { toMinor, type Money } from './money';

const ONES = [
  '',
  'ONE',
  'TWO',
  'THREE',
  'FOUR',
  'FIVE',
  'SIX',
  'SEVEN',
  'EIGHT',
  'NINE',
  'TEN',
  'ELEVEN',
  'TWELVE',
  'THIRTEEN',
  'FOURTEEN',
  'FIFTEEN',
  'SIXTEEN',
  'SEVENTEEN',
  'EIGHTEEN',
  'NINETEEN',
];
const TENS = ['', '', 'TWENTY', 'THIRTY', 'FORTY', 'FIFTY', 'SIXTY', 'SEVENTY', 'EIGHTY', 'NINETY'];
const SCALES = ['', 'THOUSAND', 'MILLION', 'BILLION', 'TRILLION'];

/** Currency names as bank documents spell them; other codes print as the code itself. */
const CURRENCY_EN: Record<string, readonly [major: string, minor: string]> = {
  USD: ['US DOLLARS', 'CENTS'],
  EUR: ['EUROS', 'CENTS'],
  GBP: ['POUNDS STERLING', 'PENCE'],
  CNY: ['CHINESE YUAN', 'FEN'],
  JPY: ['JAPANESE YEN', 'SEN'],
  HKD: ['HONG KONG DOLLARS', 'CENTS'],
  AUD: ['AUSTRALIAN DOLLARS', 'CENTS'],
  CAD: ['CANADIAN DOLLARS', 'CENTS'],
  CHF: ['SWISS FRANCS', 'CENTIMES'],
  RUB: ['RUSSIAN ROUBLES', 'KOPECKS'],
};

const CURRENCY_ZH: Record<string, string> = {
  USD: '美元',
  EUR: '欧元',
  GBP: '英镑',
  CNY: '人民币',
  JPY: '日元',
  HKD: '港币',
  AUD: '澳大利亚元',
  CAD: '加拿大元',
  CHF: '瑞士法郎',
  RUB: '卢布',
};

function belowThousand(n: number): string {
  const words: string[] = [];
  if (n >= 100) {
    words.push(`${ONES[Math.floor(n / 100)]} HUNDRED`);
    n %= 100;
  }
  if (n >= 20) {
    const unit = n % 10;
    words.push(unit ? `${TENS[Math.floor(n / 10)]}-${ONES[unit]}` : TENS[Math.floor(n / 10)]);
  } else if (n > 0) {
    words.push(ONES[n]);
  }
  return words.join(' ');
}

/** A whole number in English words (upper case, as documents print it); 0 is ZERO. */
export function integerInWords(value: bigint): string {
  if (value < 0n) throw new Error('a negative amount has no words on a document');
  if (value === 0n) return 'ZERO';
  const groups: string[] = [];
  let rest = value;
  let scale = 0;
  while (rest > 0n) {
    const group = Number(rest % 1000n);
    if (group > 0) {
      if (scale >= SCALES.length) throw new Error('amount too large for words');
      groups.unshift([belowThousand(group), SCALES[scale]].filter(Boolean).join(' '));
    }
    rest /= 1000n;
    scale += 1;
  }
  return groups.join(' ');
}

/** "SAY US DOLLARS TWELVE THOUSAND AND CENTS FIFTY ONLY". */
export function amountInWordsEn(money: Money): string {
  const minor = toMinor(money);
  const [major, cents] = CURRENCY_EN[money.currency] ?? [money.currency, 'CENTS'];
  const whole = integerInWords(minor / 100n);
  const fraction = minor % 100n;
  const tail = fraction > 0n ? ` AND ${cents} ${integerInWords(fraction)}` : '';
  return `SAY ${major} ${whole}${tail} ONLY`;
}

const DIGITS_ZH = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS_ZH = ['', '拾', '佰', '仟'];
const BIG_UNITS_ZH = ['', '万', '亿', '万亿'];

/** A group of up to four digits in capitals; leading zeros of the group are left to the caller. */
function groupZh(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos -= 1) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS_ZH[digit] + SMALL_UNITS_ZH[pos];
  }
  return out;
}

/** A whole number in Chinese capitals: 10,203 is 壹万零贰佰零叁. */
export function integerInCapitals(value: bigint): string {
  if (value < 0n) throw new Error('a negative amount has no words on a document');
  if (value === 0n) return '零';
  const groups: number[] = [];
  for (let rest = value; rest > 0n; rest /= 10000n) groups.push(Number(rest % 10000n));
  if (groups.length > BIG_UNITS_ZH.length) throw new Error('amount too large for words');
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const group = groups[i];
    if (group === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    // A gap before this group (a zero group, or fewer than four digits in it) reads as one 零.
    if (out !== '' && (pendingZero || group < 1000)) out += '零';
    pendingZero = false;
    out += groupZh(group) + BIG_UNITS_ZH[i];
  }
  return out;
}

/** "美元壹仟贰佰叁拾肆元伍角陆分"; a whole amount ends in 元整. */
export function amountInCapitals(money: Money): string {
  const minor = toMinor(money);
  const prefix = CURRENCY_ZH[money.currency] ?? money.currency;
  const whole = minor / 100n;
  const jiao = Number((minor / 10n) % 10n);
  const fen = Number(minor % 10n);
  if (jiao === 0 && fen === 0) return `${prefix}${integerInCapitals(whole)}元整`;
  const wholePart = whole > 0n ? `${integerInCapitals(whole)}元` : '';
  const jiaoPart = jiao > 0 ? `${DIGITS_ZH[jiao]}角` : whole > 0n ? '零' : '';
  const fenPart = fen > 0 ? `${DIGITS_ZH[fen]}分` : '整';
  return `${prefix}${wholePart}${jiaoPart}${fenPart}`;
}
