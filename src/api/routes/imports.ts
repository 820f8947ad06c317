import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import type { Language } from '../../domain';
import { callerOf, requireRole } from '../auth';
import { ApiError } from '../errors';
import type { CreateOrder } from '../orderCreation';
import { readerLanguage, sendXlsx } from '../xlsx';
import {
  columnOfPath,
  importTemplate,
  MAX_IMPORT_BYTES,
  readImportFile,
  type ImportSheet,
} from '../xlsxImport';
import { words } from '../xlsxTables';
import { route } from './handlers';

export interface ImportRoutesDeps {
  createOrder: CreateOrder;
}

/** One row's answer: the order it made or found, or a sentence naming the column that is wrong. */
export interface ImportedRow {
  row: number;
  orderId?: string;
  /** `created`; `existing`: the same order was there already (a retried import); `refused`: see `error`. */
  outcome: 'created' | 'existing' | 'refused';
  error?: string;
}

/** Rows created at once: a file of many rows finishes sooner, while one import cannot crowd out the rest. */
const ROWS_AT_ONCE = 4;

/** The multipart upload (field `file`), its refusals mapped to the contract's errors. */
function uploadedFile(): RequestHandler {
  const single = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 },
  }).single('file');
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      next(
        new ApiError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'send the XLSX as multipart/form-data in the field "file"',
        ),
      );
      return;
    }
    single(req, res, (err: unknown) => {
      if (err === undefined || err === null) return next();
      if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE')
        return next(
          new ApiError(413, 'PAYLOAD_TOO_LARGE', `the file is over the limit of ${MAX_IMPORT_BYTES} bytes`),
        );
      const message =
        err instanceof multer.MulterError && err.code === 'LIMIT_UNEXPECTED_FILE'
          ? `the file goes in the field "file" (got "${err.field ?? ''}")`
          : `the upload could not be read: ${err instanceof Error ? err.message : 'malformed multipart body'}`;
      next(new ApiError(400, 'VALIDATION_FAILED', message, [{ path: 'file', message }]));
    });
  };
}

/** A refusal as one sentence naming the column(s), as the file names them. */
function sentence(err: unknown, sheet: ImportSheet, language: Language): string {
  const w = words(language);
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const named = (path: string, message: string) => {
    const column = columnOfPath(path);
    return column
      ? w.t('import.cellError', { column: sheet.headerOf(column), message })
      : w.t('import.rowError', { message });
  };
  if (err.code === 'VALIDATION_FAILED' && Array.isArray(err.details) && err.details.length)
    return (err.details as { path: string; message: string }[])
      .map((d) => named(d.path, d.message))
      .join('; ');
  if (err.code === 'ORDER_EXISTS') return named('orderId', err.message);
  return w.t('import.rowError', { message: err.message });
}

/**
 * Orders from an XLSX, row by row through the very path of POST /orders (validation, limits,
 * template, update-with-start), so each row's order is created whole or not at all; and the
 * template to fill in. See readImportFile for the file's shape.
 */
export function importRoutes({ createOrder }: ImportRoutesDeps): Router {
  const router = Router();

  router.get(
    '/imports/orders/template.xlsx',
    route(async (req, res) => {
      const language = readerLanguage(req);
      await sendXlsx(res, `order-import-template-${language}.xlsx`, importTemplate(language));
    }),
  );

  router.post(
    '/imports/orders',
    requireRole('ops'),
    uploadedFile(),
    route(async (req, res) => {
      const language = readerLanguage(req);
      if (!req.file)
        throw new ApiError(400, 'VALIDATION_FAILED', 'no file: send the XLSX in the multipart field "file"', [
          { path: 'file', message: 'required' },
        ]);
      const sheet = await readImportFile(req.file.buffer);
      const w = words(language);
      const { name: createdBy, id: createdById } = callerOf(res.locals);
      const results: ImportedRow[] = new Array<ImportedRow>(sheet.rows.length);
      // One order per row: a later row under an id already in the file is refused, never merged.
      const firstRowOf = new Map<string, number>();
      const pending: number[] = [];
      sheet.rows.forEach(({ row, body }, i) => {
        const orderId = typeof body.orderId === 'string' ? body.orderId : undefined;
        const first = orderId === undefined ? undefined : firstRowOf.get(orderId);
        if (first !== undefined) {
          const column = sheet.headerOf('orderId');
          results[i] = { row, outcome: 'refused', error: w.t('import.duplicateId', { column, row: first }) };
          return;
        }
        if (orderId !== undefined) firstRowOf.set(orderId, row);
        pending.push(i);
      });
      const importRow = async (i: number): Promise<ImportedRow> => {
        const { row, body } = sheet.rows[i];
        try {
          const opened = await createOrder(body, createdBy, createdById);
          return {
            row,
            orderId: opened.orderId,
            outcome: opened.outcome === 'created' ? 'created' : 'existing',
          };
        } catch (err) {
          // Started but not yet answered by a worker: the order exists; importing again finds it.
          const started =
            err instanceof ApiError && err.code === 'WORKERS_UNAVAILABLE'
              ? (err.details as { orderId?: string } | undefined)?.orderId
              : undefined;
          return {
            row,
            ...(started ? { orderId: started } : {}),
            outcome: 'refused',
            error: sentence(err, sheet, language),
          };
        }
      };
      let next = 0;
      const worker = async () => {
        while (next < pending.length) {
          const i = pending[next++];
          results[i] = await importRow(i);
        }
      };
      await Promise.all(Array.from({ length: ROWS_AT_ONCE }, worker));
      res.json({ rows: results });
    }),
  );

  return router;
}
