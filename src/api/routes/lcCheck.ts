import { Router, type Request, type RequestHandler, type Response } from 'express';
import { dateOf } from '../../domain/calendarDate';
import { lcCheck } from '../../domain/lcCheck';
import { ApiError } from '../errors';
import { storedDocumentOrder } from '../storedDocumentOrder';

export interface LcCheckRoutesDeps {
  /** The order's view (404 when there is no such order); the order routes' reader. */
  readView: (orderId: string) => Promise<Record<string, unknown>>;
  orderIdParam: (req: Request) => string;
  now: () => Date;
}

const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/**
 * `GET /orders/{id}/lc-check`: the order's documents against its L/C before presentation (viewer),
 * each discrepancy naming its rule (src/domain/lcCheck.ts decides; this only reads the view).
 */
export function lcCheckRoutes({ readView, orderIdParam, now }: LcCheckRoutesDeps): Router {
  const router = Router();
  router.get(
    '/orders/:orderId/lc-check',
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      const discrepancies = lcCheck(
        storedDocumentOrder(await readView(orderId)),
        dateOf(now().toISOString()),
      );
      if (discrepancies === null)
        throw new ApiError(404, 'NOT_FOUND', `order ${orderId} has no L/C to check against`);
      res.json({ discrepancies });
    }),
  );
  return router;
}
