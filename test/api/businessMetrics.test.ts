import { Registry } from 'prom-client';
import { registerBusinessMetrics } from '../../src/api/businessMetrics';
import type { FiguresByCompany, OrderFigures } from '../../src/readModel/types';

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
  registerBusinessMetrics(registry, { figures: () => Promise.resolve({ acme: figures }) });
  const failed = await registry.getSingleMetric('orderdesk_emails_failed')?.get();
  const byPurpose: Record<string, number> = Object.fromEntries(
    (failed?.values ?? []).map((v) => [String(v.labels.purpose), v.value]),
  );
  // The deposit and the balance request both send the payment request.
  expect(byPurpose['payment-request']).toBe(3);
  expect(byPurpose['booking-request']).toBe(1);
  expect(byPurpose['telex-release-request']).toBe(0);
});

test('every business gauge is labelled by company id, one series per company', async () => {
  const registry = new Registry();
  const byCompany: FiguresByCompany = {
    acme: { ...figures, openByStage: { PRODUCTION: 2 }, stalled: 1 },
    globex: { ...figures, openByStage: { PRODUCTION: 5 }, outstandingByCurrency: { EUR: 100 } },
  };
  registerBusinessMetrics(registry, { figures: () => Promise.resolve(byCompany) });
  const open = await registry.getSingleMetric('orderdesk_orders_open')?.get();
  const production = (open?.values ?? []).filter((v) => v.labels.stage === 'PRODUCTION');
  expect(production.map((v) => [v.labels.company, v.value])).toEqual([
    ['acme', 2],
    ['globex', 5],
  ]);
  const stalled = await registry.getSingleMetric('orderdesk_orders_stalled')?.get();
  expect(stalled?.values.map((v) => [v.labels.company, v.value])).toEqual([
    ['acme', 1],
    ['globex', 0],
  ]);
  for (const name of [
    'orderdesk_orders_open',
    'orderdesk_orders_stalled',
    'orderdesk_oldest_stall_seconds',
    'orderdesk_money_outstanding',
    'orderdesk_emails_sent',
    'orderdesk_emails_failed',
  ]) {
    const values = (await registry.getSingleMetric(name)?.get())?.values ?? [];
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(['acme', 'globex']).toContain(v.labels.company);
  }
});
