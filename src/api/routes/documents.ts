import { Router, type Request, type RequestHandler, type Response } from 'express';
import {
  availableKinds,
  documentInput,
  documentNumber,
  keptAsIssued,
  missingFor,
  revisionOf,
  type DocumentOrder,
} from '../../documents/fromOrder';
import { DOCUMENT_KINDS, exporterGate, isDocumentKind, type DocumentKind } from '../../documents/input';
import { missingFields } from '../../domain/documentGate';
import { buildDocumentModel } from '../../documents/model';
import { renderDocument } from '../../documents/render';
import { documentKind, isRenderedDocument } from '../../domain/documentKinds';
import type { ExporterProfiles } from '../../readModel/exporterProfile';
import type { ReadModel } from '../../readModel/types';
import { ApiError } from '../errors';
import { fromReadModel } from '../readModelErrors';
import { storedDocumentOrder } from '../storedDocumentOrder';

export interface DocumentRoutesDeps {
  readModel: ReadModel;
  profiles: ExporterProfiles;
  /** The order's view (404 when there is no such order); the order routes' reader. */
  readView: (orderId: string) => Promise<Record<string, unknown>>;
  orderIdParam: (req: Request) => string;
}

function sendPdf(res: Response, number: string, pdf: Buffer): void {
  res
    .type('application/pdf')
    .set('Content-Disposition', `inline; filename="${number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`)
    .send(pdf);
}

const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/**
 * `GET /orders/{id}/documents` (what the order has issued, every revision with its own number, plus
 * what it could render now as DRAFT) and `GET /orders/{id}/documents/{kind}.pdf` (a preview of the
 * current revision, marked COPY, rendered from the read model's view by the same mapping the
 * emailed documents use; a proforma once sent: the original as sent).
 */
export function documentRoutes({ readModel, profiles, readView, orderIdParam }: DocumentRoutesDeps): Router {
  const router = Router();
  const exporterNow = () => fromReadModel(() => profiles.current());

  async function documentOrder(orderId: string): Promise<DocumentOrder> {
    return storedDocumentOrder(await readView(orderId));
  }

  router.get(
    '/orders/:orderId/documents',
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      const order = await documentOrder(orderId);
      // What the document's original still lacks (the gate's declaration), shown whether or not the gate is on.
      const customs = order.shipping.customs?.declaration ?? null;
      const profile = exporterGate(await exporterNow());
      const gaps = (kind: DocumentKind) => missingFields(kind, { order, profile, customs });
      const stored = await fromReadModel(() => readModel.documents(orderId));
      const issued = stored.flatMap((record) => {
        // The read model stores codes; the B/L is the carrier's, not ours to render.
        if (!isRenderedDocument(record.kind)) return [];
        const kind = documentKind(record.kind);
        const revision = record.revision ?? 0;
        // An earlier revision keeps the number it was issued under.
        const number =
          revision === revisionOf(order, kind)
            ? (documentNumber(order, kind) ?? record.number)
            : record.number;
        return [
          { kind, number, status: record.status, createdAt: record.createdAt, revision, missing: gaps(kind) },
        ];
      });
      const drafts = availableKinds(order, DOCUMENT_KINDS)
        .filter((kind) => !issued.some((doc) => doc.kind === kind))
        .map((kind) => ({
          kind,
          number: documentNumber(order, kind),
          status: 'DRAFT',
          createdAt: null,
          revision: revisionOf(order, kind),
          missing: gaps(kind),
        }));
      res.json({ documents: [...issued, ...drafts] });
    }),
  );

  router.get(
    '/orders/:orderId/documents/:file',
    route(async (req, res) => {
      const orderId = orderIdParam(req);
      const file = String(req.params.file);
      const kind = file.endsWith('.pdf') ? file.slice(0, -'.pdf'.length) : file;
      if (!file.endsWith('.pdf') || !isDocumentKind(kind))
        throw new ApiError(
          404,
          'NOT_FOUND',
          `no document "${file}"; kinds: ${DOCUMENT_KINDS.join(', ')} (.pdf)`,
          {
            kinds: DOCUMENT_KINDS,
          },
        );
      const order = await documentOrder(orderId);
      // A proforma the customer was sent is that version, byte for byte.
      const issued = keptAsIssued(kind)
        ? await fromReadModel(() => readModel.issuedDocument(orderId, kind))
        : null;
      if (issued) {
        sendPdf(res, issued.number, issued.pdf);
        return;
      }
      const missing = missingFor(order, kind);
      if (missing.length > 0)
        throw new ApiError(
          409,
          'DOCUMENT_NOT_AVAILABLE',
          `order ${orderId} cannot have a ${kind} yet: ${missing.join('; ')}`,
          {
            kind,
            missing,
          },
        );
      const model = buildDocumentModel(documentInput(order, kind, await exporterNow()));
      sendPdf(res, model.number, await renderDocument(model, 'COPY'));
    }),
  );

  return router;
}
