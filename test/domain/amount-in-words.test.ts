import {
  amountInCapitals,
  amountInWordsEn,
  integerInCapitals,
  integerInWords,
} from '../../src/domain/amountInWords';

const money = (amount: string, currency = 'USD') => ({ amount, currency });

describe('amount in words, English', () => {
  it.each([
    ['0', 'ZERO'],
    ['7', 'SEVEN'],
    ['19', 'NINETEEN'],
    ['20', 'TWENTY'],
    ['45', 'FORTY-FIVE'],
    ['100', 'ONE HUNDRED'],
    ['101', 'ONE HUNDRED ONE'],
    ['1000', 'ONE THOUSAND'],
    ['1234', 'ONE THOUSAND TWO HUNDRED THIRTY-FOUR'],
    ['1000001', 'ONE MILLION ONE'],
    [
      '999999999999',
      'NINE HUNDRED NINETY-NINE BILLION NINE HUNDRED NINETY-NINE MILLION NINE HUNDRED NINETY-NINE THOUSAND NINE HUNDRED NINETY-NINE',
    ],
  ])('%s is %s', (n, words) => {
    expect(integerInWords(BigInt(n))).toBe(words);
  });

  it('says the currency, the cents and ONLY, as banks read it', () => {
    expect(amountInWordsEn(money('12345.60'))).toBe(
      'SAY US DOLLARS TWELVE THOUSAND THREE HUNDRED FORTY-FIVE AND CENTS SIXTY ONLY',
    );
    expect(amountInWordsEn(money('20000.00'))).toBe('SAY US DOLLARS TWENTY THOUSAND ONLY');
    expect(amountInWordsEn(money('0.05', 'EUR'))).toBe('SAY EUROS ZERO AND CENTS FIVE ONLY');
    expect(amountInWordsEn(money('3', 'XAF'))).toBe('SAY XAF THREE ONLY');
  });

  it('has no words for a negative amount', () => {
    expect(() => amountInWordsEn(money('-1.00'))).toThrow('negative');
  });
});

describe('amount in Chinese capitals (大写)', () => {
  it.each([
    ['0', '零'],
    ['10', '壹拾'],
    ['105', '壹佰零伍'],
    ['1005', '壹仟零伍'],
    ['1050', '壹仟零伍拾'],
    ['10000', '壹万'],
    ['10203', '壹万零贰佰零叁'],
    ['100000', '壹拾万'],
    ['1000001', '壹佰万零壹'],
    ['100010000', '壹亿零壹万'],
    ['123456789', '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖'],
  ])('%s is %s', (n, words) => {
    expect(integerInCapitals(BigInt(n))).toBe(words);
  });

  it('writes 元, 角 and 分, and 整 where the amount ends', () => {
    expect(amountInCapitals(money('1234.56'))).toBe('美元壹仟贰佰叁拾肆元伍角陆分');
    expect(amountInCapitals(money('20000.00'))).toBe('美元贰万元整');
    expect(amountInCapitals(money('100.50', 'CNY'))).toBe('人民币壹佰元伍角整');
    expect(amountInCapitals(money('100.05', 'EUR'))).toBe('欧元壹佰元零伍分');
    expect(amountInCapitals(money('0.30'))).toBe('美元叁角整');
  });
});
