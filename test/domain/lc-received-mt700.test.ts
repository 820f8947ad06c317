import { decideCommand } from '../../src/domain/decide-command';
import { apply, fresh, T0 } from './fixtures';
import { lifeOf } from './planFixtures';

/** An L/C order in DEPOSIT with its deposit in, waiting for the credit (contract 10,000.00, 30 % deposit). */
function awaitingCredit() {
  const life = lifeOf('LC');
  return apply(
    fresh(),
    life.slice(
      0,
      life.findIndex((e) => e.type === 'LC_RECEIVED'),
    ),
  );
}

const MT700 = `:20:DE26LC004711
:31C:261201
:31D:270315HAMBURG
:32B:USD7000,00
:39A:05/05
:43P:NOT ALLOWED
:43T:ALLOWED
:44E:NINGBO
:44F:HAMBURG
:44C:270228
:45A:40W LED PANEL
:48:15/FROM THE DATE OF SHIPMENT
:52A:DEUTDEFF`;

const ctx = { now: T0, actor: 'ops' };

describe('LC_RECEIVED with the MT700 text', () => {
  it('takes the credit from the message, its terms kept for lc-check', () => {
    const decision = decideCommand(awaitingCredit(), { type: 'LC_RECEIVED', mt700: MT700 }, ctx);
    if (!decision.ok) throw new Error(decision.message);
    const lc = decision.state.payments.letterOfCredit;
    expect(lc).toMatchObject({
      lcNo: 'DE26LC004711',
      issuingBank: 'DEUTDEFF',
      amount: { amount: '7000.00', currency: 'USD' },
      latestShipmentDate: '2027-02-28',
      expiryDate: '2027-03-15',
      presentationDays: 15,
      terms: {
        tolerance: { plusPercent: 5, minusPercent: 5 },
        partialShipments: 'NOT_ALLOWED',
        portOfLoading: 'NINGBO',
        goodsDescription: '40W LED PANEL',
      },
    });
  });

  it('takes beside the message what it does not hold: the issuing bank, a latest date for a 44D period', () => {
    const text = MT700.replace(':52A:DEUTDEFF', '').replace(':44C:270228', ':44D:FEBRUARY 2027');
    const bare = decideCommand(awaitingCredit(), { type: 'LC_RECEIVED', mt700: text }, ctx);
    expect(!bare.ok && bare.code).toBe('VALIDATION_FAILED');
    expect(!bare.ok && bare.details?.map((d) => d.path)).toEqual(['issuingBank', 'latestShipmentDate']);
    const given = decideCommand(
      awaitingCredit(),
      {
        type: 'LC_RECEIVED',
        mt700: text,
        issuingBank: 'Deutsche Bank Hamburg',
        latestShipmentDate: '2027-02-27',
      },
      ctx,
    );
    expect(given.ok && given.state.payments.letterOfCredit).toMatchObject({
      issuingBank: 'Deutsche Bank Hamburg',
      latestShipmentDate: '2027-02-27',
      presentationDays: 15,
    });
  });

  it('is 400 naming the tag that is missing or bad', () => {
    const bad = decideCommand(
      awaitingCredit(),
      {
        type: 'LC_RECEIVED',
        mt700: MT700.replace(':32B:USD7000,00', ':32B:USD 7000.00').replace(':31C:261201\n', ''),
      },
      ctx,
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.details).toEqual([
      { path: 'mt700.31C', message: ':31C: mandatory tag missing' },
      { path: 'mt700.32B', message: ':32B: must be a currency and a positive amount, e.g. USD12345,67' },
    ]);
  });

  it('still checks the credit against the contract', () => {
    const short = decideCommand(
      awaitingCredit(),
      { type: 'LC_RECEIVED', mt700: MT700.replace('USD7000,00', 'USD6000,00') },
      ctx,
    );
    expect(!short.ok && short.details?.[0].path).toBe('amount');
  });

  it('without mt700, needs every field, naming the ones missing', () => {
    const decision = decideCommand(awaitingCredit(), { type: 'LC_RECEIVED', lcNo: 'LC-1' }, ctx);
    expect(!decision.ok && decision.details?.map((d) => d.path)).toEqual([
      'issuingBank',
      'amount',
      'latestShipmentDate',
      'expiryDate',
    ]);
  });
});
