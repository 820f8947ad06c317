import {
  DOCUMENT_REQUIREMENTS,
  missingFields,
  missingForOriginals,
  type GatedDocument,
  type GateInput,
} from '../../src/domain/documentGate';
import { companyGateOf, type CompanyGate } from '../../src/domain/companyGate';
import { decideCommand } from '../../src/domain/decide-command';
import { tradeData } from '../../src/domain/tradeData';
import type { OrderState } from '../../src/domain/types';
import { apply, example, walkTo } from './fixtures';

const COMPLETE_PROFILE = {
  localName: '宁波海天照明有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '3302960ABC',
  hasChop: true,
  placeOfIssue: 'NINGBO, CHINA',
};

/** An order in BALANCE under `incoterm`, with every trade field the gate may ask for. */
function completeInput(incoterm: 'FOB' | 'CIF' = 'CIF'): GateInput {
  const shipped: OrderState = walkTo('BALANCE');
  // The gate reads the terms, not how the order got there: CIF without walking its insurance step.
  const state = { ...shipped, quotation: shipped.quotation && { ...shipped.quotation, incoterm } };
  const order = { ...state, trade: tradeData(state) };
  const lines = order.trade.contractLines ?? [];
  order.trade = {
    ...order.trade,
    contractLines: lines.map((l) => ({ ...l, hsCode: '9405420000' })),
    packing: lines.map(() => ({ packages: 40, netWeightKg: 400, grossWeightKg: 440, volumeCbm: 2.5 })),
    buyerAddress: 'Hafenstrasse 1\n20457 Hamburg',
    portOfLoading: 'Ningbo',
    portOfDischarge: 'Hamburg',
    originCountry: 'CN',
    marks: 'ACME / HAMBURG / C/NO. 1-40',
    packageType: 'CTNS',
    freight: { amount: '800.00', currency: 'USD' },
    insuranceCost: { amount: '30.00', currency: 'USD' },
    insurance: {
      policyNo: 'P-1',
      insurer: 'PICC',
      cover: 'ICC_A',
      insuredAmount: { amount: '99999.00', currency: 'USD' },
    },
  };
  return {
    order,
    profile: COMPLETE_PROFILE,
    customs: { lines: lines.map(() => ({ hsCode: '9405420000' })) },
  };
}

const KINDS = Object.keys(DOCUMENT_REQUIREMENTS) as GatedDocument[];

describe('the document gate', () => {
  it.each(KINDS)('%s: a complete order lacks nothing', (kind) => {
    expect(missingFields(kind, completeInput())).toEqual([]);
  });

  it.each(KINDS)('%s: each declared field, taken away, is named', (kind) => {
    const declared = DOCUMENT_REQUIREMENTS[kind];
    for (const field of declared.fields) {
      const input = completeInput();
      const [scope, key] = field.split('.');
      if (field === 'company.chopPng') input.profile = { ...input.profile, hasChop: false };
      else if (scope === 'company') input.profile = { ...input.profile, [key]: undefined };
      else if (scope === 'contract') input.order.trade = { ...input.order.trade, [key]: undefined };
      else if (field === 'shipping.booking')
        input.order = {
          ...input.order,
          shipping: { ...input.order.shipping, booking: { requestedAt: null, confirmed: null } },
        };
      else if (field === 'shipping.customs')
        input.order = { ...input.order, shipping: { ...input.order.shipping, customs: null } };
      else if (field === 'shipping.insurance')
        input.order.trade = { ...input.order.trade, insurance: undefined };
      else if (field === 'letterOfCredit.lcNo') continue; // only under an L/C: below
      expect(missingFields(kind, input)).toEqual([{ document: kind, field }]);
    }
  });

  it.each(KINDS)('%s: each declared line field, taken away, is named with its line', (kind) => {
    for (const field of DOCUMENT_REQUIREMENTS[kind].lines) {
      const input = completeInput();
      const trade = input.order.trade ?? {};
      if (field === 'hsCode')
        trade.contractLines = trade.contractLines?.map((l) => ({ ...l, hsCode: '94054200' }));
      else if (field === 'customsHsCode') input.customs = { lines: [] };
      else trade.packing = trade.packing?.map((p) => ({ ...p, [field]: null }));
      const reported = field === 'customsHsCode' ? 'hsCode' : field;
      expect(missingFields(kind, input)).toContainEqual({ document: kind, field: `lines[0].${reported}` });
    }
  });

  it('asks for the insurance only where the seller insures, and the L/C number only under an L/C', () => {
    const fob = completeInput('FOB');
    fob.order.trade = { ...fob.order.trade, insurance: undefined };
    expect(missingFields('insurance-declaration', fob)).toEqual([]);
    const lc = completeInput();
    lc.order = {
      ...lc.order,
      payments: { ...lc.order.payments, plan: { ...lc.order.payments.plan!, balanceMethod: 'LC' } },
    };
    expect(missingFields('commercial-invoice', lc)).toEqual([
      { document: 'commercial-invoice', field: 'letterOfCredit.lcNo' },
    ]);
  });

  it('lists what every original of a set lacks, document by document', () => {
    const input = completeInput();
    input.profile = { ...input.profile, hasChop: false };
    expect(missingForOriginals(['commercial-invoice', 'packing-list'], input)).toEqual([
      { document: 'commercial-invoice', field: 'company.chopPng' },
      { document: 'packing-list', field: 'company.chopPng' },
    ]);
  });
});

