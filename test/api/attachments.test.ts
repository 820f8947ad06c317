/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers are typed any */
/**
 * Attachments over HTTP against the real stack (Temporal, PostgreSQL, a worker): a file is judged
 * by its bytes, kept in PostgreSQL, listed with who added it, downloaded as it was, recorded on the
 * timeline as ATTACHMENT_ADDED (metadata only), taken by a completed order, and listed on the
 * buyer's tracking page when marked for the buyer. The upload limit is lowered to 1 MB here.
 */
import { Pool } from 'pg';
import request from 'supertest';
import { fullLifeEvents } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { eventually } from '../../harness/temporal';
import { createOrder, expectError, liveThrough, orderWhen, sendEvent } from './helpers';

let smtp: SmtpSink;
let stack: Stack;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  // Closed orders are archived after 20 s of quiet: long enough for the completed order's uploads.
  stack = await startStack({
    smtpUrl: smtp.url,
    env: { API_ATTACHMENT_LIMIT_MB: '1', ORDER_ARCHIVE_AFTER: '20s' },
  });
});
afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

interface Attachment {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  addedBy: string;
  addedAt: string;
  forBuyer: boolean;
}

const upload = (
  orderId: string,
  file: Buffer | null,
  fields: Record<string, string> = { kind: 'CONTRACT' },
  options: { fileName?: string; contentType?: string; token?: string } = {},
) => {
  let req = request(stack.app)
    .post(`/orders/${encodeURIComponent(orderId)}/attachments`)
    .set(bearer(options.token ?? TOKENS.ops));
  for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
  if (file)
    req = req.attach('file', file, {
      filename: options.fileName ?? 'contract.pdf',
      contentType: options.contentType ?? 'application/pdf',
    });
  return req;
};

const list = async (orderId: string): Promise<Attachment[]> => {
  const res = await request(stack.app).get(`/orders/${orderId}/attachments`).set(bearer(TOKENS.viewer));
  expect(res.status).toBe(200);
  return (res.body as { attachments: Attachment[] }).attachments;
};

const download = (path: string, token: string | null = TOKENS.viewer) => {
  const req = request(stack.app).get(path);
  return (token ? req.set(bearer(token)) : req).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
};

test('a PDF is kept (201), listed with who added it, downloaded as it was, and on the timeline as metadata only', async () => {
  const { orderId } = await createOrder(stack.app);
  const res = await upload(orderId, PDF, { kind: 'CONTRACT' }, { fileName: '销售合同 C-1.pdf' });
  expect(res.status).toBe(201);
  const entry = res.body as Attachment;
  expect(entry).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    kind: 'CONTRACT',
    fileName: '销售合同 C-1.pdf',
    contentType: 'application/pdf',
    size: PDF.length,
    addedBy: 'alice',
    addedAt: expect.any(String),
    forBuyer: false,
  });
  expect(res.headers.location).toBe(`/orders/${orderId}/attachments/${entry.id}`);
  expect(await list(orderId)).toEqual([entry]);

  const file = await download(res.headers.location);
  expect(file.status).toBe(200);
  expect(file.headers['content-type']).toBe('application/pdf');
  expect(file.headers['content-disposition']).toContain(
    `filename*=UTF-8''${encodeURIComponent('销售合同 C-1.pdf')}`,
  );
  expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);

  const timeline = await eventually(async () => {
    const page = await request(stack.app).get(`/orders/${orderId}/timeline`).set(bearer(TOKENS.viewer));
    const entries = (page.body as { entries: { type: string; actor: string; payload: unknown }[] }).entries;
    return entries.find((e) => e.type === 'ATTACHMENT_ADDED');
  });
  expect(timeline).toMatchObject({ actor: 'alice' });
  expect(timeline.payload).toEqual({
    type: 'ATTACHMENT_ADDED',
    eventId: `attachment-${entry.id}`,
    attachmentId: entry.id,
    kind: 'CONTRACT',
    fileName: '销售合同 C-1.pdf',
    contentType: 'application/pdf',
    size: PDF.length,
    forBuyer: false,
  });
});

test('the type comes from the bytes: a .pdf-named text file is 415, and nothing is kept', async () => {
  const { orderId } = await createOrder(stack.app);
  const text = Buffer.from('not a PDF at all, whatever the name and the declared type say');
  expectError(await upload(orderId, text), 415, 'UNSUPPORTED_MEDIA_TYPE');
  // A PNG declared as a PDF is a PNG.
  const png = await upload(orderId, PNG, { kind: 'QC_REPORT' }, { fileName: 'scan.pdf' });
  expect(png.status).toBe(201);
  expect(png.body).toMatchObject({ contentType: 'image/png', fileName: 'scan.pdf' });
  expect((await list(orderId)).map((a) => a.contentType)).toEqual(['image/png']);
});

