import { committedAnswers } from '../committedAnswers';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { ApiConfig } from '../../config/apiEnv';
import { buildDocumentModel } from '../../documents/model';
import { documentInput, keptAsIssued } from '../../documents/fromOrder';
import { renderDocument } from '../../documents/render';
import {
  BUYER_DOCUMENTS,
  documentKind,
  isBuyerDocument,
  orderEventSchema,
  orderIdSchema,
  type BuyerDocumentCode,
  type Language,
} from '../../domain';
import { orderViewSchema, type OrderView } from '../../domain/viewSchema';
import type { ReadModel } from '../../readModel/types';
import type { TrackingLinkStore } from '../../readModel/trackingLinks';
import { goneTrackingPage, trackingPage, type BuyerDocument } from '../../tracking/page';
import { stageProgress } from '../../tracking/progress';
import { trackingLinks, verifyTrackingToken, type TrackingClaims } from '../../tracking/token';
import { inCompany, requiredCompany } from '../../readModel/companyScope';
import type { ExporterProfiles } from '../../readModel/exporterProfile';
import { callerOf, requireRole } from '../auth';
import { sendAttachment } from './attachments';
import { ApiError } from '../errors';
import { addressLimiter } from '../limits';
import type { OrderGateway } from '../orderGateway';
import { fromReadModel } from '../readModelErrors';
import { orderNotFound } from '../temporalErrors';

export interface TrackingRoutesDeps {
  gateway: OrderGateway;
  readModel: ReadModel;
  store: TrackingLinkStore;
  config: ApiConfig;
  profiles: ExporterProfiles;
  now?: () => Date;
}

const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

/** The signed token of a buyer's link, and the documents the buyer may download (also in the OpenAPI). */
export const tokenParam = z.string().max(300);
const fileOf = (code: BuyerDocumentCode) => `${documentKind(code)}.pdf` as const;
export const documentFile = z.enum(BUYER_DOCUMENTS.map(fileOf));
/** One confirmation per order; a second click is the same event again. */
const CONFIRM_EVENT_ID = 'buyer-confirmed-documents';

