import {
  MAX_REJECTED_EVENTS,
  applyEvent,
  recordRejectedEvent,
  type AnyEvent,
  type OrderState,
  type SentEmail,
} from '../../src/domain';
import { accept as acceptIn, apply, example, fresh, walkTo } from './fixtures';

const ctx = { now: '2027-01-01T00:00:00Z', actor: 'ops' };
const accept = (state: OrderState, event: AnyEvent, context = ctx) => acceptIn(state, event, context);
const email = (purpose: string): SentEmail => ({
  purpose,
  to: ['someone@example.com'],
  cc: [],
  subject: purpose,
  sentAt: '2027-01-01T00:05:00.000Z',
  messageId: `<${purpose}@desk>`,
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('quotation and sample', () => {
  it('records quotation revisions without leaving QUOTATION', () => {
    const first = walkTo('QUOTATION');
    expect(first.quotation).toMatchObject({
      quotationNo: 'Q-1',
      revisions: 1,
      total: { amount: '10000.00' },
    });
    const d = accept(first, example('QUOTATION_SENT', { quotationNo: 'Q-1-R1' }));
    expect(d.state.stage).toBe('QUOTATION');
    expect(d.state.stageEnteredAt).toBe(first.stageEnteredAt);
    expect(d.state.quotation).toMatchObject({ quotationNo: 'Q-1-R1', revisions: 2 });
    expect(d.effects).toEqual([]);
  });

  it('defaults depositPercent to 30 and rejects mixed currencies', () => {
    const d = accept(walkTo('INQUIRY'), example('QUOTATION_SENT', { paymentTerms: { method: 'LC' } }));
    expect(d.state.quotation?.paymentTerms).toEqual({ method: 'LC', depositPercent: 30 });
    const mixed = applyEvent(
      walkTo('INQUIRY'),
      example('QUOTATION_SENT', {
        lines: [
          { description: 'a', quantity: 1, unitPrice: { amount: '1.00', currency: 'USD' } },
          { description: 'b', quantity: 1, unitPrice: { amount: '1.00', currency: 'EUR' } },
        ],
      }),
      ctx,
    );
    expect(mixed).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ path: 'lines' }] });
  });

  it('waives the sample when the customer says so', () => {
    const d = accept(walkTo('QUOTATION'), example('QUOTATION_ACCEPTED', { sampleRequired: false }));
    expect(d.state.stage).toBe('CONTRACT');
    expect(d.state.sample).toMatchObject({ required: false, rounds: 0, approved: false });
  });

  it('loops through rejected samples until one is approved', () => {
    const state = apply(walkTo('SAMPLE'), [
      example('SAMPLE_SENT'),
      example('SAMPLE_REJECTED', { feedback: 'too dim' }),
      example('SAMPLE_SENT', { trackingNo: '456' }),
    ]);
    expect(state.sample.rounds).toBe(2);
    const d = accept(state, example('SAMPLE_APPROVED', { note: 'perfect' }));
    expect(d.state.stage).toBe('CONTRACT');
    expect(d.state.sample.approved).toBe(true);
    expect(d.state.sample.history.map((r) => [r.round, r.outcome, r.feedback])).toEqual([
      [1, 'REJECTED', 'too dim'],
      [2, 'APPROVED', 'perfect'],
    ]);
  });

  it('cancels on a declined quotation without notifying anyone', () => {
    const d = accept(walkTo('QUOTATION'), example('QUOTATION_DECLINED'));
    expect(d.state).toMatchObject({
      stage: 'CANCELLED',
      status: 'CANCELLED',
      closedAt: ctx.now.replace('Z', '.000Z'),
    });
    expect(d.state.cancellation?.reason).toBe('too expensive');
    expect(d.effects.map((e) => e.type)).toEqual(['stageEntered']);
  });
});

