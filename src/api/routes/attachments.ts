import { committedAnswers } from '../committedAnswers';
import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import * as z from 'zod/mini';
import type { ApiConfig } from '../../config/apiEnv';
import { orderEventSchema, orderIdSchema } from '../../domain';
import { attachmentKindSchema } from '../../domain/events/attachments';
import { sniffContentType } from '../../domain/fileType';
import { attachmentEventId, type AttachmentRecord } from '../../readModel/attachments';
import type { ReadModel } from '../../readModel/types';
import { actorRoleOf, callerOf, requireRole } from '../auth';
import { ApiError } from '../errors';
import type { OrderGateway } from '../orderGateway';
import { fromReadModel } from '../readModelErrors';
import { orderArchived, orderNotFound } from '../temporalErrors';
import { parseOr400 } from '../validate';
import { route } from './handlers';

export interface AttachmentRoutesDeps {
  gateway: OrderGateway;
  readModel: ReadModel;
  config: ApiConfig;
  now?: () => Date;
}

/** The multipart fields beside the file (strings, as forms send them). */
export const attachmentFieldsSchema = z.strictObject({
  kind: attachmentKindSchema,
  forBuyer: z.optional(z.enum(['true', 'false'])),
});

/** An attachment as the API lists it. */
export const attachmentEntry = ({ orderId: _orderId, ...entry }: AttachmentRecord) => entry;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * The multipart body, the file in memory (at most the limit, one file, in the field `file`). Its
 * errors are the client's: too large is 413, anything else about the form 400.
 */
function receiveFile(limitBytes: number): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limitBytes, files: 1, fields: 4, fieldSize: 1024, fieldNameSize: 100, parts: 6 },
  }).single('file');
  return (req, res, next) => {
    if (!req.is('multipart/form-data'))
      return next(
        new ApiError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'send the file as multipart/form-data: field file, field kind, optional field forBuyer',
        ),
      );
    upload(req, res, (err: unknown) => next(err == null ? undefined : uploadError(err, limitBytes)));
  };
}

function uploadError(err: unknown, limitBytes: number): ApiError {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE')
      return new ApiError(413, 'PAYLOAD_TOO_LARGE', `the file is over the limit of ${megabytes(limitBytes)}`);
    const path =
      err.code === 'LIMIT_UNEXPECTED_FILE' || err.code === 'LIMIT_FILE_COUNT' ? 'file' : (err.field ?? '');
    const message =
      path === 'file' ? 'one file, in the field named file' : `${err.message} (fields: file, kind, forBuyer)`;
    return new ApiError(400, 'VALIDATION_FAILED', 'the form does not match the schema', [{ path, message }]);
  }
  return new ApiError(400, 'VALIDATION_FAILED', 'the multipart body could not be read', [
    { path: '', message: err instanceof Error ? err.message : 'malformed multipart body' },
  ]);
}

/**
 * The name as the browser sent it: most send UTF-8 bytes, which the multipart parser reads as
 * Latin-1; no folders, no control or direction characters, at most 200 characters.
 */
export function cleanFileName(raw: string): string {
  const asUtf8 = [...raw].every((c) => c.charCodeAt(0) <= 0xff)
    ? Buffer.from(raw, 'latin1').toString('utf8')
    : raw;
  const name = asUtf8.includes('\uFFFD') ? raw : asUtf8;
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base)
    .filter((c) => !isInvisibleControl(c.codePointAt(0) ?? 0))
    .join('')
    .trim();
  return Array.from(clean).slice(0, 200).join('') || 'attachment';
}

/** Control characters (C0, DEL, C1) and the marks that reorder text: nothing a file name shows. */
function isInvisibleControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** The stored bytes as a download: the type their bytes showed, the file's name. */
export function sendAttachment(res: Response, record: AttachmentRecord, content: Buffer): void {
  res
    .attachment(record.fileName)
    .set('Content-Type', record.contentType)
    .set('Cache-Control', 'private, no-store')
    .send(content);
}

/**
 * Files kept with an order: `POST /orders/{id}/attachments` (ops; the bytes go to PostgreSQL, then
 * the order records ATTACHMENT_ADDED with what describes them), the list, and each file's bytes.
 */
