import {
  DOCUMENT_REQUIREMENTS,
  missingFields,
  missingForOriginals,
  type GatedDocument,
  type GateInput,
} from '../../src/domain/documentGate';
import { tradeData } from '../../src/domain/tradeData';
import type { OrderState } from '../../src/domain/types';
import { walkTo } from './fixtures';

const COMPLETE_PROFILE = {
  nameZh: '宁波海天照明有限公司',
  uscc: '91350100M000100Y43',
  customsCode: '3302960ABC',
  chopPng: 'iVBORw0KGgo=',
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
      if (scope === 'company') input.profile = { ...input.profile, [key]: undefined };
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
    input.profile = { ...input.profile, chopPng: undefined };
    expect(missingForOriginals(['commercial-invoice', 'packing-list'], input)).toEqual([
      { document: 'commercial-invoice', field: 'company.chopPng' },
      { document: 'packing-list', field: 'company.chopPng' },
    ]);
  });
});
