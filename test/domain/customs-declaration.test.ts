import { companyGateOf } from '../../src/domain/companyGate';
import { decideCommand } from '../../src/domain/decide-command';
import { apply, example, T0, usd, walkTo } from './fixtures';

/** Booked, waiting for customs: the contract is the quotation's one line, 2000 pcs at 5.00. */
const booked = () => apply(walkTo('SHIPPING'), [example('BOOKING_CONFIRMED')]);

const declaration = {
  type: 'CUSTOMS_DECLARED',
  declarationNo: '310420270000123456',
  declaredOn: '2027-01-10',
  tradeMode: 'GENERAL_TRADE',
  transportMode: 'SEA',
  destinationCountry: 'DE',
  exitPort: 'Shanghai Yangshan',
  lines: [
    {
      lineNo: 1,
      hsCode: '9405420000',
      declaredElements: '1|0|LED panel|40W|no brand',
      quantity: 2000,
      value: usd('10000.00'),
      packages: 100,
      grossWeightKg: 1000,
    },
  ],
};

const ctx = (gate = false) => ({ now: T0, actor: 'ops', company: companyGateOf({ documentGate: gate }) });

describe('CUSTOMS_DECLARED with the declaration data', () => {
  it('keeps the data for the broker', () => {
    const decision = decideCommand(booked(), declaration, ctx(true));
    if (!decision.ok) throw new Error(JSON.stringify(decision.details));
    expect(decision.state.shipping.customs?.declaration).toMatchObject({
      tradeMode: 'GENERAL_TRADE',
      lines: [{ hsCode: '9405420000', quantity: 2000 }],
    });
  });

  it('takes only a number from v1 and v2 clients where the gate is off', () => {
    const decision = decideCommand(booked(), { type: 'CUSTOMS_DECLARED', declarationNo: 'CD-778' }, ctx());
    expect(decision.ok && decision.state.shipping.customs).toEqual({
      declarationNo: 'CD-778',
      declaredAt: T0,
    });
  });

  it('needs 18 digits and the data where the gate is on', () => {
    const decision = decideCommand(
      booked(),
      { type: 'CUSTOMS_DECLARED', declarationNo: 'CD-778' },
      ctx(true),
    );
    expect(!decision.ok && decision.details?.map((d) => d.path)).toEqual([
      'declarationNo',
      'declaredOn',
      'tradeMode',
      'transportMode',
      'lines',
    ]);
  });

  it('refuses an HS code that is not 10 digits', () => {
    const line = { ...declaration.lines[0], hsCode: '94054200' };
    const decision = decideCommand(booked(), { ...declaration, lines: [line] }, ctx());
    expect(!decision.ok && decision.code).toBe('VALIDATION_FAILED');
  });

  it('is checked against the invoice: quantity, value, and every line declared once', () => {
    const line = declaration.lines[0];
    const decision = decideCommand(
      booked(),
      {
        ...declaration,
        lines: [
          { ...line, quantity: 1999, value: usd('9995.00') },
          { ...line, lineNo: 2 },
        ],
      },
      ctx(),
    );
    expect(!decision.ok && decision.details).toEqual([
      { path: 'lines[0].quantity', message: 'the invoice says 2000' },
      { path: 'lines[0].value', message: 'the invoice says USD 10000.00' },
      { path: 'lines[1].lineNo', message: 'the contract has 1 lines' },
    ]);
  });

  it('is checked against the packing list: packages and weights where the contract has them', () => {
    const state = booked();
    const packed = {
      ...state,
      contract: state.contract && {
        ...state.contract,
        lines: [
          {
            description: '40W LED panel',
            quantity: 2000,
            unitPrice: usd('5.00'),
            packing: { packages: 100, grossWeightKg: 1100 },
          },
        ],
      },
    };
    const decision = decideCommand(packed, declaration, ctx());
    expect(!decision.ok && decision.details).toEqual([
      { path: 'lines[0].grossWeightKg', message: 'the packing list says 1100' },
    ]);
  });
});
