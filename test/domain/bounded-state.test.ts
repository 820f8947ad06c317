import { applyEvent, ORDER_LIMITS, type AnyEvent, type OrderState } from '../../src/domain';
import { clock, walkTo } from './fixtures';

const MAX_STATE_BYTES = 64 * 1024;
const bytes = (state: OrderState) => Buffer.byteLength(JSON.stringify(state), 'utf8');
/** A note of the longest text the schema takes, in Chinese (three bytes a character in UTF-8). */
const longNote = (n: number) => `第${n}条备注：`.padEnd(4000, '货');

describe('an order state stays bounded whatever clients send', () => {
  it('2,000 events, half of them notes of maximum length: under 64 kB, and the order still takes events', () => {
    const tick = clock();
    let state = walkTo('PRODUCTION');
    const start = state.timelineTotal;
    for (let i = 0; i < 2_000; i++) {
      const event: AnyEvent =
        i % 2 === 0
          ? { type: 'NOTE_ADDED', text: longNote(i), eventId: `note-${i}` }
          : { type: 'PRODUCTION_PROGRESS', percent: i % 100, note: longNote(i).slice(0, 2000) };
      const decision = applyEvent(state, event, tick());
      if (!decision.ok) throw new Error(`event ${i} refused: ${decision.message}`);
      state = decision.state;
      if (i % 250 === 0) expect(bytes(state)).toBeLessThan(MAX_STATE_BYTES);
    }
    expect(state.timelineTotal).toBe(start + 2_000);
    expect(bytes(state)).toBeLessThan(MAX_STATE_BYTES);
    // Past its note limit the order refuses notes with ORDER_LIMIT_REACHED, and takes everything else.
    expect(state.noteCount).toBe(ORDER_LIMITS.notes);
    const note = applyEvent(state, { type: 'NOTE_ADDED', text: 'one more' }, tick());
    expect(note).toMatchObject({ ok: false, code: 'ORDER_LIMIT_REACHED' });
    const progress = applyEvent(state, { type: 'PRODUCTION_PROGRESS', percent: 90 }, tick());
    expect(progress.ok).toBe(true);
  });

  it('refuses every client event once the order has taken its maximum', () => {
    const state = { ...walkTo('PRODUCTION'), clientEventCount: ORDER_LIMITS.clientEvents };
    const d = applyEvent(state, { type: 'PRODUCTION_PROGRESS', percent: 10 }, clock()());
    expect(d).toMatchObject({ ok: false, code: 'ORDER_LIMIT_REACHED' });
    // The workflow's own facts still apply: a sent reminder is recorded whatever the count.
    const system = applyEvent(
      state,
      {
        type: 'REMINDER_SENT',
        sequence: 1,
        stage: 'PRODUCTION',
        email: {
          purpose: 'stall-reminder',
          to: ['a@x.example'],
          cc: [],
          subject: 's',
          sentAt: state.updatedAt,
          messageId: 'm',
        },
      },
      clock()(),
    );
    expect(system.ok).toBe(true);
  });

  it('turns an exception inside a handler into a refusal instead of throwing', () => {
    // A contract total the money module cannot hold: the reducer answers, it does not throw.
    const state = walkTo('CONTRACT');
    const huge = { amount: '9'.repeat(400), currency: 'USD' };
    const run = () =>
      applyEvent(state, { type: 'CONTRACT_SIGNED', contractNo: 'C-X', totalAmount: huge }, clock()());
    expect(run).not.toThrow();
    expect(run()).toMatchObject({ ok: false });
  });
});
