import { Router } from 'express';
import { profitQuerySchema, rebatesQuerySchema } from '../../domain/schemas/moneyReports';
import type { ReadModel } from '../../readModel/types';
import { sendCsv } from '../csv';
import { fromReadModel } from '../readModelErrors';
import { parseOr400 } from '../validate';
import { readerLanguage, sendXlsx } from '../xlsx';
import { profitCsv, profitSheets, rebatesCsv, rebatesSheets } from '../xlsxMoneyReports';
import { route } from './handlers';

/** The period's part of a file name: `2026-01_2026-06`, `from-2026-01`, or nothing. */
const periodName = (q: { from?: string; to?: string }) =>
  q.from && q.to ? `-${q.from}_${q.to}` : q.from ? `-from-${q.from}` : q.to ? `-to-${q.to}` : '';

/**
 * The money reports (role viewer), in CNY: the export VAT rebates by month and the profit by month
 * and customer. JSON by default, `?format=csv` (one table, `?table=`) or `?format=xlsx` (all tables).
 */
export function moneyReportRoutes({ readModel }: { readModel: ReadModel }): Router {
  const router = Router();

  router.get(
    '/reports/rebates',
    route(async (req, res) => {
      const q = parseOr400(rebatesQuerySchema, req.query, 'query');
      const language = readerLanguage(req);
      const report = await fromReadModel(() => readModel.rebates({ from: q.from ?? null, to: q.to ?? null }));
      const name = `rebates${periodName(q)}`;
      if (q.format === 'json') res.json(report);
      else if (q.format === 'xlsx') await sendXlsx(res, `${name}.xlsx`, rebatesSheets(report, language));
      else {
        const { header, rows } = rebatesCsv(report, q.table);
        sendCsv(res, `${name}${q.table === 'open' ? '-open' : ''}.csv`, header, rows);
      }
    }),
  );

  router.get(
    '/reports/profit',
    route(async (req, res) => {
      const q = parseOr400(profitQuerySchema, req.query, 'query');
      const language = readerLanguage(req);
      const report = await fromReadModel(() => readModel.profit({ from: q.from ?? null, to: q.to ?? null }));
      const name = `profit${periodName(q)}`;
      if (q.format === 'json') res.json(report);
      else if (q.format === 'xlsx') await sendXlsx(res, `${name}.xlsx`, profitSheets(report, language));
      else {
        const { header, rows } = profitCsv(report, q.table);
        sendCsv(res, `${name}${q.table === 'customers' ? '-customers' : ''}.csv`, header, rows);
      }
    }),
  );

  return router;
}
