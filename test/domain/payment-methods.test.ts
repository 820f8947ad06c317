import { ORDER_EVENT_TYPES, PAYMENT_METHODS, STEP_KEYS, paymentMethodPolicy } from '../../src/domain';
import { BALANCE_DUE_POINTS } from '../../src/domain/payment-methods';

describe('payment method registry', () => {
  it.each(PAYMENT_METHODS)('%s: its policy is registered under its own code', (method) => {
    expect(paymentMethodPolicy(method).method).toBe(method);
  });

  it.each(PAYMENT_METHODS)('%s: names only events and steps that exist', (method) => {
    const policy = paymentMethodPolicy(method);
    for (const event of policy.events) expect(ORDER_EVENT_TYPES).toContain(event);
    for (const step of policy.steps) expect(STEP_KEYS).toContain(step);
  });

  it.each(PAYMENT_METHODS)('%s: falls due only at points it declares', (method) => {
    const policy = paymentMethodPolicy(method);
    for (const balanceDue of [null, 'BEFORE_SHIPMENT', 'AGAINST_DOCUMENT_COPIES'] as const) {
      expect(policy.duePoints).toContain(policy.dueWhen({ balanceDue, tenorDays: 30 }));
    }
    for (const point of policy.duePoints) expect(BALANCE_DUE_POINTS).toContain(point);
  });

  it.each(PAYMENT_METHODS)('%s: a collection is a bank route, with its steps', (method) => {
    const policy = paymentMethodPolicy(method);
    if (policy.collection) {
      expect(policy.releasesVia).toBe('BANK');
      expect(policy.events).toContain('SENT_FOR_COLLECTION');
    }
  });
});