describe('the gate on the event that would issue originals', () => {
  const ctx = (company?: CompanyGate) => ({
    now: '2026-12-20T08:00:00.000Z',
    actor: 'ops',
    ...(company ? { company } : {}),
  });
  const gateOn = companyGateOf({ documentGate: true });

  it('refuses the balance that would dispatch incomplete originals, naming what is missing', () => {
    const decision = decideCommand(walkTo('BALANCE'), example('BALANCE_RECEIVED'), ctx(gateOn));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.code).toBe('DOCUMENTS_INCOMPLETE');
    expect(decision.missing).toContainEqual({ document: 'commercial-invoice', field: 'company.uscc' });
    expect(decision.missing).toContainEqual({ document: 'packing-list', field: 'lines[0].grossWeightKg' });
  });

  it('lets it through with the gate off (the default company of v1 and v2 clients)', () => {
    expect(decideCommand(walkTo('BALANCE'), example('BALANCE_RECEIVED'), ctx()).ok).toBe(true);
    const off = companyGateOf({ documentGate: false });
    expect(decideCommand(walkTo('BALANCE'), example('BALANCE_RECEIVED'), ctx(off)).ok).toBe(true);
  });

  it('lets copies go with gaps: the B/L that sends copies to verify is not gated', () => {
    const declared = apply(walkTo('SHIPPING'), [example('BOOKING_CONFIRMED'), example('CUSTOMS_DECLARED')]);
    const decision = decideCommand(declared, example('BILL_OF_LADING_ISSUED'), ctx(gateOn));
    expect(decision.ok && decision.effects.map((e) => e.type)).toContain('sendDocumentCopies');
  });
});

describe('completing the trade data before the goods sail', () => {
  it('CONTRACT_AMENDED takes trade data alone, kept beside what the contract had', () => {
    const state = apply(walkTo('SHIPPING'), [example('CONTRACT_AMENDED', { reason: 'buyer sent the data' })]);
    const amended = decideCommand(
      state,
      { type: 'CONTRACT_AMENDED', reason: 'documents need it', portOfLoading: 'Ningbo', marks: 'ACME' },
      { now: '2026-12-20T08:00:00.000Z', actor: 'ops' },
    );
    if (!amended.ok) throw new Error(amended.message);
    expect(amended.state.contract?.trade).toMatchObject({ portOfLoading: 'Ningbo', marks: 'ACME' });
    expect(amended.state.contract?.totalAmount).toEqual(state.contract?.totalAmount);
  });
});
