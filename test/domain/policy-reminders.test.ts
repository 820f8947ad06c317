import {
  DEFAULT_STALL_POLICY,
  addDuration,
  applyEvent,
  createOrder,
  durationToMs,
  nextReminder,
  resolveStallPolicy,
  type OrderState,
} from '../../src/domain';
import { apply, example, newOrder, T0, walkTo } from './fixtures';

const reminder = (state: OrderState, sequence: number): OrderState =>
  apply(state, [
    {
      type: 'REMINDER_SENT',
      sequence,
      stage: state.stage,
      email: {
        purpose: 'reminder',
        to: [],
        cc: [],
        subject: 's',
        sentAt: state.updatedAt,
        messageId: `m${sequence}`,
      },
    },
  ]);

describe('durations', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['36h', 129_600_000],
    ['14d', 1_209_600_000],
  ])('%s = %d ms', (d, ms) => expect(durationToMs(d)).toBe(ms));

  it('adds durations to instants in UTC', () => {
    expect(addDuration('2026-11-26T08:00:00Z', '24h')).toBe('2026-11-27T08:00:00.000Z');
    expect(addDuration('2026-11-26T09:00:00+01:00', '90s')).toBe('2026-11-26T08:01:30.000Z');
  });

  it('refuses bad input', () => {
    expect(() => durationToMs('1w')).toThrow('Invalid duration');
    expect(() => addDuration('not a date', '1h')).toThrow('Invalid instant');
  });
});

describe('stall policy', () => {
  it('merges per-order overrides over the defaults', () => {
    expect(resolveStallPolicy(DEFAULT_STALL_POLICY)).toEqual(DEFAULT_STALL_POLICY);
    const policy = resolveStallPolicy(
      { ...DEFAULT_STALL_POLICY, escalateTo: 'boss@exporter.example' },
      {
        stageTimeLimits: { DEPOSIT: '3d' },
        reminderPolicy: { repeatEvery: '12h', escalateAfter: 1, escalateTo: null },
      },
    );
    expect(policy).toEqual({
      stageTimeLimits: { ...DEFAULT_STALL_POLICY.stageTimeLimits, DEPOSIT: '3d' },
      repeatEvery: '12h',
      escalateAfter: 1,
      escalateTo: null,
      maxRemindersPerStage: 10,
    });
    expect(DEFAULT_STALL_POLICY.stageTimeLimits.DEPOSIT).toBe('7d');
  });

  it('starts the INQUIRY clock when the inquiry was received', () => {
    const order = createOrder(newOrder(), DEFAULT_STALL_POLICY, {
      now: '2026-11-26T10:00:00Z',
      actor: 'api',
    });
    expect(order).toMatchObject({
      stageEnteredAt: '2026-11-26T08:00:00.000Z',
      stageDeadline: '2026-11-27T08:00:00.000Z',
      createdAt: '2026-11-26T10:00:00.000Z',
      forwarder: null,
    });
    const { receivedAt: _r, ...inquiry } = newOrder().inquiry;
    const now = createOrder({ ...newOrder(), inquiry }, DEFAULT_STALL_POLICY, {
      now: '2026-11-26T10:00:00Z',
      actor: 'api',
    });
    expect(now.inquiry.receivedAt).toBe('2026-11-26T10:00:00.000Z');
  });

  it('sets each stage deadline from its own limit', () => {
    const d = applyEvent(walkTo('CONTRACT'), example('CONTRACT_SIGNED'), {
      now: '2027-01-01T00:00:00Z',
      actor: 'ops',
    });
    expect(d.ok && [d.state.stageEnteredAt, d.state.stageDeadline]).toEqual([
      '2027-01-01T00:00:00.000Z',
      '2027-01-08T00:00:00.000Z',
    ]);
  });
});

describe('nextReminder', () => {
  const policy = resolveStallPolicy(DEFAULT_STALL_POLICY, {
    reminderPolicy: { repeatEvery: '12h', escalateAfter: 2, escalateTo: 'director@exporter.example' },
  });
  const order = () => createOrder(newOrder(), policy, { now: '2026-11-26T08:00:00Z', actor: 'api' });

  it('is due at the deadline, then every repeatEvery, escalating after escalateAfter reminders', () => {
    let state = order();
    expect(nextReminder(state)).toEqual({
      dueAt: '2026-11-27T08:00:00.000Z',
      sequence: 1,
      to: ['li.wei@exporter.example'],
      cc: [],
      escalated: false,
    });
    state = reminder(state, 1);
    expect(nextReminder(state)).toMatchObject({
      dueAt: '2026-11-27T20:00:00.000Z',
      sequence: 2,
      escalated: false,
    });
    state = reminder(state, 2);
    expect(nextReminder(state)).toEqual({
      dueAt: '2026-11-28T08:00:00.000Z',
      sequence: 3,
      to: ['li.wei@exporter.example'],
      cc: ['director@exporter.example'],
      escalated: true,
    });
  });

  it('never escalates without an escalation address', () => {
    let state = createOrder(newOrder(), DEFAULT_STALL_POLICY, { now: '2026-11-26T08:00:00Z', actor: 'api' });
    for (let i = 1; i <= 5; i++) state = reminder(state, i);
    expect(nextReminder(state)).toMatchObject({ sequence: 6, cc: [], escalated: false });
  });

  it("stops at the policy's maxRemindersPerStage, and starts again in the next stage", () => {
    let state = createOrder(newOrder(), { ...policy, maxRemindersPerStage: 3 }, { now: T0, actor: 'api' });
    for (let i = 1; i <= 2; i++) state = reminder(state, i);
    expect(nextReminder(state)).toMatchObject({ sequence: 3 });
    state = reminder(state, 3);
    expect(nextReminder(state)).toBeNull();
    expect(nextReminder(apply(state, [example('QUOTATION_SENT')]))).toMatchObject({ sequence: 1 });
  });

  it('keeps reminding an order whose policy predates the cap (its history replays unchanged)', () => {
    const { maxRemindersPerStage: _cap, ...before } = policy;
    let state = createOrder(newOrder(), before, { now: T0, actor: 'api' });
    for (let i = 1; i <= 12; i++) state = reminder(state, i);
    expect(nextReminder(state)).toMatchObject({ sequence: 13 });
  });

  it('restarts with a stage change and stops for closed orders', () => {
    const stalled = reminder(reminder(order(), 1), 2);
    const moved = apply(stalled, [example('QUOTATION_SENT')]);
    expect(nextReminder(moved)).toMatchObject({ sequence: 1, escalated: false, dueAt: moved.stageDeadline });
    expect(nextReminder(walkTo('COMPLETED'))).toBeNull();
    expect(nextReminder(walkTo('CANCELLED'))).toBeNull();
  });
});
