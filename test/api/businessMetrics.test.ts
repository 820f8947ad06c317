import { Registry } from 'prom-client';
import { registerBusinessMetrics } from '../../src/api/businessMetrics';
import type { OrderFigures } from '../../src/readModel/types';

const figures: OrderFigures = {
  openByStage: {},
  stalled: 0,
  oldestStallSeconds: 0,
  outstandingByCurrency: {},
  overdueByCurrency: {},
  emailsSentByPurpose: { 'payment-request': 4 },
  failedEffects: { requestDeposit: 2, requestBalance: 1, requestBooking: 1 },
};

test('failed emails are counted per purpose, effects that share an email added up', async () => {
  const registry = new Registry();
  registerBusinessMetrics(registry, { figures: () => Promise.resolve(figures) });
  const failed = await registry.getSingleMetric('orderdesk_emails_failed')?.get();
  const byPurpose: Record<string, number> = Object.fromEntries(
    (failed?.values ?? []).map((v) => [String(v.labels.purpose), v.value]),
  );
  // The deposit and the balance request both send the payment request.
  expect(byPurpose['payment-request']).toBe(3);
  expect(byPurpose['booking-request']).toBe(1);
  expect(byPurpose['telex-release-request']).toBe(0);
});