export function attachmentRoutes({
  gateway,
  readModel,
  config,
  now = () => new Date(),
}: AttachmentRoutesDeps): Router {
  const router = Router();
  const limitBytes = config.api.attachmentLimitBytes;
  const answers = committedAnswers(gateway, readModel);

  async function orderIdOf(req: Request): Promise<string> {
    const parsed = orderIdSchema.safeParse(req.params.orderId);
    if (!parsed.success) throw orderNotFound(String(req.params.orderId));
    if (await fromReadModel(() => readModel.orderExists(parsed.data))) return parsed.data;
    if (!(await gateway.orderExists(parsed.data))) throw orderNotFound(parsed.data);
    return parsed.data;
  }

  router.post(
    '/orders/:orderId/attachments',
    requireRole('ops'),
    receiveFile(limitBytes),
    route(async (req, res) => {
      const fields = parseOr400(attachmentFieldsSchema, { ...(req.body as object) }, 'body');
      const file = req.file;
      if (!file)
        throw new ApiError(400, 'VALIDATION_FAILED', 'the form does not match the schema', [
          { path: 'file', message: 'required: the file, in the field named file' },
        ]);
      const orderId = await orderIdOf(req);
      const contentType = sniffContentType(file.buffer);
      if (!contentType)
        throw new ApiError(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'the file is not a PDF, PNG, JPEG, XLSX or DOCX (judged by its content, not its name or declared type)',
        );
      const caller = callerOf(res.locals);
      const record: AttachmentRecord = {
        id: randomUUID(),
        orderId,
        kind: fields.kind,
        fileName: cleanFileName(file.originalname),
        contentType,
        size: file.size,
        forBuyer: fields.forBuyer === 'true',
        addedBy: caller.name,
        addedAt: now().toISOString(),
      };
      const event = parseOr400(
        orderEventSchema,
        {
          type: 'ATTACHMENT_ADDED',
          eventId: attachmentEventId(record.id),
          attachmentId: record.id,
          kind: record.kind,
          fileName: record.fileName,
          contentType,
          size: record.size,
          forBuyer: record.forBuyer,
        },
        'body',
      );
      res.locals.eventType = event.type;
      // Stored first, so the order never names a file that is not there; taken back if it refuses.
      await fromReadModel(() => readModel.addAttachment(record, file.buffer));
      const forget = () => readModel.removeAttachment(record.id).catch(() => undefined);
      let outcome: Awaited<ReturnType<OrderGateway['recordEvent']>>;
      try {
        outcome = await gateway.recordEvent(orderId, event, caller.name, actorRoleOf(caller), caller.id);
      } catch (err) {
        // WORKERS_UNAVAILABLE: the order may still take it later; the list then finds it on the timeline.
        if (!(err instanceof ApiError && err.code === 'WORKERS_UNAVAILABLE')) await forget();
        throw err;
      }
      if ('closed' in outcome) {
        await forget();
        throw orderArchived(
          `order ${orderId} was archived (${outcome.stage}); it takes no more attachments`,
          outcome.stage,
        );
      }
      // The event is recorded: should this write fail, the list still finds it by its timeline entry.
      await readModel.markAttachmentRecorded(record.id, now()).catch(() => undefined);
      // Its records go to the read model now; the answer here is the attachment, not the order.
      await answers.event(orderId, outcome).catch(() => undefined);
      res
        .status(201)
        .location(`/orders/${encodeURIComponent(orderId)}/attachments/${record.id}`)
        .json(attachmentEntry(record));
    }),
  );

  router.get(
    '/orders/:orderId/attachments',
    route(async (req, res) => {
      const orderId = await orderIdOf(req);
      const listed = await fromReadModel(() => readModel.attachments(orderId));
      res.json({ attachments: listed.map(attachmentEntry) });
    }),
  );

  router.get(
    '/orders/:orderId/attachments/:attachmentId',
    route(async (req, res) => {
      const orderId = await orderIdOf(req);
      const found = await fromReadModel(() =>
        readModel.attachmentContent(orderId, String(req.params.attachmentId)),
      );
      if (!found)
        throw new ApiError(
          404,
          'NOT_FOUND',
          `order ${orderId} has no attachment ${String(req.params.attachmentId)}`,
        );
      sendAttachment(res, found.record, found.content);
    }),
  );

  return router;
}
