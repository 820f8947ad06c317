import {
  addMoney,
  compareMoney,
  fromMinor,
  moneySchema,
  multiplyMoney,
  percentOf,
  positiveMoneySchema,
  subtractMoney,
  toMinor,
} from '../../src/domain';
import { usd } from './fixtures';

describe('money in integer minor units', () => {
  it('parses and prints decimal strings without floats', () => {
    expect(toMinor(usd('12345.6'))).toBe(1234560n);
    expect(toMinor(usd('-0.05'))).toBe(-5n);
    expect(fromMinor(1234560n, 'USD')).toEqual(usd('12345.60'));
    expect(fromMinor(-5n, 'USD')).toEqual(usd('-0.05'));
    expect(addMoney(usd('0.10'), usd('0.20'))).toEqual(usd('0.30'));
    expect(subtractMoney(usd('1.00'), usd('0.99'))).toEqual(usd('0.01'));
    expect(compareMoney(usd('1'), usd('1.00'))).toBe(0);
    expect(compareMoney(usd('1'), usd('0.99'))).toBe(1);
    expect(compareMoney(usd('0.98'), usd('0.99'))).toBe(-1);
  });

  it('refuses to mix currencies or parse junk', () => {
    expect(() => addMoney(usd('1'), { amount: '1', currency: 'EUR' })).toThrow('Currency mismatch');
    expect(() => toMinor(usd('1.234'))).toThrow('Invalid amount');
  });

  it.each([
    ['10000.00', 30, '3000.00'],
    ['100.01', 33, '33.00'], // 33.0033
    ['0.05', 30, '0.02'], // 0.015 rounds half-up
    ['0.01', 50, '0.01'], // 0.005 rounds half-up
    ['0.01', 49, '0.00'],
    ['999.99', 33.33, '333.30'], // 333.296667
    ['1234.57', 12.5, '154.32'], // 154.32125
    ['9999999999999.99', 100, '9999999999999.99'],
    ['100.00', 0, '0.00'],
  ])('%s x %d%% = %s (half-up to the cent)', (total, percent, expected) => {
    expect(percentOf(usd(total), percent)).toEqual(usd(expected));
  });

  it('rounds negative percentages away from zero', () => {
    expect(percentOf(usd('-0.05'), 30)).toEqual(usd('-0.02'));
  });

  it('multiplies unit prices by fractional quantities, rounding half-up', () => {
    expect(multiplyMoney(usd('5.00'), 2000)).toEqual(usd('10000.00'));
    expect(multiplyMoney(usd('0.33'), 1.5)).toEqual(usd('0.50')); // 0.495
    expect(multiplyMoney(usd('0.10'), 0.333)).toEqual(usd('0.03'));
  });

  it('validates the wire format', () => {
    expect(moneySchema.safeParse(usd('12345.60')).success).toBe(true);
    for (const amount of ['1.234', '1e3', '01.00', ' 1', '', '12345678901234.00']) {
      expect(moneySchema.safeParse(usd(amount)).success).toBe(false);
    }
    expect(moneySchema.safeParse({ amount: '1.00', currency: 'usd' }).success).toBe(false);
    expect(moneySchema.safeParse({ amount: 1, currency: 'USD' }).success).toBe(false);
    expect(positiveMoneySchema.safeParse(usd('0.00')).success).toBe(false);
    expect(positiveMoneySchema.safeParse(usd('-1.00')).success).toBe(false);
  });
});
