/**
 * Shipments in parts in words: each shipment's letters say which shipment they are for, in both
 * languages, and list what it carries; its documents are numbered per shipment. An order shipping
 * as one reads as it always did.
 */
import { effectInput, type OrderState } from '../../src/domain';
import { processList, stageToDo } from '../../src/domain/processList';
import { stepTitle } from '../../src/domain/i18n/terms';
import { bookingRequestEmail, bookingRequestInput } from '../../src/domain/effects/bookingRequest';
import { cargoReadyNoticeEmail, type CargoReadyNoticeInput } from '../../src/domain/effects/cargoReadyNotice';
import { effectDefinition } from '../../src/domain/effects/registry';
import type { DocumentSetInput } from '../../src/domain/effects/documentSet';
import { documentNumber } from '../../src/documents/fromOrder';
import { apply, clock, example, fresh } from './fixtures';
import { plannedInTwo, SHARES, shipmentLife } from './shipmentFixtures';

const EXPORTER = { name: 'Ningbo Haitian Lighting Co., Ltd.', address: 'Ningbo, China' };
const ctx = {
  now: '2027-01-05T00:00:00Z',
  defaultForwarder: { name: 'Blue Ocean', email: 'ops@blue.example' },
};
const shipment = (s: OrderState, id: string) => s.shipments?.list.find((x) => x.shipmentId === id);

describe("a shipment's letters and documents", () => {
  const state = apply(fresh(), plannedInTwo('TT'), clock());

  it('the cargo-ready notice says "shipment 2 of 2" and lists what that shipment carries', () => {
    const input = effectInput(
      effectDefinition('sendCargoReadyNotice'),
      state,
      'S2',
      ctx,
    ) as CargoReadyNoticeInput;
    expect(input.cargo).toEqual([{ description: '40W LED panel', quantity: SHARES.S2.pcs, unit: 'pcs' }]);
    const en = cargoReadyNoticeEmail(input, EXPORTER);
    expect(en.subject).toContain('order PO-');
    expect(en.subject).toContain(', shipment 2 of 2,');
    const zh = cargoReadyNoticeEmail(
      { ...input, recipient: { ...input.recipient, language: 'zh-CN' } },
      EXPORTER,
    );
    expect(zh.subject).toContain('第 2 批（共 2 批）');
  });

  it('the booking request says which shipment in the forwarder’s language', () => {
    const input = bookingRequestInput(state, ctx.defaultForwarder, ctx.now, {
      shipmentId: 'S1',
      number: 1,
      of: 2,
    });
    expect(bookingRequestEmail(input, EXPORTER).subject).toContain('shipment 1 of 2');
    const zh = { ...input, forwarder: { ...input.forwarder, language: 'zh-CN' as const } };
    expect(bookingRequestEmail(zh, EXPORTER).subject).toContain('第 1 批（共 2 批）');
  });

  it('an order shipping as one: no shipment words, numbering unchanged', () => {
    const one = apply(
      fresh(),
      plannedInTwo('TT')
        .slice(0, 4)
        .concat([example('INSPECTION_RECORDED'), example('PRODUCTION_COMPLETED')]),
    );
    const input = effectInput(
      effectDefinition('sendCargoReadyNotice'),
      one,
      undefined,
      ctx,
    ) as CargoReadyNoticeInput;
    expect(input.shipment).toBeUndefined();
    expect(cargoReadyNoticeEmail(input, EXPORTER).subject).not.toContain('shipment');
    const shipped = apply(one, [
      example('BOOKING_CONFIRMED'),
      example('CUSTOMS_DECLARED'),
      example('BILL_OF_LADING_ISSUED'),
    ]);
    expect(shipped.documents.items.map((i) => i.reference)).not.toContainEqual(
      expect.stringMatching(/-S\d$/),
    );
  });

  it('documents are numbered per shipment once the order has several', () => {
    const shipped = apply(state, shipmentLife('TT', 'S2').slice(0, 3), clock('2027-01-01T00:00:00Z'));
    const refs = shipment(shipped, 'S2')?.documents.items.map((i) => [i.kind, i.reference]) ?? [];
    expect(refs.length).toBeGreaterThan(1);
    for (const [kind, reference] of refs)
      if (kind === 'BILL_OF_LADING') expect(reference).toBe('BL-S2');
      else expect(reference).toMatch(/-S2$/);
    // The PDFs print the numbers the order stores.
    const copies = effectInput(
      effectDefinition('sendDocumentCopies'),
      shipped,
      'S2',
      ctx,
    ) as DocumentSetInput;
    const invoiceNo = documentNumber(copies.order, 'commercial-invoice');
    expect(refs.map(([, reference]) => reference)).toContain(invoiceNo);
    expect(invoiceNo).toMatch(/-S2$/);
  });
});

describe('the process list and the stall reminder, per shipment', () => {
  it('lists each shipment’s steps for it, judged on that shipment ("Shipment 2: ...")', () => {
    const tick = clock();
    let s = apply(fresh(), plannedInTwo('TT'), tick);
    s = apply(s, shipmentLife('TT', 'S1').slice(0, 3), tick);
    const steps = processList(s);
    const bl = steps.filter((p) => p.key === 'BILL_OF_LADING_ISSUED');
    expect(bl.map((p) => [p.shipmentId, p.title, p.status])).toEqual([
      ['S1', 'Shipment 1: Get the bill of lading', 'DONE'],
      ['S2', 'Shipment 2: Get the bill of lading', 'BLOCKED'],
    ]);
    expect(steps.filter((p) => p.key === 'CONTRACT_SIGNED')).toHaveLength(1);
    expect(stepTitle(bl[1], 'zh-CN')).toMatch(/^第 2 批：/);
    const toDo = stageToDo(s).map((p) => p.title);
    expect(toDo).toContain('Shipment 2: Get the bill of lading');
    expect(toDo.some((t) => t.startsWith('Shipment 1: Get the bill'))).toBe(false);
  });

  it('an order shipping as one keeps its list as it was', () => {
    const s = apply(fresh(), plannedInTwo('TT').slice(0, 4));
    expect(processList(s).every((p) => p.shipmentId === undefined && !p.title.startsWith('Shipment'))).toBe(
      true,
    );
  });
});
