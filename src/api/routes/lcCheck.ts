import { Router, type Request } from 'express';
import { dateOf } from '../../domain/calendarDate';
import { lcCheckOf } from '../../domain/lcCheck';
import { shipmentIdSchema } from '../../domain/shipments/scope';
import { shipmentViewSchema } from '../../domain/shipments/viewSchema';
import { z } from '../../domain/zod';
import { parseOr400 } from '../validate';
import { route } from './handlers';
import { ApiError } from '../errors';
import { storedDocumentOrder } from '../storedDocumentOrder';

export interface LcCheckRoutesDeps {
  /** The order's view (404 when there is no such order); the order routes' reader. */
  readView: (orderId: string) => Promise<Record<string, unknown>>;
  orderIdParam: (req: Request) => string;
  now: () => Date;
}

/** `?shipmentId=`: one shipment's presentation. */
export const lcCheckQuerySchema = z.strictObject({ shipmentId: z.optional(shipmentIdSchema) });

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
      const { shipmentId } = parseOr400(lcCheckQuerySchema, req.query, 'query');
      const view = await readView(orderId);
      const result = lcCheckOf(
        storedDocumentOrder(view),
        z.parse(z.array(shipmentViewSchema), view.shipments ?? []),
        dateOf(now().toISOString()),
        shipmentId,
      );
      if (result.kind === 'noCredit')
        throw new ApiError(404, 'NOT_FOUND', `order ${orderId} has no L/C to check against`);
      if (result.kind === 'noShipment')
        throw new ApiError(404, 'NOT_FOUND', `order ${orderId} has no shipment ${result.shipmentId}`);
      res.json({ discrepancies: result.discrepancies });
    }),
  );
  return router;
}
