import { addDuration } from '../../src/domain';
import { archiveDueAt, isSettled } from '../../src/domain/archive';
import { apply, example, usd, walkTo } from './fixtures';

describe('archiveDueAt', () => {
  it('is null while the order is open', () => {
    expect(archiveDueAt(walkTo('PRODUCTION'), '90d')).toBeNull();
  });

  it('is the close plus the quiet period, moved on by every later event', () => {
    const cancelled = walkTo('CANCELLED');
    expect(archiveDueAt(cancelled, '90d')).toBe(addDuration(cancelled.closedAt ?? '', '90d'));
    const noted = apply(cancelled, [example('NOTE_ADDED')]);
    expect(archiveDueAt(noted, '30d')).toBe(addDuration(noted.updatedAt, '30d'));
  });

  it('waits while a failed effect waits for an operator, and once archived', () => {
    const failed = apply(walkTo('CANCELLED'), [
      { type: 'EFFECT_FAILED', effect: 'notifyCancelled', error: 'SMTP down' },
    ]);
    expect(archiveDueAt(failed, '90d')).toBeNull();
    const archived = apply(walkTo('CANCELLED'), [{ type: 'ORDER_ARCHIVED' }]);
    expect(archived.archivedAt).toBeDefined();
    expect(archived.timeline.at(-1)?.type).toBe('ORDER_ARCHIVED');
    expect(archiveDueAt(archived, '90d')).toBeNull();
  });

  it('waits while a completed order is still owed money', () => {
    const completed = walkTo('COMPLETED');
    expect(isSettled(completed)).toBe(true);
    const owed = { ...completed, payments: { ...completed.payments, balanceReceived: usd('0.00') } };
    expect(isSettled(owed)).toBe(false);
    expect(archiveDueAt(owed, '90d')).toBeNull();
  });
});
