import { formatReport, runChaos } from '../../bench/chaos';

// The short chaos run: a few orders while the worker is SIGKILLed twice, the dev server (its own,
// not the jest one) is killed and restarted once and SMTP refuses connections for a while.
// `npm run chaos` is the full run.
jest.setTimeout(300_000);

test('orders survive worker kills, a server restart, an SMTP outage and duplicate sends', async () => {
  const report = await runChaos({
    orders: 8,
    concurrency: 8,
    workerKills: 2,
    serverRestarts: 1,
    smtpOutageMs: 6_000,
    gapMinMs: 1_000,
    gapMaxMs: 3_000,
    duplicateChance: 0.25,
    thinkMs: 300,
    seed: 11,
    log: () => undefined,
  });
  console.log(formatReport(report));
  expect(report.failures).toEqual([]);
  expect(report.ordersCompleted).toBe(8);
  expect(report.acceptedMissingFromTimeline).toBe(0);
  expect(report.appliedTwice).toBe(0);
  expect(report.unexpected5xx).toEqual([]);
});
