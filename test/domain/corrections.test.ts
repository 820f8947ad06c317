import fc from 'fast-check';
import {
  ORDER_EVENT_TYPES,
  addMoney,
  applyEvent,
  orderView,
  toMinor,
  type AnyEvent,
  type EventContext,
  type OrderEventType,
  type OrderState,
} from '../../src/domain';
import { isCorrectable } from '../../src/domain/corrections/define';
import { eventDefinition } from '../../src/domain/events';
import { apply, clock, example, fresh, usd, walkTo } from './fixtures';
import { lifeOf, PLANS } from './planFixtures';
import { plannedInTwo, shipmentLife } from './shipmentFixtures';
import { insuredOaLife, notApplicableLife, runLife } from './financeFixtures';

/**
 * What each event says about corrections: a new event must be added here, as its definition must
 * say (`correction` is required). 'never' events refuse every correction with their reason.
 */
const CORRECTABLE: Record<OrderEventType, readonly string[] | 'never'> = {
  QUOTATION_SENT: 'never',
  QUOTATION_ACCEPTED: 'never',
  QUOTATION_DECLINED: ['reason'],
  SAMPLE_SENT: ['courier', 'trackingNo'],
  SAMPLE_APPROVED: ['note'],
  SAMPLE_REJECTED: ['feedback'],
  SAMPLE_WAIVED: ['reason'],
  CONTRACT_SIGNED: 'never',
  DEPOSIT_RECEIVED: ['reference'],
  PRODUCTION_PROGRESS: ['note'],
  INSPECTION_RECORDED: ['inspector', 'reportRef'],
  PRODUCTION_COMPLETED: 'never',
  BOOKING_CONFIRMED: ['forwarder', 'vessel', 'voyage', 'etd', 'containerNos', 'sealNos'],
  CUSTOMS_DECLARED: ['declarationNo'],
  BILL_OF_LADING_ISSUED: ['blNo', 'issuedOn'],
  DOCUMENTS_CONFIRMED: ['note'],
  BALANCE_RECEIVED: ['reference'],
  TELEX_RELEASE_CONFIRMED: ['note'],
  ORIGINALS_COURIERED: ['courier', 'trackingNo'],
  GOODS_RELEASED: ['note'],
  NOTE_ADDED: ['text'],
  ORDER_CANCELLED: ['reason'],
  PAYMENT_RECEIVED: ['reference', 'valueDate'],
  LC_RECEIVED: ['lcNo', 'issuingBank'],
  LC_AMENDED: 'never',
  DOCUMENTS_PRESENTED: ['bank'],
  DISCREPANCY_NOTICED: ['items'],
  DISCREPANCY_RESOLVED: ['note'],
  LC_HONOURED: ['reference'],
  SENT_FOR_COLLECTION: ['remittingBank', 'collectingBank'],
  DRAFT_ACCEPTED: ['maturityDate'],
  COLLECTION_PAID: ['reference'],
  RELEASE_APPROVED: ['reason'],
  PAYMENT_WRITTEN_OFF: ['reason'],
  RETRY_FAILED_EFFECTS: 'never',
  CONTRACT_AMENDED: 'never',
  INSURANCE_ARRANGED: ['policyNo', 'insurer'],
  GOODS_COLLECTED: ['collectedBy', 'vehicleOrContainer', 'collectedOn'],
  ORDER_ON_HOLD: ['reason'],
  ORDER_RESUMED: ['note'],
  ATTACHMENT_ADDED: 'never',
  EVENT_CORRECTED: 'never',
  PAYMENT_REVERSED: 'never',
  EVENT_UNDONE: 'never',
  SHIPMENT_PLANNED: ['lines', 'etd'],
  SHIPMENTS_CLOSED: ['reason'],
  CREDIT_APPROVED: ['reason'],
  SHIPMENT_DECLARED_TO_INSURER: ['reference', 'declaredOn'],
  FX_SETTLED: 'never',
  COST_RECORDED: ['note'],
  REBATE_DOCUMENTS_RECORDED: 'never',
  REBATE_FILED: ['batchNo', 'filedOn'],
  REBATE_RECEIVED: 'never',
  REBATE_NOT_APPLICABLE: ['reason'],
};

