import { Router, type Request, type Response } from 'express';
import type { Language } from '../../domain';
import {
  exposureQuerySchema,
  profitQuerySchema,
  rebatesQuerySchema,
} from '../../domain/schemas/moneyReports';
import type { ReadModel } from '../../readModel/types';
import { sendCsv } from '../csv';
import { fromReadModel } from '../readModelErrors';
import { parseOr400 } from '../validate';
import { readerLanguage, sendXlsx, type Sheet } from '../xlsx';
import {
  exposureCsv,
  exposureSheets,
  profitCsv,
  profitSheets,
  rebatesCsv,
  rebatesSheets,
  type CsvTable,
} from '../xlsxMoneyReports';
import { route } from './handlers';

/** The period's part of a file name: `2026-01_2026-06`, `from-2026-01`, or nothing. */
const periodName = (q: { from?: string; to?: string }) =>
  q.from && q.to ? `-${q.from}_${q.to}` : q.from ? `-from-${q.from}` : q.to ? `-to-${q.to}` : '';

/** One report's answer in the format asked for: its JSON, its sheets, or one table as CSV. */
interface ReportAnswer<R> {
  format: 'json' | 'csv' | 'xlsx';
  /** The file name without its extension. */
  name: string;
  load: () => Promise<R>;
  sheets: (report: R, language: Language) => Sheet[];
  /** The CSV's table and the file name's suffix naming it (empty for the default table). */
  csv: (report: R) => CsvTable & { suffix?: string };
}

async function answer<R>(req: Request, res: Response, a: ReportAnswer<R>): Promise<void> {
  const language = readerLanguage(req);
  const report = await fromReadModel(a.load);
  if (a.format === 'json') res.json(report);
  else if (a.format === 'xlsx') await sendXlsx(res, `${a.name}.xlsx`, a.sheets(report, language));
  else {
    const { header, rows, suffix = '' } = a.csv(report);
    sendCsv(res, `${a.name}${suffix}.csv`, header, rows);
  }
}

/**
 * The money reports (role viewer): the export VAT rebates by month and the profit by month and
 * customer, in CNY; the customers' credit exposure per currency. JSON by default, `?format=csv`
 * (one table, `?table=`) or `?format=xlsx` (all tables).
 */
export function moneyReportRoutes({ readModel }: { readModel: ReadModel }): Router {
  const router = Router();

  router.get(
    '/reports/rebates',
    route(async (req, res) => {
      const q = parseOr400(rebatesQuerySchema, req.query, 'query');
      await answer(req, res, {
        format: q.format,
        name: `rebates${periodName(q)}`,
        load: () => readModel.rebates({ from: q.from ?? null, to: q.to ?? null }),
        sheets: rebatesSheets,
        csv: (report) => ({ ...rebatesCsv(report, q.table), suffix: q.table === 'open' ? '-open' : '' }),
      });
    }),
  );

  router.get(
    '/reports/profit',
    route(async (req, res) => {
      const q = parseOr400(profitQuerySchema, req.query, 'query');
      await answer(req, res, {
        format: q.format,
        name: `profit${periodName(q)}`,
        load: () => readModel.profit({ from: q.from ?? null, to: q.to ?? null }),
        sheets: profitSheets,
        csv: (report) => ({
          ...profitCsv(report, q.table),
          suffix: q.table === 'customers' ? '-customers' : '',
        }),
      });
    }),
  );

  router.get(
    '/reports/exposure',
    route(async (req, res) => {
      const q = parseOr400(exposureQuerySchema, req.query, 'query');
      await answer(req, res, {
        format: q.format,
        name: 'exposure',
        load: () => readModel.exposure(),
        sheets: exposureSheets,
        csv: exposureCsv,
      });
    }),
  );

  return router;
}
