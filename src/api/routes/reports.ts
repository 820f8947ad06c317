import { Router } from 'express';
import { AGE_BUCKET_KEYS } from '../../domain/receivables';
import { receivablesQuerySchema, reportQuerySchema } from '../../domain/schemas/reports';
import { OPEN_STAGES } from '../../domain/stages';
import type { ReadModel } from '../../readModel/types';
import { route } from './handlers';
import { sendCsv } from '../csv';
import { fromReadModel } from '../readModelErrors';
import { parseOr400 } from '../validate';
import { readerLanguage, sendXlsx } from '../xlsx';
import { receivablesSheet, stageTimesSheet, stalledSheet } from '../xlsxTables';

export interface ReportRoutesDeps {
  readModel: ReadModel;
  now?: () => Date;
}

/**
 * The reports (role viewer): each read from the read model and answered as JSON, or as CSV with
 * `?format=csv`, or as XLSX with `?format=xlsx`. The read model computes them; this only maps them to rows.
 */
export function reportRoutes({ readModel, now = () => new Date() }: ReportRoutesDeps): Router {
  const router = Router();

  router.get(
    '/reports/receivables',
    route(async (req, res) => {
      const q = parseOr400(receivablesQuerySchema, req.query, 'query');
      const language = readerLanguage(req);
      const asOf = q.asOf ? new Date(`${q.asOf}T00:00:00Z`) : now();
      const report = await fromReadModel(() => readModel.receivables(asOf));
      if (q.format === 'json') {
        res.json(report);
        return;
      }
      if (q.format === 'xlsx') {
        await sendXlsx(res, `receivables-${report.asOf}.xlsx`, [receivablesSheet(report, language)]);
        return;
      }
      const row = (customer: string, r: (typeof report.totals)[number]) => [
        customer,
        r.currency,
        ...AGE_BUCKET_KEYS.map((k) => r.buckets[k].amount),
        r.total.amount,
        r.orders,
      ];
      sendCsv(
        res,
        `receivables-${report.asOf}.csv`,
        ['customer', 'currency', ...AGE_BUCKET_KEYS, 'total', 'orders'],
        [
          ...report.customers.map((c) => row(c.customer, c)),
          ...report.totals.map((t) => row('(all customers)', t)),
        ],
      );
    }),
  );

  router.get(
    '/reports/stalled',
    route(async (req, res) => {
      const q = parseOr400(reportQuerySchema, req.query, 'query');
      const language = readerLanguage(req);
      const report = await fromReadModel(() => readModel.stalledByAccountManager());
      if (q.format === 'json') {
        res.json(report);
        return;
      }
      if (q.format === 'xlsx') {
        await sendXlsx(res, 'stalled.xlsx', [stalledSheet(report, language)]);
        return;
      }
      sendCsv(
        res,
        'stalled.csv',
        ['accountManager', 'stalled', ...OPEN_STAGES, 'stalledSince'],
        report.accountManagers.map((m) => [
          m.accountManager,
          m.stalled,
          ...OPEN_STAGES.map((s) => m.byStage[s] ?? 0),
          m.stalledSince,
        ]),
      );
    }),
  );

  router.get(
    '/reports/stage-times',
    route(async (req, res) => {
      const q = parseOr400(reportQuerySchema, req.query, 'query');
      const language = readerLanguage(req);
      const report = await fromReadModel(() => readModel.stageTimes());
      if (q.format === 'json') {
        res.json(report);
        return;
      }
      if (q.format === 'xlsx') {
        await sendXlsx(res, 'stage-times.xlsx', [stageTimesSheet(report, language)]);
        return;
      }
      sendCsv(
        res,
        'stage-times.csv',
        ['stage', 'count', 'medianDays', 'p90Days'],
        report.stages.map((s) => [s.stage, s.count, s.medianDays, s.p90Days]),
      );
    }),
  );

  return router;
}