const manager = (now: string): EventContext => ({ now, actor: 'mia', role: 'manager' });
const ops = (now: string): EventContext => ({ now, actor: 'olga', role: 'ops' });

/** A value of the same shape that differs from the recorded one. */
function variant(field: string): unknown {
  if (/On$|Date$|^etd$/.test(field)) return '2027-02-02';
  if (field === 'containerNos' || field === 'sealNos' || field === 'items') return ['FIXD1234567'];
  if (field === 'lines') return [{ lineNo: 1, quantity: 100 }];
  return 'FIXED-1';
}

/** Every client event accepted along many lives, with the order just after it and its recorded id. */
function occurrences(): Map<OrderEventType, { after: OrderState; eventId: string }> {
  const found = new Map<OrderEventType, { after: OrderState; eventId: string }>();
  const lives: AnyEvent[][] = [
    ...PLANS.map((plan) => lifeOf(plan)),
    lifeOf('LC').flatMap((e) => (e.type === 'LC_RECEIVED' ? [e, example('LC_AMENDED')] : [e])),
    lifeOf('TT')
      .filter((e) => e.type !== 'TELEX_RELEASE_CONFIRMED' && e.type !== 'GOODS_RELEASED')
      .flatMap((e) =>
        e.type === 'BALANCE_RECEIVED'
          ? [{ type: 'EFFECT_COMPLETED', effect: 'sendDocumentCopies' }, example('DOCUMENTS_CONFIRMED'), e]
          : [e],
      ),
    [example('QUOTATION_SENT'), example('QUOTATION_DECLINED')],
    [...plannedInTwo('OA'), ...shipmentLife('OA', 'S1').slice(0, 3), example('SHIPMENTS_CLOSED')],
    [
      example('QUOTATION_SENT'),
      example('QUOTATION_ACCEPTED', { sampleRequired: true }),
      example('SAMPLE_SENT'),
      example('SAMPLE_REJECTED'),
      example('SAMPLE_SENT'),
      example('SAMPLE_APPROVED', { note: 'fine' }),
      example('CONTRACT_SIGNED'),
      example('DEPOSIT_RECEIVED'),
      example('CONTRACT_AMENDED'),
      example('PRODUCTION_PROGRESS', { note: 'half done' }),
      example('INSPECTION_RECORDED', { reportRef: 'R-1' }),
      example('RELEASE_APPROVED'),
      example('ORDER_ON_HOLD'),
      example('ORDER_RESUMED', { note: 'back' }),
      example('PAYMENT_RECEIVED'),
      example('PAYMENT_WRITTEN_OFF'),
      example('NOTE_ADDED'),
      example('ATTACHMENT_ADDED'),
      example('ORDER_CANCELLED', { depositHandling: 'REFUND' }),
    ],
    [
      example('QUOTATION_SENT'),
      example('QUOTATION_ACCEPTED', { sampleRequired: true }),
      example('SAMPLE_WAIVED'),
    ],
    [
      example('QUOTATION_SENT', { incoterm: 'CIF' }),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
      example('CONTRACT_SIGNED'),
      example('DEPOSIT_RECEIVED'),
      example('INSURANCE_ARRANGED'),
    ],
    [
      example('QUOTATION_SENT', { incoterm: 'EXW' }),
      example('QUOTATION_ACCEPTED', { sampleRequired: false }),
      example('CONTRACT_SIGNED'),
      example('DEPOSIT_RECEIVED'),
      example('INSPECTION_RECORDED'),
      example('PRODUCTION_COMPLETED'),
      example('GOODS_COLLECTED'),
    ],
  ];
  // Money after the ship sails needs what the API adds to the context (the company, credit, rates).
  for (const life of [insuredOaLife(), notApplicableLife()])
    for (const [i, { state, eventId }] of runLife(life).entries()) {
      const type = life[i]?.event.type as OrderEventType;
      if (eventId && (ORDER_EVENT_TYPES as string[]).includes(type) && !found.has(type))
        found.set(type, { after: state, eventId });
    }
  for (const life of lives) {
    const tick = clock();
    let state = fresh();
    for (const event of life) {
      const d = applyEvent(state, event, tick());
      if (!d.ok) throw new Error(`${event.type} rejected: ${d.message}`);
      state = d.state;
      const type = event.type as OrderEventType;
      if (d.record && (ORDER_EVENT_TYPES as string[]).includes(type) && !found.has(type))
        found.set(type, { after: state, eventId: d.record.eventId });
    }
  }
  return found;
}

