import { Router } from 'express';
import { rebateRatesBodySchema } from '../../domain/rebateTable';
import type { ReadModel } from '../../readModel/types';
import { requireCompany, requireRole } from '../auth';
import { fromReadModel } from '../readModelErrors';
import { parseOr400 } from '../validate';
import { requireJsonBody, route } from './handlers';

/**
 * The company's export VAT rebate rates by HS code: every role reads them, managers replace them.
 * REBATE_DOCUMENTS_RECORDED takes the rows that match the order's HS codes (eventFacts.ts).
 */
export function rebateRateRoutes({ readModel }: { readModel: ReadModel }): Router {
  const router = Router();

  router.get(
    '/company/rebate-rates',
    requireCompany,
    requireRole('viewer'),
    route(async (_req, res) => {
      res.json({ rates: await fromReadModel(() => readModel.rebateRates()) });
    }),
  );

  router.put(
    '/company/rebate-rates',
    requireCompany,
    requireRole('manager'),
    route(async (req, res) => {
      requireJsonBody(req);
      const { rates } = parseOr400(rebateRatesBodySchema, req.body, 'body');
      await fromReadModel(() => readModel.putRebateRates(rates));
      res.json({ rates: await fromReadModel(() => readModel.rebateRates()) });
    }),
  );

  return router;
}
