import { creditStanding } from '../../src/domain/finance/exposure';

const usd = (amount: string) => ({ amount, currency: 'USD' });
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const insurance = (limit: { amount: string; currency: string }) => ({
  insurer: 'Sinosure',
  policyNo: 'SIN-1',
  limit,
  declarationDays: 15,
});

describe('creditStanding', () => {
  it('has nothing to stand against without a limit', () => {
    expect(creditStanding([usd('500.00')], { creditLimit: null, insurance: null })).toEqual({
      tightestLimit: null,
      headroom: null,
      utilisation: null,
      beyondLimit: false,
    });
  });

  it('picks the limit used the most and rounds the percent half up', () => {
    // 2/3 of the insured limit (66.666… → 66.67) against half of the credit limit.
    expect(
      creditStanding([usd('200.00')], { creditLimit: usd('400.00'), insurance: insurance(usd('300.00')) }),
    ).toEqual({
      tightestLimit: 'INSURED',
      headroom: usd('100.00'),
      utilisation: '66.67',
      beyondLimit: false,
    });
  });

  it('is beyond the limit by a cent even when the percent rounds to 100.00', () => {
    expect(creditStanding([usd('1000.01')], { creditLimit: usd('1000.00'), insurance: null })).toEqual({
      tightestLimit: 'CREDIT',
      headroom: usd('-0.01'),
      utilisation: '100.00',
      beyondLimit: true,
    });
  });

  it('compares each limit with the exposure in its own currency, never converting', () => {
    expect(
      creditStanding([usd('10.00'), eur('900.00')], {
        creditLimit: usd('1000.00'),
        insurance: insurance(eur('1000.00')),
      }),
    ).toEqual({
      tightestLimit: 'INSURED',
      headroom: eur('100.00'),
      utilisation: '90.00',
      beyondLimit: false,
    });
    expect(creditStanding([eur('5.00')], { creditLimit: usd('1000.00'), insurance: null })).toMatchObject({
      headroom: usd('1000.00'),
      utilisation: '0.00',
    });
  });
});
