/** Sample rounds and re-quotation: a new quotation after a rejected sample, a manager's waiver, validUntil. */
import { applyEvent, requiredRole } from '../../src/domain';
import { apply, clock, example, walkTo } from './fixtures';

const tick = clock();
const rejected = () => apply(walkTo('SAMPLE'), [example('SAMPLE_SENT'), example('SAMPLE_REJECTED')], tick);

describe('a new quotation after a rejected sample', () => {
  it('goes back to QUOTATION, keeps the rounds, and the accepted revision starts a new round', () => {
    const s = apply(rejected(), [example('QUOTATION_SENT', { quotationNo: 'Q-2' })], tick);
    expect(s).toMatchObject({ stage: 'QUOTATION', quotation: { quotationNo: 'Q-2', revisions: 2 } });
    expect(s.sample).toMatchObject({ required: null, approved: false, rounds: 1 });
    const again = apply(s, [example('QUOTATION_ACCEPTED'), example('SAMPLE_SENT')], tick);
    expect(again.sample.history.map((r) => [r.round, r.outcome])).toEqual([
      [1, 'REJECTED'],
      [2, 'PENDING'],
    ]);
  });

  it('is not allowed while a sample awaits its verdict, nor before any round', () => {
    for (const s of [walkTo('SAMPLE'), apply(walkTo('SAMPLE'), [example('SAMPLE_SENT')], tick)]) {
      expect(applyEvent(s, example('QUOTATION_SENT'), tick())).toMatchObject({
        ok: false,
        code: 'EVENT_NOT_ALLOWED',
      });
    }
  });
});

describe('SAMPLE_WAIVED', () => {
  it("is a manager's, moves to CONTRACT and records who waived it and why", () => {
    expect(requiredRole('SAMPLE_WAIVED')).toBe('manager');
    const now = tick();
    const d = applyEvent(
      apply(walkTo('SAMPLE'), [example('SAMPLE_SENT')], tick),
      example('SAMPLE_WAIVED', { reason: 'repeat product' }),
      { ...now, actor: 'boss' },
    );
    if (!d.ok) throw new Error(d.message);
    expect(d.state.stage).toBe('CONTRACT');
    expect(d.state.sample).toMatchObject({
      required: false,
      waiver: { reason: 'repeat product', by: 'boss', at: now.now },
    });
  });
});

describe('a quotation past its validUntil', () => {
  const quoted = () => apply(walkTo('INQUIRY'), [example('QUOTATION_SENT', { validUntil: '2026-12-01' })]);

  it('may be accepted on its last day', () => {
    const d = applyEvent(quoted(), example('QUOTATION_ACCEPTED'), {
      now: '2026-12-01T23:59:59Z',
      actor: 'ops',
    });
    expect(d.ok).toBe(true);
  });

  it('is refused the day after, naming validUntil; a new quotation fixes it', () => {
    const late = { now: '2026-12-02T00:00:00Z', actor: 'ops' };
    expect(applyEvent(quoted(), example('QUOTATION_ACCEPTED'), late)).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      details: [{ path: 'validUntil', message: 'the quotation was valid until 2026-12-01' }],
    });
    const renewed = apply(quoted(), [example('QUOTATION_SENT', { validUntil: '2026-12-31' })]);
    expect(applyEvent(renewed, example('QUOTATION_ACCEPTED'), late).ok).toBe(true);
  });
});