describe('production, shipping and documents', () => {
  it('records progress and inspections, and requests a booking on completion (CFR: we book)', () => {
    const state = apply(walkTo('PRODUCTION', 'CFR'), [
      example('PRODUCTION_PROGRESS', { percent: 40, note: 'moulds ready' }),
      example('PRODUCTION_PROGRESS', { percent: 80 }),
      example('INSPECTION_RECORDED', { result: 'FAILED', reportRef: 'R-1' }),
      example('INSPECTION_RECORDED'),
    ]);
    expect(state.production).toMatchObject({ percent: 80, notes: ['moulds ready'] });
    expect(state.production.inspections.map((i) => [i.result, i.reportRef])).toEqual([
      ['FAILED', 'R-1'],
      ['PASSED', null],
    ]);
    const d = accept(state, example('PRODUCTION_COMPLETED'));
    expect(d.state.stage).toBe('SHIPPING');
    expect(d.state.production.percent).toBe(100);
    expect(d.effects.map((e) => e.type)).toEqual(['stageEntered', 'requestBooking']);
  });

  it('keeps booking, customs and B/L and lists the documents', () => {
    const state = apply(walkTo('SHIPPING'), [
      example('BOOKING_CONFIRMED', { vessel: 'FIRST' }),
      example('BOOKING_CONFIRMED', { vessel: 'ROLLED', containerNos: ['MSKU1234565'] }),
      example('CUSTOMS_DECLARED'),
    ]);
    expect(state.shipping.booking.confirmed).toMatchObject({
      vessel: 'ROLLED',
      containerNos: ['MSKU1234565'],
    });
    const d = accept(state, example('BILL_OF_LADING_ISSUED', { blType: 'TELEX_RELEASE' }));
    expect(d.state.stage).toBe('BALANCE');
    expect(d.effects.map((e) => e.type)).toEqual(['stageEntered', 'sendDocumentCopies', 'requestBalance']);
    expect(d.state.shipping.billOfLading).toMatchObject({ blNo: 'BL-1', blType: 'TELEX_RELEASE' });
    expect(d.state.documents.items).toEqual([
      { kind: 'COMMERCIAL_INVOICE', reference: 'CI-C-1' },
      { kind: 'PACKING_LIST', reference: 'PL-C-1' },
      { kind: 'BILL_OF_LADING', reference: 'BL-1' },
    ]);
  });

  it('completes after documents were dispatched and the goods released', () => {
    const state = walkTo('COMPLETED');
    expect(state).toMatchObject({ status: 'COMPLETED', stageDeadline: null, stalled: false });
    expect(state.closedAt).toBe(state.stageEnteredAt);
    expect(state.timeline.at(-1)).toMatchObject({
      type: 'GOODS_RELEASED',
      summary: 'Goods released; order completed',
    });
    const withNote = accept(
      apply(walkTo('DOCUMENTS'), [
        { type: 'EFFECT_COMPLETED', effect: 'dispatchDocuments' },
        example('ORIGINALS_COURIERED'),
      ]),
      example('GOODS_RELEASED', { note: 'picked up in Hamburg' }),
    );
    expect(withNote.state.timeline.at(-1)?.summary).toContain('Hamburg');
  });

  it('records the confirmation of the document copies', () => {
    const d = accept(walkTo('BALANCE'), example('DOCUMENTS_CONFIRMED'));
    expect(d.state.documents.confirmedAt).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('cancelling, notes and the timeline', () => {
  it('cancels before the B/L and tells the account manager', () => {
    const d = accept(walkTo('CONTRACT'), example('ORDER_CANCELLED'));
    expect(d.state.status).toBe('CANCELLED');
    expect(d.effects.map((e) => e.type)).toEqual(['stageEntered', 'notifyCancelled']);
  });

  it('after a deposit, tells the customer too what happens to it', () => {
    const d = accept(walkTo('SHIPPING'), example('ORDER_CANCELLED', { depositHandling: 'REFUND' }));
    expect(d.state.cancellation?.depositHandling).toBe('REFUND');
    expect(d.effects.map((e) => e.type)).toEqual([
      'stageEntered',
      'notifyCancelled',
      'notifyCustomerCancelled',
    ]);
  });

  it('adds notes to the timeline only', () => {
    const before = walkTo('DEPOSIT');
    const d = accept(before, { type: 'NOTE_ADDED', text: 'customer on holiday', eventId: 'n-1' });
    expect(d.state.timeline.at(-1)).toEqual({
      eventId: 'n-1',
      type: 'NOTE_ADDED',
      at: '2027-01-01T00:00:00.000Z',
      actor: 'ops',
      actorId: 'ops',
      summary: 'Note: customer on holiday',
    });
    expect(d.record).toMatchObject({ seq: before.timelineTotal + 1, eventId: 'n-1' });
    expect(d.record?.payload).toMatchObject({ text: 'customer on holiday' });
    expect({
      ...d.state,
      timeline: before.timeline,
      timelineTotal: before.timelineTotal,
      eventKeys: before.eventKeys,
      clientEventCount: before.clientEventCount,
      noteCount: before.noteCount,
      updatedAt: before.updatedAt,
      corrections: before.corrections,
    }).toEqual(before);
    expect(d.state).toMatchObject({
      noteCount: before.noteCount + 1,
      clientEventCount: before.clientEventCount + 1,
    });
  });

  it('generates deterministic, unique event ids when the client sends none', () => {
    const state = fresh();
    expect(state.timeline).toEqual([
      expect.objectContaining({ eventId: 'ORDER_CREATED-1', type: 'ORDER_CREATED', actor: 'ops' }),
    ]);
    // A client key that looks like a generated id must not collide with the next generated one.
    const s1 = accept(state, { type: 'NOTE_ADDED', text: 'a', eventId: 'NOTE_ADDED-3' }).state;
    const s2 = accept(s1, { type: 'NOTE_ADDED', text: 'b' }).state;
    expect(s2.timeline.map((t) => t.eventId)).toEqual(['ORDER_CREATED-1', 'NOTE_ADDED-3', 'NOTE_ADDED-3.2']);
    // ...and a generated id is not an idempotency key: the same text again is applied again.
    const s3 = accept(s2, { type: 'NOTE_ADDED', text: 'b' }).state;
    expect(s3.timeline).toHaveLength(4);
    expect(s3.timelineTotal).toBe(4);
  });

  it('applies a repeated eventId once, even after the stage moved on', () => {
    const state = walkTo('DEPOSIT');
    const first = accept(state, example('DEPOSIT_RECEIVED', { eventId: 'pay-1' }));
    expect(first.state.stage).toBe('PRODUCTION');
    const again = applyEvent(first.state, example('DEPOSIT_RECEIVED', { eventId: 'pay-1' }), ctx);
    // the answer names the key the order took it under: a client tells its retry from a reused id
    expect(first.key?.eventId).toBe('pay-1');
    expect(again).toEqual({
      ok: true,
      state: first.state,
      effects: [],
      record: null,
      key: first.key,
      duplicate: true,
    });
  });

  it('refuses a reused eventId that comes with a different event (EVENT_ID_REUSED)', () => {
    const state = walkTo('DEPOSIT');
    const first = accept(state, example('DEPOSIT_RECEIVED', { eventId: 'pay-1' }));
    const other = applyEvent(
      first.state,
      { type: 'NOTE_ADDED', text: 'something else', eventId: 'pay-1' },
      ctx,
    );
    expect(other).toMatchObject({ ok: false, code: 'EVENT_ID_REUSED' });
  });

  it('rejects malformed events with VALIDATION_FAILED and details', () => {
    const d = applyEvent(walkTo('INQUIRY'), { type: 'QUOTATION_SENT', eventId: 'x' } as AnyEvent, ctx);
    expect(d).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      stage: 'INQUIRY',
      allowedEvents: ['QUOTATION_SENT', 'NOTE_ADDED', 'ORDER_CANCELLED', 'ORDER_ON_HOLD'],
    });
    expect(!d.ok && d.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'quotationNo' })]),
    );
    expect(applyEvent(fresh(), { type: 'NO_SUCH_EVENT' } as unknown as AnyEvent, ctx)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    });
  });

  it('never mutates the state it is given', () => {
    const state = deepFreeze(walkTo('BALANCE'));
    const copy = structuredClone(state);
    for (const e of [example('BALANCE_RECEIVED'), example('NOTE_ADDED'), example('DOCUMENTS_CONFIRMED')]) {
      expect(applyEvent(state, e, ctx).ok).toBe(true);
    }
    expect(state).toEqual(copy);
  });

  it('keeps the state JSON-serialisable', () => {
    const state = walkTo('COMPLETED');
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe('system events', () => {
  it('marks a stall once, for the current stage only', () => {
    const state = walkTo('DEPOSIT');
    const stalled = accept(
      state,
      { type: 'STAGE_STALLED', stage: 'DEPOSIT' },
      { now: '2027-01-01T00:00:00Z', actor: 'system' },
    );
    expect(stalled.state.stalled).toBe(true);
    expect(stalled.state.timeline.at(-1)).toMatchObject({ type: 'STAGE_STALLED', actor: 'system' });
    expect(stalled.state.timeline.at(-1)?.summary).toContain('DEPOSIT outlived its limit of 7d');
    expect(applyEvent(stalled.state, { type: 'STAGE_STALLED' }, ctx)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
    expect(applyEvent(state, { type: 'STAGE_STALLED', stage: 'CONTRACT' }, ctx)).toMatchObject({ ok: false });
    expect(applyEvent(walkTo('COMPLETED'), { type: 'STAGE_STALLED' }, ctx)).toMatchObject({
      ok: false,
      stage: 'COMPLETED',
    });
    // A stage change clears the stall.
    const moved = accept(stalled.state, example('DEPOSIT_RECEIVED'));
    expect(moved.state).toMatchObject({ stage: 'PRODUCTION', stalled: false, remindersSentInStage: 0 });
  });

  it('records reminders, counting only those meant for the current stage', () => {
    const state = walkTo('DEPOSIT');
    const one = accept(state, {
      type: 'REMINDER_SENT',
      sequence: 1,
      stage: 'DEPOSIT',
      email: email('reminder'),
    }).state;
    expect(one).toMatchObject({ stalled: true, remindersSent: 1, remindersSentInStage: 1 });
    const late = accept(one, {
      type: 'REMINDER_SENT',
      sequence: 4,
      stage: 'CONTRACT',
      email: email('late'),
    }).state;
    expect(late).toMatchObject({ remindersSent: 2, remindersSentInStage: 1 });
    const closed = accept(walkTo('CANCELLED'), {
      type: 'REMINDER_SENT',
      sequence: 1,
      email: email('x'),
    }).state;
    expect(closed).toMatchObject({ stalled: false, remindersSent: 1, remindersSentInStage: 0 });
  });

  it.each([
    ['requestBooking', 'SHIPPING', (s: OrderState) => s.shipping.booking.requestedAt],
    ['sendDocumentCopies', 'BALANCE', (s: OrderState) => s.documents.copiesSentAt],
    ['dispatchDocuments', 'DOCUMENTS', (s: OrderState) => s.documents.dispatchedAt],
    ['notifyCancelled', 'CANCELLED', (s: OrderState) => s.cancellation?.notifiedAt],
  ] as const)(
    'EFFECT_COMPLETED %s stamps the state and records the email for the read model',
    (effect, stage, field) => {
      const d = accept(walkTo(stage), { type: 'EFFECT_COMPLETED', effect, email: email(effect) });
      expect(field(d.state)).toBe('2027-01-01T00:05:00.000Z');
      expect(d.record?.payload).toMatchObject({ email: email(effect) });
      expect(d.effects).toEqual([]);
    },
  );

  it('EFFECT_COMPLETED without email uses the event time; notifyCancelled without a cancellation is harmless', () => {
    const d = accept(walkTo('SHIPPING'), { type: 'EFFECT_COMPLETED', effect: 'requestBooking' });
    expect(d.state.shipping.booking.requestedAt).toBe('2027-01-01T00:00:00.000Z');
    const odd = accept(walkTo('SHIPPING'), { type: 'EFFECT_COMPLETED', effect: 'notifyCancelled' });
    expect(odd.state.cancellation).toBeNull();
  });

  it('parks failed effects until an operator retries them', () => {
    const cancelled = walkTo('CANCELLED');
    const failed = apply(cancelled, [
      { type: 'EFFECT_FAILED', effect: 'notifyCancelled', error: 'SMTP down' },
      { type: 'EFFECT_FAILED', effect: 'notifyCancelled', error: 'SMTP still down' },
    ]);
    expect(failed.failedEffects).toHaveLength(2);
    expect(failed.timeline.at(-1)?.summary).toContain('SMTP still down');
    const retry = accept(failed, { type: 'RETRY_FAILED_EFFECTS', eventId: 'retry-1' });
    expect(retry.effects).toEqual([{ type: 'notifyCancelled' }]);
    expect(retry.state.failedEffects).toEqual([]);
    expect(applyEvent(retry.state, { type: 'RETRY_FAILED_EFFECTS' }, ctx)).toMatchObject({
      ok: false,
      code: 'EVENT_NOT_ALLOWED',
    });
    // A later success clears a failure that is still parked.
    const healed = accept(failed, { type: 'EFFECT_COMPLETED', effect: 'notifyCancelled' });
    expect(healed.state.failedEffects).toEqual([]);
  });
});

describe('recordRejectedEvent', () => {
  it('keeps what was rejected, why and by whom, and caps the list', () => {
    const state = fresh();
    const once = recordRejectedEvent(
      state,
      { type: 'GOODS_RELEASED', eventId: 'g-1' },
      'EVENT_NOT_ALLOWED',
      ctx,
    );
    expect(once.rejectedEvents).toEqual([
      {
        eventId: 'g-1',
        type: 'GOODS_RELEASED',
        at: '2027-01-01T00:00:00.000Z',
        actor: 'ops',
        reason: 'EVENT_NOT_ALLOWED',
      },
    ]);
    expect(once.updatedAt).toBe(state.updatedAt);
    expect(state.rejectedEvents).toEqual([]);
    const junk = recordRejectedEvent(state, 'not an object', 'VALIDATION_FAILED', ctx);
    expect(junk.rejectedEvents[0]).toMatchObject({ eventId: null, type: 'UNKNOWN' });
    let many = state;
    for (let i = 0; i < MAX_REJECTED_EVENTS + 5; i++)
      many = recordRejectedEvent(many, { type: `T${i}` }, 'x', ctx);
    expect(many.rejectedEvents).toHaveLength(MAX_REJECTED_EVENTS);
    expect(many.rejectedEvents[0].type).toBe('T5');
  });
});
