import fc from 'fast-check';
import {
  EFFECT_KINDS,
  ORDER_EVENT_TYPES,
  STATE_WINDOWS,
  allowedEvents,
  recordedElsewhere,
  applyEvent,
  compareMoney,
  fromMinor,
  isTerminalStage,
  nextReminder,
  stageRank,
  subtractMoney,
  summarizeOrder,
  timelineEntry,
  toMinor,
  type AnyEvent,
  type OrderEventType,
  type OrderState,
} from '../../src/domain';
import { EXAMPLE_EVENTS, clock, fresh } from './fixtures';

/**
 * Random data, interpreted against the current state: "guided" steps pick one of the allowed
 * events (so walks reach the late stages), "any" steps pick any client event, "system" steps
 * feed what the workflow would. Interpreting instead of pre-building keeps shrinking useful.
 */
const stepArb = fc.record({
  mode: fc.constantFrom('guided', 'guided', 'guided', 'guided', 'guided', 'guided', 'any', 'system'),
  pick: fc.nat(),
  amount: fc.constantFrom('due', 'due', 'half', 'random', 'over'),
  cents: fc.integer({ min: -500, max: 2_000_000 }),
  currency: fc.constantFrom('USD', 'USD', 'USD', 'EUR'),
  eventId: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { freq: 3 }),
  flag: fc.boolean(),
  percent: fc.constantFrom(undefined, 0, 30, 33.33, 50, 100),
});
const ENDINGS: OrderEventType[] = ['ORDER_CANCELLED', 'QUOTATION_DECLINED', 'NOTE_ADDED'];
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function payment(due: { amount: string; currency: string } | null, step: Step) {
  const dueMinor = due ? toMinor(due) : 100n;
  const minor =
    step.amount === 'due'
      ? dueMinor
      : step.amount === 'half'
        ? dueMinor / 2n
        : step.amount === 'over'
          ? dueMinor + 1n
          : BigInt(step.cents);
  return fromMinor(minor, step.currency);
}