/** The buyer's tracking page: no API token, the signed link is the only key, and it shows only the buyer's own. */
export function buyerRoutes({
  gateway,
  readModel,
  store,
  config,
  profiles,
  now = () => new Date(),
}: TrackingRoutesDeps): Router {
  const router = Router();
  const answers = committedAnswers(gateway, readModel);
  router.use('/track', addressLimiter(config.tracking.rateLimitPerMinute));
  // The link's key is its signature; the company it names scopes everything the page reads.
  router.use('/track/:token', (req, _res, next) => {
    const token = tokenParam.safeParse(req.params.token);
    const check = token.success ? verifyTrackingToken(token.data, config.tracking.key, now()) : undefined;
    if (check?.ok) inCompany(check.claims.company, () => next());
    else next();
  });

  /** The order behind a live link, or null after the gone page was sent. */
  async function open(
    req: Request,
    res: Response,
  ): Promise<{ claims: TrackingClaims; view: OrderView } | null> {
    const token = tokenParam.safeParse(req.params.token);
    const check = token.success
      ? verifyTrackingToken(token.data, config.tracking.key, now())
      : ({ ok: false, reason: 'invalid' } as const);
    const gone = (status: 404 | 410, language?: Language) => {
      res.status(status).type('html').set('Cache-Control', 'no-store').send(goneTrackingPage(language));
      return null;
    };
    if (!check.ok) return gone(check.reason === 'expired' ? 410 : 404);
    const revokedBefore = await fromReadModel(() => store.revokedBefore(check.claims.orderId));
    if (revokedBefore && revokedBefore.getTime() >= check.claims.issuedAt) return gone(410);
    const stored = await fromReadModel(() => readModel.getOrder(check.claims.orderId));
    const view = stored ? orderViewSchema.safeParse(stored.view) : undefined;
    if (!view?.success) return gone(404);
    res.set('Cache-Control', 'no-store');
    return { claims: check.claims, view: view.data };
  }

  /**
   * The page after a confirmation reads the read model: give its write a moment (at most two
   * seconds), so the buyer sees the confirmation they just made instead of the button again.
   */
  async function readModelHas(orderId: string, seq: number): Promise<void> {
    for (let waited = 0; waited < 2_000; waited += 100) {
      const stored = await readModel.getOrder(orderId).catch(() => null);
      if (stored && stored.seq >= seq) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Documents already sent to the buyer: copies once sent for checking, originals once dispatched. */
  async function buyerDocuments(orderId: string): Promise<BuyerDocument[]> {
    const records = await fromReadModel(() => readModel.documents(orderId));
    return records.flatMap((r) =>
      isBuyerDocument(r.kind) && (r.status === 'COPY_SENT' || r.status === 'DISPATCHED')
        ? [{ kind: r.kind, number: r.number, copy: r.status === 'COPY_SENT' }]
        : [],
    );
  }

  router.get(
    '/track/:token',
    route(async (req, res) => {
      const opened = await open(req, res);
      if (!opened) return;
      const { view } = opened;
      const base = `/track/${encodeURIComponent(String(req.params.token))}`;
      res.type('html').send(
        trackingPage({
          language: view.customer.language ?? 'en',
          orderId: view.orderId,
          stages: stageProgress(view),
          documents: await buyerDocuments(view.orderId),
          documentUrl: (d) => `${base}/documents/${fileOf(d.kind)}`,
          attachments: (await fromReadModel(() => readModel.attachments(view.orderId))).filter(
            (a) => a.forBuyer,
          ),
          attachmentUrl: (a) => `${base}/attachments/${a.id}`,
          confirmUrl: view.allowedEvents.includes('DOCUMENTS_CONFIRMED') ? `${base}/confirm` : null,
          confirmedAt: view.documents.confirmedAt,
          release: view.documents.release,
        }),
      );
    }),
  );

  router.get(
    '/track/:token/documents/:file',
    route(async (req, res) => {
      const opened = await open(req, res);
      if (!opened) return;
      const file = documentFile.safeParse(req.params.file);
      const doc = file.success
        ? (await buyerDocuments(opened.view.orderId)).find((d) => fileOf(d.kind) === file.data)
        : undefined;
      if (!file.success || !doc) throw new ApiError(404, 'NOT_FOUND', 'no such document for this order');
      const kind = documentKind(doc.kind);
      // The proforma the buyer was sent is that version, byte for byte.
      const issued = keptAsIssued(kind)
        ? await fromReadModel(() => readModel.issuedDocument(opened.view.orderId, kind))
        : null;
      const exporter = await fromReadModel(() => profiles.current());
      const pdf =
        issued?.pdf ??
        (await renderDocument(
          buildDocumentModel(documentInput(opened.view, kind, exporter)),
          doc.copy ? 'COPY' : 'ORIGINAL',
        ));
      res
        .type('application/pdf')
        .attachment(`${file.data.replace('.pdf', '')}-${doc.number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`)
        .send(pdf);
    }),
  );

  router.get(
    '/track/:token/attachments/:attachmentId',
    route(async (req, res) => {
      const opened = await open(req, res);
      if (!opened) return;
      const id = String(req.params.attachmentId);
      const found = await fromReadModel(() => readModel.attachmentContent(opened.view.orderId, id));
      if (!found?.record.forBuyer) throw new ApiError(404, 'NOT_FOUND', 'no such file for this order');
      sendAttachment(res, found.record, found.content);
    }),
  );

  router.post(
    '/track/:token/confirm',
    route(async (req, res) => {
      const opened = await open(req, res);
      if (!opened) return;
      const event = orderEventSchema.parse({ type: 'DOCUMENTS_CONFIRMED', eventId: CONFIRM_EVENT_ID });
      try {
        const outcome = await gateway.recordEvent(opened.view.orderId, event, 'customer');
        if (!('closed' in outcome)) {
          const view = await answers.event(opened.view.orderId, outcome);
          // A run from before release 1.1 writes the read model itself, a moment after its answer.
          if ('order' in outcome) await readModelHas(opened.view.orderId, view.timelineTotal);
        }
      } catch (err) {
        // Confirmed already, or no longer fitting: the page shows where the order is.
        if (!(err instanceof ApiError && err.status === 409)) throw err;
      }
      res.redirect(303, `/track/${encodeURIComponent(String(req.params.token))}`);
    }),
  );

  return router;
}

/** Ops issue a fresh link for an order, or revoke every link issued so far. */
export function trackingLinkRoutes({
  gateway,
  readModel,
  store,
  config,
  now = () => new Date(),
}: TrackingRoutesDeps): Router {
  const router = Router();
  const links = trackingLinks(config.tracking);

  async function orderIdOf(req: Request): Promise<string> {
    const parsed = orderIdSchema.safeParse(req.params.orderId);
    if (!parsed.success) throw orderNotFound(String(req.params.orderId));
    const known = await fromReadModel(() => readModel.orderExists(parsed.data));
    if (!known && !(await gateway.orderExists(parsed.data))) throw orderNotFound(parsed.data);
    return parsed.data;
  }

  router.post(
    '/orders/:orderId/tracking-link',
    requireRole('ops'),
    route(async (req, res) => {
      const orderId = await orderIdOf(req);
      res.status(201).json({ orderId, ...links.issue(requiredCompany(), orderId, now()) });
    }),
  );

  router.post(
    '/orders/:orderId/tracking-link/revoke',
    requireRole('ops'),
    route(async (req, res) => {
      const orderId = await orderIdOf(req);
      const at = now();
      await fromReadModel(() => store.revoke(orderId, at, callerOf(res.locals).name));
      res.json({ orderId, revokedBefore: at.toISOString() });
    }),
  );

  return router;
}
