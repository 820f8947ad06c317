/** The process list: what the order's terms and template call for, agreeing with allowedEvents. */
import fc from 'fast-check';
import { EXAMPLE_EVENTS as EXAMPLES, apply, clock, example, fresh, walkTo } from './fixtures';
import { freshFrom } from './templateFixtures';
import {
  allowedEvents,
  applyEvent,
  isTerminalStage,
  orderView,
  processList,
  type AnyEvent,
  type OrderState,
} from '../../src/domain';
import { stepEvents } from '../../src/domain/processList';

const statusOf = (s: OrderState) => Object.fromEntries(processList(s).map((p) => [p.key, p.status]));

describe('the process list', () => {
  it('follows the template: its inspections, its sample, its guidance', () => {
    const s = freshFrom();
    const list = processList(s);
    expect(list.map((p) => p.key)).toEqual([
      'QUOTATION_SENT',
      'QUOTATION_ACCEPTED',
      'SAMPLE_SENT',
      'SAMPLE_APPROVED',
      'CONTRACT_SIGNED',
      'INSPECTION_PRE_PRODUCTION',
      'INSPECTION_PRE_SHIPMENT',
      'PRODUCTION_COMPLETED',
      'BOOKING_CONFIRMED',
      'CUSTOMS_DECLARED',
      'BILL_OF_LADING_ISSUED',
      'PAYMENT_RECEIVED',
      'GOODS_RELEASED',
    ]);
    expect(list[0]).toEqual({
      key: 'QUOTATION_SENT',
      stage: 'INQUIRY',
      title: 'Send the quotation',
      status: 'PENDING',
      dueAt: s.stageDeadline,
      guidance: 'Quote FOB with a short validity.',
    });
    expect(statusOf(freshFrom({ sampleRequired: false })).SAMPLE_SENT).toBeUndefined();
  });

  it('without a template: v1 steps, one inspection, the deposit', () => {
    const keys = processList(fresh()).map((p) => p.key);
    expect(keys).toContain('DEPOSIT_RECEIVED');
    expect(keys.filter((k) => k.startsWith('INSPECTION_'))).toEqual(['INSPECTION_DURING_PRODUCTION']);
  });

  it('remembers when and by whom a step was done, and marks what is blocked or skipped', () => {
    const s = apply(walkTo('SAMPLE'), [example('SAMPLE_SENT')]);
    const list = processList(s);
    const sent = list.find((p) => p.key === 'SAMPLE_SENT');
    expect(sent).toMatchObject({ status: 'DONE', actor: 'ops', doneAt: s.sample.history[0].sentAt });
    expect(statusOf(s)).toMatchObject({ SAMPLE_APPROVED: 'PENDING', CONTRACT_SIGNED: 'PENDING' });
    const production = walkTo('PRODUCTION');
    expect(statusOf(production)).toMatchObject({
      INSPECTION_DURING_PRODUCTION: 'PENDING',
      PRODUCTION_COMPLETED: 'BLOCKED',
    });
    const cancelled = apply(walkTo('QUOTATION'), [example('ORDER_CANCELLED')]);
    expect(statusOf(cancelled)).toMatchObject({ QUOTATION_SENT: 'DONE', CONTRACT_SIGNED: 'SKIPPED' });
    expect(orderView(s).processList).toEqual(list);
  });

  it('marks an inspection step done only by an inspection of its kind', () => {
    const inspected = (kind: string) =>
      processList(apply(walkTo('PRODUCTION'), [example('INSPECTION_RECORDED', { kind })]))
        .filter((p) => p.key.startsWith('INSPECTION_'))
        .map((p) => [p.key, p.status]);
    expect(inspected('DURING_PRODUCTION')).toEqual([['INSPECTION_DURING_PRODUCTION', 'DONE']]);
    // A pre-shipment inspection before any goods are made counts for no step.
    expect(inspected('PRE_SHIPMENT')).toEqual([['INSPECTION_DURING_PRODUCTION', 'PENDING']]);
    expect(inspected('PRE_PRODUCTION')).toEqual([
      ['INSPECTION_PRE_PRODUCTION', 'DONE'],
      ['INSPECTION_DURING_PRODUCTION', 'PENDING'],
    ]);
  });

  it('keeps one record per step however often it is redone', () => {
    let s = walkTo('SAMPLE');
    for (let i = 0; i < 5; i++) s = apply(s, [example('SAMPLE_SENT'), example('SAMPLE_REJECTED')]);
    expect(Object.keys(s.steps ?? {}).sort()).toEqual([
      'QUOTATION_ACCEPTED',
      'QUOTATION_SENT',
      'SAMPLE_SENT',
    ]);
  });
});

/** Example fields that fit the order now, so a walk gets through its payment plan. */
function eventFor(state: OrderState, pick: number, flag: boolean): AnyEvent {
  const allowed = allowedEvents(state).filter(
    (t) => !['ORDER_CANCELLED', 'QUOTATION_DECLINED'].includes(t) || pick % 13 === 0,
  );
  const type = allowed.length > 0 ? allowed[pick % allowed.length] : 'NOTE_ADDED';
  const fields: Record<string, unknown> = {};
  if (type === 'INSPECTION_RECORDED') {
    fields.kind = (['PRE_PRODUCTION', 'DURING_PRODUCTION', 'PRE_SHIPMENT'] as const)[pick % 3];
    fields.result = flag ? 'PASSED' : 'FAILED';
  }
  if (type === 'QUOTATION_ACCEPTED' && pick % 2 === 0) fields.sampleRequired = flag;
  if (type === 'CONTRACT_SIGNED' && pick % 3 === 0) fields.paymentPlan = { balanceMethod: 'LC' };
  return { ...EXAMPLES[type], ...fields } as AnyEvent;
}

describe('the process list on every reachable state', () => {
  it('offers as PENDING in the current stage only steps allowedEvents has, and DONE steps are past', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(fc.record({ pick: fc.nat(), flag: fc.boolean() }), { maxLength: 40 }),
        (templated, steps) => {
          const tick = clock();
          let state = templated ? freshFrom() : fresh();
          for (const step of [{ pick: 0, flag: true }, ...steps]) {
            const allowed = new Set(allowedEvents(state));
            for (const p of processList(state)) {
              if (p.status === 'DONE' && p.doneAt) expect(p.doneAt <= state.updatedAt).toBe(true);
              const doable = stepEvents(p.key).some((t) => allowed.has(t));
              if (p.stage === state.stage && p.status === 'PENDING') expect(doable).toBe(true);
              if (p.status === 'BLOCKED') expect(doable).toBe(false);
              if (isTerminalStage(state.stage)) expect(['DONE', 'SKIPPED']).toContain(p.status);
            }
            const d = applyEvent(state, eventFor(state, step.pick, step.flag), tick());
            if (d.ok) state = d.state;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