function buildEvent(state: OrderState, step: Step): AnyEvent {
  const tail = step.eventId === null ? {} : { eventId: step.eventId };
  if (step.mode === 'system') {
    const effect = EFFECT_KINDS[step.pick % EFFECT_KINDS.length];
    const email = {
      purpose: effect,
      to: ['x@example.com'],
      cc: [],
      subject: 's',
      sentAt: state.updatedAt,
      messageId: 'm',
    };
    const system: AnyEvent[] = [
      { type: 'STAGE_STALLED' },
      { type: 'REMINDER_SENT', sequence: state.remindersSentInStage + 1, stage: state.stage, email },
      { type: 'EFFECT_COMPLETED', effect, email },
      { type: 'EFFECT_FAILED', effect, error: 'boom' },
    ];
    return { ...system[step.pick % system.length], ...tail };
  }
  // Guided steps move forward; endings and notes still come from the other modes and from flag.
  const rareEnding = step.pick % 16 === 0;
  const candidates = step.mode === 'guided' ? allowedEvents(state) : ORDER_EVENT_TYPES;
  const pool = candidates.filter((t) => rareEnding || !ENDINGS.includes(t));
  const type = pool.length > 0 ? pool[step.pick % pool.length] : 'NOTE_ADDED';
  const p = state.payments;
  const fields: Record<string, unknown> = {};
  if (type === 'QUOTATION_ACCEPTED') fields.sampleRequired = step.flag;
  if (type === 'INSPECTION_RECORDED') fields.result = step.flag ? 'PASSED' : 'FAILED';
  if (type === 'CONTRACT_SIGNED') {
    fields.totalAmount = fromMinor(BigInt(Math.max(1, Math.abs(step.cents))), 'USD');
    if (step.percent !== undefined) fields.depositPercent = step.percent;
  }
  if (type === 'DEPOSIT_RECEIVED' && p.depositRequired && p.depositReceived) {
    fields.amount = payment(subtractMoney(p.depositRequired, p.depositReceived), step);
  }
  if (type === 'BALANCE_RECEIVED' && p.balanceRequired && p.balanceReceived) {
    fields.amount = payment(subtractMoney(p.balanceRequired, p.balanceReceived), step);
  }
  return { ...EXAMPLE_EVENTS[type], ...fields, ...tail } as AnyEvent;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

function paymentsWithinDue(state: OrderState): void {
  const p = state.payments;
  if (p.depositRequired && p.depositReceived)
    expect(compareMoney(p.depositReceived, p.depositRequired)).toBeLessThanOrEqual(0);
  if (p.balanceRequired && p.balanceReceived)
    expect(compareMoney(p.balanceReceived, p.balanceRequired)).toBeLessThanOrEqual(0);
  if (state.contract && p.depositReceived && p.balanceRequired && p.depositWrittenOff) {
    // balance required = total - deposit received - deposit written off, always (the pinned rule).
    expect(toMinor(p.balanceRequired) + toMinor(p.depositReceived) + toMinor(p.depositWrittenOff)).toBe(
      toMinor(state.contract.totalAmount),
    );
  }
}

describe('random event sequences keep the invariants', () => {
  it('payments, stage order, timeline, idempotency, allowedEvents, immutability', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 80, size: 'max' }), (steps) => {
        const tick = clock();
        let state = fresh();
        for (const step of steps) {
          const event = buildEvent(state, step);
          const before = deepFreeze(state);
          const allowedBefore = allowedEvents(before);
          const known =
            step.mode !== 'system' && event.eventId !== undefined
              ? before.eventKeys.find((k) => k.eventId === event.eventId)
              : undefined;
          const decision = applyEvent(before, event, tick());

          if (known && decision.ok) {
            expect(decision).toEqual({
              ok: true,
              state: before,
              effects: [],
              record: null,
              key: known,
              duplicate: true,
            });
            continue;
          }
          if (known) {
            // The same key with another event (or an event that no longer parses) is refused.
            expect(['EVENT_ID_REUSED', 'VALIDATION_FAILED']).toContain(!decision.ok && decision.code);
            continue;
          }
          if (!decision.ok) {
            expect(decision.stage).toBe(before.stage);
            expect(decision.allowedEvents).toEqual(allowedBefore);
            if (decision.code === 'EVENT_NOT_ALLOWED' && step.mode !== 'system') {
              expect(allowedBefore).not.toContain(event.type);
            }
            continue;
          }
          const after = decision.state;
          if (step.mode !== 'system' && !recordedElsewhere(event.type))
            expect(allowedBefore).toContain(event.type);
          // The one step back: a new quotation after a rejected sample.
          // ...and an undo, which puts back the stage before the latest move.
          if (
            !(event.type === 'QUOTATION_SENT' && before.stage === 'SAMPLE') &&
            event.type !== 'EVENT_UNDONE'
          )
            expect(stageRank(after.stage)).toBeGreaterThanOrEqual(stageRank(before.stage));
          if (isTerminalStage(before.stage)) expect(after.stage).toBe(before.stage);
          // The timeline window moves by one; the record for the read model is the new entry.
          expect(after.timelineTotal).toBe(before.timelineTotal + 1);
          expect(decision.record).toMatchObject({ seq: after.timelineTotal, type: event.type });
          expect(after.timeline.at(-1)).toEqual(decision.record && timelineEntry(decision.record));
          // A correction marks the entry it takes back; nothing else in the window changes.
          const unmarked = (entries: typeof after.timeline) => entries.map(({ correctedBy: _c, ...e }) => e);
          expect(unmarked(after.timeline)).toEqual(
            unmarked([...before.timeline, after.timeline.at(-1)!].slice(-STATE_WINDOWS.timeline)),
          );
          expect(new Set(after.timeline.map((t) => t.eventId)).size).toBe(after.timeline.length);
          paymentsWithinDue(after);
          const entered = decision.effects.filter((e) => e.type === 'stageEntered');
          expect(entered.length).toBe(after.stage === before.stage ? 0 : 1);
          state = after;
        }
        // Whatever happened, the order is still readable.
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
        expect(summarizeOrder(state)).toContain(state.orderId);
        if (isTerminalStage(state.stage)) expect(nextReminder(state)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('terminal orders accept only notes, corrections and RETRY_FAILED_EFFECTS', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 80, size: 'max' }),
        fc.constantFrom(...ORDER_EVENT_TYPES),
        (steps, type) => {
          const tick = clock();
          let state = fresh();
          for (const step of steps) {
            const d = applyEvent(state, buildEvent(state, step), tick());
            if (d.ok) state = d.state;
          }
          fc.pre(isTerminalStage(state.stage));
          const allowed = allowedEvents(state);
          // Money after the ship sails: costs and FX settlements come after the close.
          const afterClose = [
            'NOTE_ADDED',
            'RETRY_FAILED_EFFECTS',
            'EVENT_CORRECTED',
            'COST_RECORDED',
            'FX_SETTLED',
          ];
          expect(allowed.filter((t) => !afterClose.includes(t))).toEqual([]);
          expect(allowed.includes('RETRY_FAILED_EFFECTS')).toBe(state.failedEffects.length > 0);
          const d = applyEvent(state, EXAMPLE_EVENTS[type] as AnyEvent, tick());
          // An attachment is not offered (its endpoint records it) but a closed order takes it.
          if ((allowed.includes(type) || recordedElsewhere(type)) && d.ok) {
            expect(d.state.stage).toBe(state.stage);
          } else if (type === 'EVENT_UNDONE' || type === 'PAYMENT_REVERSED') {
            expect(d).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED', stage: state.stage });
          } else if (allowed.includes(type)) {
            expect(d.ok).toBe(false);
          } else {
            expect(d).toMatchObject({ ok: false, code: 'EVENT_NOT_ALLOWED', stage: state.stage });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a repeated eventId changes nothing, whatever comes in between', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 40, size: 'max' }),
        fc.array(stepArb, { maxLength: 10 }),
        (prefix, between) => {
          const tick = clock();
          let state = fresh();
          const run = (steps: Step[]) => {
            for (const step of steps) {
              const d = applyEvent(state, buildEvent(state, { ...step, eventId: null }), tick());
              if (d.ok) state = d.state;
            }
          };
          run(prefix);
          const first = applyEvent(state, { type: 'NOTE_ADDED', text: 'once', eventId: 'dup' }, tick());
          fc.pre(first.ok);
          if (first.ok) state = first.state;
          run(between);
          const again = applyEvent(state, { type: 'NOTE_ADDED', text: 'once', eventId: 'dup' }, tick());
          expect(again).toEqual({
            ok: true,
            state,
            effects: [],
            record: null,
            key: first.ok ? first.key : null,
            duplicate: true,
          });
          const other = applyEvent(state, { type: 'NOTE_ADDED', text: 'twice', eventId: 'dup' }, tick());
          expect(other).toMatchObject({ ok: false, code: 'EVENT_ID_REUSED' });
        },
      ),
      { numRuns: 200 },
    );
  });
});