test('over the limit is 413; a missing file, a bad kind or a JSON body are refused; no 500', async () => {
  const { orderId } = await createOrder(stack.app);
  const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
  expectError(await upload(orderId, big), 413, 'PAYLOAD_TOO_LARGE');
  const noFile = expectError(await upload(orderId, null), 400, 'VALIDATION_FAILED');
  expect(noFile.details).toEqual([expect.objectContaining({ path: 'file' })]);
  const badKind = expectError(await upload(orderId, PDF, { kind: 'PHOTO' }), 400, 'VALIDATION_FAILED');
  expect(badKind.details).toEqual([expect.objectContaining({ path: 'kind' })]);
  expectError(await upload(orderId, PDF, { kind: 'BL', forBuyer: 'maybe' }), 400, 'VALIDATION_FAILED');
  expectError(await upload(orderId, PDF, { kind: 'BL', extra: 'x' }), 400, 'VALIDATION_FAILED');
  const json = await request(stack.app)
    .post(`/orders/${orderId}/attachments`)
    .set(bearer(TOKENS.ops))
    .send({ kind: 'BL' });
  expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  const broken = await request(stack.app)
    .post(`/orders/${orderId}/attachments`)
    .set(bearer(TOKENS.ops))
    .set('Content-Type', 'multipart/form-data; boundary=XYZ')
    .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-');
  expectError(broken, 400, 'VALIDATION_FAILED');
  expect(await list(orderId)).toEqual([]);
  expect(stack.logger.entries.filter((e) => e.level === 'error')).toEqual([]);
});

test('viewers read but do not upload; unknown orders and attachments are 404; the events endpoint refuses ATTACHMENT_ADDED', async () => {
  const { orderId } = await createOrder(stack.app);
  expectError(await upload(orderId, PDF, undefined, { token: TOKENS.viewer }), 403, 'FORBIDDEN');
  expectError(await upload('PO-NO-SUCH-ORDER', PDF), 404, 'ORDER_NOT_FOUND');
  const unknownOrder = await request(stack.app)
    .get('/orders/PO-NO-SUCH-ORDER/attachments')
    .set(bearer(TOKENS.viewer));
  expectError(unknownOrder, 404, 'ORDER_NOT_FOUND');
  const get = (path: string) => request(stack.app).get(path).set(bearer(TOKENS.viewer));
  expectError(await get(`/orders/${orderId}/attachments/not-a-uuid`), 404, 'NOT_FOUND');
  expectError(
    await get(`/orders/${orderId}/attachments/0b6f1f5e-2f4b-4c5e-9a53-3f1f7c1d2a10`),
    404,
    'NOT_FOUND',
  );
  // Another order's attachment is not this order's.
  const other = await createOrder(stack.app);
  const kept = await upload(other.orderId, PDF);
  expect(kept.status).toBe(201);
  expectError(await get(`/orders/${orderId}/attachments/${(kept.body as Attachment).id}`), 404, 'NOT_FOUND');

  const direct = await sendEvent(stack.app, orderId, {
    type: 'ATTACHMENT_ADDED',
    attachmentId: '0b6f1f5e-2f4b-4c5e-9a53-3f1f7c1d2a10',
    kind: 'CONTRACT',
    fileName: 'made-up.pdf',
    contentType: 'application/pdf',
    size: 10,
  });
  const refused = expectError(direct, 400, 'VALIDATION_FAILED');
  expect(refused.details).toEqual([expect.objectContaining({ path: 'type' })]);
});

test("a completed order takes attachments; the buyer's page lists and serves only those marked for the buyer", async () => {
  const completed = await liveThrough(stack.app, fullLifeEvents);
  const orderId = completed.orderId;
  const forBuyer = await upload(
    orderId,
    PNG,
    { kind: 'BL', forBuyer: 'true' },
    { fileName: 'BL-9001 scan.png' },
  );
  expect(forBuyer.status).toBe(201);
  const internal = await upload(
    orderId,
    PDF,
    { kind: 'QC_REPORT', forBuyer: 'false' },
    { fileName: 'qc-internal.pdf' },
  );
  expect(internal.status).toBe(201);
  const order = await request(stack.app).get(`/orders/${orderId}`).set(bearer(TOKENS.viewer));
  expect(order.body).toMatchObject({ status: 'COMPLETED', stage: 'COMPLETED' });
  expect((await list(orderId)).map((a) => a.fileName)).toEqual(['BL-9001 scan.png', 'qc-internal.pdf']);

  const link = await request(stack.app).post(`/orders/${orderId}/tracking-link`).set(bearer(TOKENS.ops));
  expect(link.status).toBe(201);
  const path = new URL((link.body as { url: string }).url).pathname;
  const page = await request(stack.app).get(path);
  expect(page.status).toBe(200);
  expect(page.text).toContain('BL-9001 scan.png');
  expect(page.text).not.toContain('qc-internal.pdf');
  const { id } = forBuyer.body as Attachment;
  const file = await download(`${path}/attachments/${id}`, null);
  expect(file.status).toBe(200);
  expect(file.headers['content-type']).toBe('image/png');
  expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);
  const hidden = await download(`${path}/attachments/${(internal.body as Attachment).id}`, null);
  expect(hidden.status).toBe(404);
});

test('an archived order refuses the file (409 ORDER_ARCHIVED) and nothing of it is kept', async () => {
  const { orderId } = await createOrder(stack.app);
  const cancelled = await sendEvent(stack.app, orderId, {
    type: 'ORDER_CANCELLED',
    reason: 'bought elsewhere',
  });
  expect(cancelled.status).toBe(200);
  const kept = await upload(orderId, PDF, { kind: 'OTHER' });
  expect(kept.status).toBe(201);
  await orderWhen(stack.app, orderId, (v) => v.archivedAt !== undefined, 90_000);
  expectError(await upload(orderId, PDF, { kind: 'OTHER' }), 409, 'ORDER_ARCHIVED');
  expect((await list(orderId)).map((a) => a.id)).toEqual([(kept.body as Attachment).id]);
  const pool = new Pool({ connectionString: stack.config.database.url, max: 1 });
  try {
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM attachments WHERE order_id = $1',
      [orderId],
    );
    expect(rows[0]?.n).toBe(1);
  } finally {
    await pool.end();
  }
});