describe('what each event says about corrections', () => {
  it.each(ORDER_EVENT_TYPES)('%s: its definition says the table', (type) => {
    const rule = eventDefinition(type).correction;
    const expected = CORRECTABLE[type];
    if (expected === 'never') {
      expect(isCorrectable(rule)).toBe(false);
      if (!isCorrectable(rule)) expect(rule.never.length).toBeGreaterThan(10);
      return;
    }
    expect(isCorrectable(rule) && [...rule.fields]).toEqual(expected);
    const own = Object.keys(eventDefinition(type).schema.shape);
    for (const field of expected) expect(own).toContain(field);
    if (isCorrectable(rule)) for (const field of rule.printed ?? []) expect(expected).toContain(field);
  });

  const found = occurrences();
  const taken = ORDER_EVENT_TYPES.filter(
    (t) => !['EVENT_CORRECTED', 'PAYMENT_REVERSED', 'EVENT_UNDONE', 'RETRY_FAILED_EFFECTS'].includes(t),
  );

  it.each(taken)('%s: a correction of it does what its definition says', (type) => {
    const occurrence = found.get(type);
    if (!occurrence) throw new Error(`no life in this test records ${type}`);
    const { after: state, eventId } = occurrence;
    const expected = CORRECTABLE[type];
    const correct = (changes: Record<string, unknown>, ctx = manager('2027-09-01T00:00:00Z')) =>
      applyEvent(state, { type: 'EVENT_CORRECTED', correctsEventId: eventId, changes, reason: 'typo' }, ctx);

    if (expected === 'never') {
      const d = correct({ x: 1 });
      expect(d).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED' });
      const rule = eventDefinition(type).correction;
      if (!d.ok && !isCorrectable(rule)) expect(d.message).toContain(rule.never);
      return;
    }
    const changes = Object.fromEntries(expected.map((f) => [f, variant(f)]));
    const d = correct(changes);
    if (!d.ok) throw new Error(`${type}: ${d.code} ${d.message} ${JSON.stringify(d.details)}`);
    expect(d.record).toMatchObject({ type: 'EVENT_CORRECTED', corrects: eventId });
    // The corrected values are where the event put them.
    const rule = eventDefinition(type).correction;
    if (!isCorrectable(rule)) throw new Error('unreachable');
    const target = d.state.corrections?.events.find((e) => e.eventId === eventId);
    expect(target?.correctedBy).toEqual([d.record?.eventId]);
    const now = rule.current(d.state, target!) as Record<string, unknown>;
    for (const [field, value] of Object.entries(now))
      if (field in changes) expect(value).toEqual(changes[field]);
    // What follows: documents already out are re-issued when a printed value changed.
    const printedChanged = (rule.printed ?? []).length > 0;
    const docsOut = state.documents.copiesSentAt !== null || state.documents.dispatchedAt !== null;
    expect(d.state.documents.revision ?? 0).toBe(printedChanged && docsOut ? 1 : 0);
    expect(d.effects.length > 0).toBe(printedChanged && docsOut);
    // A field outside the rule is refused with why.
    const fixed = Object.keys(eventDefinition(type).schema.shape).find(
      (f) => !['type', 'eventId', ...expected].includes(f),
    );
    if (fixed) expect(correct({ [fixed]: 'x' })).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED' });
    // What an outsider has seen is a manager's to correct.
    const seen = rule.seenBy?.(state, expected) ?? null;
    const byOps = correct(changes, ops('2027-09-01T00:00:00Z'));
    expect(byOps.ok ? 'ok' : byOps.code).toBe(seen ? 'FORBIDDEN' : 'ok');
  });

  it('refuses unknown fields, bad values and corrections that change nothing', () => {
    const { after, eventId } = found.get('CUSTOMS_DECLARED')!;
    const correct = (changes: Record<string, unknown>) =>
      applyEvent(
        after,
        { type: 'EVENT_CORRECTED', correctsEventId: eventId, changes, reason: 'typo' },
        manager('2027-09-01T00:00:00Z'),
      );
    expect(correct({ nope: 1 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(correct({ declarationNo: '' })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'changes.declarationNo' })],
    });
    expect(correct({ declarationNo: after.shipping.customs?.declarationNo })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
    expect(correct({})).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(
      applyEvent(
        after,
        { type: 'EVENT_CORRECTED', correctsEventId: 'nope', changes: { declarationNo: 'D-2' }, reason: 'r' },
        manager('2027-09-01T00:00:00Z'),
      ),
    ).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED' });
  });
});

