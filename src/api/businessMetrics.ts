import { acrossCompanies } from '../readModel/companyScope';
import { Gauge, type Registry } from 'prom-client';
import { OPEN_STAGES } from '../domain';
import { EFFECTS, EMAILS } from '../domain/effects';
import type { FiguresByCompany, OrderFigures, ReadModel } from '../readModel/types';

/**
 * Failed effects counted by the purpose of the email each sends, so they are labelled like the sent
 * ones; effects that share an email (the deposit and the balance request) add up.
 */
function failedByPurpose(failedEffects: Record<string, number>): Map<string, number> {
  const failed = new Map<string, number>();
  for (const { kind, email } of EFFECTS)
    failed.set(email.purpose, (failed.get(email.purpose) ?? 0) + (failedEffects[kind] ?? 0));
  return failed;
}

const CACHE_MS = 10_000;

/**
 * Business gauges computed by SQL when Prometheus scrapes (prom-client's collect), the figures kept
 * for a few seconds so several scrapers or a quick reload cost one round of queries. While the
 * database is down the gauges are left out and `orderdesk_read_model_up` is 0.
 */
export function registerBusinessMetrics(
  registry: Registry,
  readModel: Pick<ReadModel, 'figures'>,
  now: () => Date = () => new Date(),
): void {
  let cached: { at: number; figures: Promise<FiguresByCompany | null> } | undefined;
  const figures = (): Promise<FiguresByCompany | null> => {
    const at = Date.now();
    if (!cached || at - cached.at > CACHE_MS)
      cached = { at, figures: acrossCompanies(() => readModel.figures(now())).catch(() => null) };
    return cached.figures;
  };

  /**
   * A gauge set from the figures at each scrape, one series per company, labelled by the company's
   * id (never its name: ids are what the platform's engineers may see).
   */
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (set: (labels: Partial<Record<L, string>>, value: number) => void, f: OrderFigures) => void,
  ) =>
    new Gauge<L | 'company'>({
      name,
      help,
      labelNames: [...labelNames, 'company'],
      registers: [registry],
      async collect() {
        this.reset();
        const byCompany = await figures();
        for (const [company, f] of Object.entries(byCompany ?? {}))
          fill(
            (labels, value) =>
              this.set({ ...labels, company } as Partial<Record<L | 'company', string>>, value),
            f,
          );
      },
    });

  new Gauge({
    name: 'orderdesk_read_model_up',
    help: '1 when the read model answered for the figures, 0 while the database cannot be reached',
    registers: [registry],
    async collect() {
      this.set((await figures()) ? 1 : 0);
    },
  });
  gauge('orderdesk_orders_open', 'Open orders by stage', ['stage'], (g, f) => {
    for (const stage of OPEN_STAGES) g({ stage }, f.openByStage[stage] ?? 0);
  });
  gauge('orderdesk_orders_stalled', 'Open orders past their stage deadline', [], (g, f) => g({}, f.stalled));
  gauge(
    'orderdesk_oldest_stall_seconds',
    'How long the longest-stalled open order has been stalled (0 when none is)',
    [],
    (g, f) => g({}, f.oldestStallSeconds),
  );
  gauge('orderdesk_money_outstanding', 'Money still due on open orders', ['currency'], (g, f) => {
    for (const [currency, amount] of Object.entries(f.outstandingByCurrency)) g({ currency }, amount);
  });
  gauge('orderdesk_money_overdue', 'Money past its due date on open orders', ['currency'], (g, f) => {
    for (const [currency, amount] of Object.entries(f.overdueByCurrency)) g({ currency }, amount);
  });
  gauge('orderdesk_emails_sent', 'Emails the orders have sent (all time)', ['purpose'], (g, f) => {
    for (const { purpose } of EMAILS) g({ purpose }, f.emailsSentByPurpose[purpose] ?? 0);
  });
  gauge(
    'orderdesk_emails_failed',
    'Emails that failed for good and wait for an operator (RETRY_FAILED_EFFECTS)',
    ['purpose'],
    (g, f) => {
      for (const [purpose, count] of failedByPurpose(f.failedEffects)) g({ purpose }, count);
    },
  );
}
