import { newOrderSchema, orderLimitViolations, type OrderLimits } from '../../src/domain';
import { newOrder } from './fixtures';

const production: OrderLimits = { minDuration: '1h', internalEmailDomains: ['exporter.example'] };
const violations = (patch: object, limits = production) =>
  orderLimitViolations(newOrderSchema.parse({ ...newOrder(), ...patch }), limits);

describe('order limits', () => {
  it('refuse stage limits and reminder intervals under the floor, naming each field', () => {
    const patch = {
      stageTimeLimits: { INQUIRY: '1s', DEPOSIT: '59m', SAMPLE: '1h' },
      reminderPolicy: { repeatEvery: '3599s' },
    };
    expect(violations(patch)).toEqual([
      { path: 'stageTimeLimits.INQUIRY', message: 'must be at least 1h' },
      { path: 'stageTimeLimits.DEPOSIT', message: 'must be at least 1h' },
      { path: 'reminderPolicy.repeatEvery', message: 'must be at least 1h' },
    ]);
    expect(violations(patch, { minDuration: null, internalEmailDomains: [] })).toEqual([]);
  });

  it('keep internal emails inside the allowed domains (any domain when none are listed)', () => {
    const outside = {
      accountManager: { name: 'Li Wei', email: 'li.wei@gmail.example' },
      reminderPolicy: { escalateTo: 'boss@elsewhere.example' },
    };
    expect(violations(outside).map((d) => d.path)).toEqual([
      'accountManager.email',
      'reminderPolicy.escalateTo',
    ]);
    expect(violations(outside)[0].message).toBe('must be an address at exporter.example');
    expect(violations(outside, { minDuration: '1h', internalEmailDomains: [] })).toEqual([]);
    expect(violations({ reminderPolicy: { escalateTo: 'Director@Exporter.Example' } })).toEqual([]);
    expect(violations({ reminderPolicy: { escalateTo: null } })).toEqual([]);
  });
});