describe('a corrected B/L number after the copies went out', () => {
  it('re-issues the documents as revision 1, sends the copies again and marks the original', () => {
    const tick = clock();
    let state = apply(walkTo('SHIPPING'), [example('BOOKING_CONFIRMED'), example('CUSTOMS_DECLARED')], tick);
    const bl = applyEvent(state, example('BILL_OF_LADING_ISSUED', { blNo: 'COSU1' }), tick());
    if (!bl.ok) throw new Error(bl.message);
    state = apply(bl.state, [{ type: 'EFFECT_COMPLETED', effect: 'sendDocumentCopies' }], tick);
    const blId = bl.record!.eventId;
    const d = applyEvent(
      state,
      { type: 'EVENT_CORRECTED', correctsEventId: blId, changes: { blNo: 'COSU2' }, reason: 'carrier typo' },
      manager(tick().now),
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.state.shipping.billOfLading?.blNo).toBe('COSU2');
    expect(d.state.documents.revision).toBe(1);
    expect(d.state.documents.items.map((i) => i.reference)).toEqual(['CI-C-1-R1', 'PL-C-1-R1', 'COSU2']);
    expect(d.state.documents.revisions?.[0]).toMatchObject({
      revision: 1,
      by: 'mia',
      reason: 'carrier typo',
      changes: [{ field: 'blNo', from: 'COSU1', to: 'COSU2' }],
    });
    expect(d.effects).toEqual([{ type: 'sendDocumentCopies' }]);
    expect(d.state.timeline.find((e) => e.eventId === blId)?.correctedBy).toBe(d.record?.eventId);
    // Ops may not: the customer has seen the number.
    expect(
      applyEvent(
        state,
        { type: 'EVENT_CORRECTED', correctsEventId: blId, changes: { blNo: 'COSU2' }, reason: 'typo' },
        ops(tick().now),
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('a reversed deposit', () => {
  it('is owed again with a warning, the stage stays, and the warning goes once it is paid again', () => {
    const tick = clock();
    const before = walkTo('DEPOSIT');
    const paid = applyEvent(before, example('DEPOSIT_RECEIVED'), tick());
    if (!paid.ok) throw new Error(paid.message);
    const paymentId = paid.record!.eventId;
    const d = applyEvent(
      paid.state,
      { type: 'PAYMENT_REVERSED', paymentEventId: paymentId, reason: 'the cheque bounced' },
      manager(tick().now),
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.state.stage).toBe(paid.state.stage);
    expect(d.state.payments.depositReceived).toEqual(usd('0.00'));
    expect(orderView(d.state).amountOutstanding).toEqual(usd('10000.00'));
    expect(orderView(d.state).warnings).toEqual([
      expect.objectContaining({ code: 'PAYMENT_REVERSED', eventId: d.record?.eventId }),
    ]);
    expect(orderView(d.state).corrections.reversiblePayments).toEqual([]);
    // Not twice.
    expect(
      applyEvent(
        d.state,
        { type: 'PAYMENT_REVERSED', paymentEventId: paymentId, reason: 'again' },
        manager(tick().now),
      ),
    ).toMatchObject({ ok: false });
    const again = apply(d.state, [example('PAYMENT_RECEIVED', { amount: usd('3000.00') })], tick);
    expect(orderView(again).warnings).toEqual([]);
  });
});

describe('undo of a sample approval', () => {
  it('puts the order back in SAMPLE with the round pending, while nothing irreversible followed', () => {
    const tick = clock();
    const sent = apply(
      fresh(),
      [
        example('QUOTATION_SENT'),
        example('QUOTATION_ACCEPTED', { sampleRequired: true }),
        example('SAMPLE_SENT'),
      ],
      tick,
    );
    const approved = applyEvent(sent, example('SAMPLE_APPROVED'), tick());
    if (!approved.ok) throw new Error(approved.message);
    const id = approved.record!.eventId;
    expect(orderView(approved.state).corrections.undoable).toEqual({ eventId: id, type: 'SAMPLE_APPROVED' });
    const noted = apply(approved.state, [example('NOTE_ADDED')], tick);
    const d = applyEvent(
      noted,
      { type: 'EVENT_UNDONE', undoesEventId: id, reason: 'wrong click' },
      manager(tick().now),
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.state.stage).toBe('SAMPLE');
    expect(d.state.sample.history.at(-1)?.outcome).toBe('PENDING');
    expect(d.state.noteCount).toBe(noted.noteCount);
    expect(d.effects).toEqual([expect.objectContaining({ type: 'stageEntered', stage: 'SAMPLE' })]);
    expect(orderView(d.state).allowedEvents).toContain('SAMPLE_REJECTED');
    expect(orderView(d.state).corrections.undoable).toBeNull();

    // Once the contract was signed (a deposit request went out), the approval can no longer be undone.
    const signed = apply(approved.state, [example('CONTRACT_SIGNED')], tick);
    const refused = applyEvent(
      signed,
      { type: 'EVENT_UNDONE', undoesEventId: id, reason: 'r' },
      manager(tick().now),
    );
    expect(refused).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED' });
  });

  it('is refused on a closed order, which still takes notes and corrections', () => {
    const cancelled = walkTo('CANCELLED');
    const tick = clock('2027-06-01T00:00:00Z');
    expect(
      applyEvent(cancelled, { type: 'EVENT_UNDONE', undoesEventId: 'x', reason: 'r' }, manager(tick().now)),
    ).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED' });
    expect(applyEvent(cancelled, example('NOTE_ADDED'), tick())).toMatchObject({ ok: true });
    const cancelId = cancelled.corrections?.events.find((e) => e.type === 'ORDER_CANCELLED')?.eventId;
    expect(
      applyEvent(
        cancelled,
        {
          type: 'EVENT_CORRECTED',
          correctsEventId: cancelId!,
          changes: { reason: 'buyer withdrew' },
          reason: 'r',
        },
        ops(tick().now),
      ),
    ).toMatchObject({ ok: true, state: { status: 'CANCELLED', cancellation: { reason: 'buyer withdrew' } } });
  });
});

describe('money follows reversals', () => {
  /** received + written off + outstanding = total, and the schedule sums to it. */
  function expectMoneyConserved(state: OrderState) {
    const total = state.contract?.totalAmount;
    if (!total) return;
    const view = orderView(state);
    const received = addMoney(
      state.payments.depositReceived ?? usd('0.00'),
      state.payments.balanceReceived ?? usd('0.00'),
    );
    const sum = addMoney(
      addMoney(received, view.payments.writtenOff ?? usd('0.00')),
      view.payments.outstanding ?? usd('0.00'),
    );
    expect(sum).toEqual(total);
    expect(toMinor(received)).toBeGreaterThanOrEqual(0n);
    expect(view.payments.schedule.reduce((acc, s) => acc + toMinor(s.amount), 0n)).toBe(toMinor(total));
    expect(view.payments.schedule.reduce((acc, s) => acc + toMinor(s.outstanding), 0n)).toBe(
      toMinor(view.payments.outstanding ?? usd('0.00')),
    );
  }

  const cents = fc.integer({ min: 1, max: 1_200_000 }).map((c) => usd((c / 100).toFixed(2)));
  /** A step: a payment, a reversal of the n-th payment still standing, or a correction of its reference. */
  const step = fc.oneof(
    cents.map((amount) => ({ kind: 'pay' as const, amount })),
    fc.tuple(cents, fc.integer({ min: 0, max: 3000 })).map(([amount, charges]) => ({
      kind: 'payWithCharges' as const,
      amount,
      charges: usd((charges / 100).toFixed(2)),
    })),
    fc.nat(20).map((n) => ({ kind: 'reverse' as const, n })),
    fc.nat(20).map((n) => ({ kind: 'correct' as const, n })),
    cents.map((amount) => ({ kind: 'writeOff' as const, amount })),
  );

  it('received + written off + outstanding = total whatever is paid, reversed and corrected', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLANS),
        fc.integer({ min: 2, max: 8 }),
        fc.array(step, { maxLength: 14 }),
        (plan, cut, steps) => {
          const life = lifeOf(plan);
          const tick = clock('2027-01-01T00:00:00.000Z');
          let state = fresh();
          // Part of the life, then random money steps, then the rest of the life where it still fits.
          for (const e of life.slice(0, cut)) {
            const d = applyEvent(state, e, tick());
            if (d.ok) state = d.state;
          }
          for (const s of steps) {
            const standing = state.payments.receipts.filter((r) => r.eventId && !r.reversed);
            const target = standing.length ? standing[('n' in s ? s.n : 0) % standing.length] : undefined;
            const event: AnyEvent | null =
              s.kind === 'pay'
                ? { type: 'PAYMENT_RECEIVED', amount: s.amount, reference: 'p' }
                : s.kind === 'payWithCharges'
                  ? { type: 'PAYMENT_RECEIVED', amount: s.amount, reference: 'p', bankCharges: s.charges }
                  : s.kind === 'writeOff'
                    ? { type: 'PAYMENT_WRITTEN_OFF', amount: s.amount, reason: 'w' }
                    : !target?.eventId
                      ? null
                      : s.kind === 'reverse'
                        ? { type: 'PAYMENT_REVERSED', paymentEventId: target.eventId, reason: 'r' }
                        : {
                            type: 'EVENT_CORRECTED',
                            correctsEventId: target.eventId,
                            changes: { reference: `${target.reference}-fixed` },
                            reason: 'typo',
                          };
            if (!event) continue;
            const d = applyEvent(state, event, manager(tick().now));
            if (d.ok) {
              if (s.kind === 'reverse') expect(d.state.stage).toBe(state.stage);
              state = d.state;
            }
            expectMoneyConserved(state);
          }
          for (const e of life.slice(cut)) {
            const d = applyEvent(state, e, tick());
            if (d.ok) state = d.state;
            expectMoneyConserved(state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
