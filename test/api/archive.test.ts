/**
 * A closed order's tail over HTTP, with a real worker, read model and SMTP: a cancelled order takes a
 * note, refuses a stage event, and is archived after a short quiet period (ORDER_ARCHIVE_AFTER);
 * then it takes nothing (409 ORDER_ARCHIVED), reads keep working, and a retried create finds it.
 */
import request from 'supertest';
import type { OrderView } from '../../src/api/orderView';
import { fullLife, newInquiry, uniqueOrderId } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { bearer, startStack, TOKENS, type Stack } from '../../harness/stack';
import { expectError, getOrder, orderWhen, sendEvent } from './helpers';

let smtp: SmtpSink;
let stack: Stack;

beforeAll(async () => {
  smtp = await SmtpSink.start();
  stack = await startStack({ smtpUrl: smtp.url, env: { ORDER_ARCHIVE_AFTER: '5s' } });
});

afterAll(async () => {
  await stack?.close();
  await smtp?.stop();
});

describe('a closed order over HTTP', () => {
  it('takes a note, refuses a stage event, is archived once quiet, and then takes nothing', async () => {
    const body = { orderId: uniqueOrderId('PO-ARCH'), ...newInquiry() };
    const created = await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(body);
    expect(created.status).toBe(201);
    const id = body.orderId;

    const cancelled = await sendEvent(stack.app, id, { type: 'ORDER_CANCELLED', reason: 'bought elsewhere' });
    expect(cancelled.body).toMatchObject({ stage: 'CANCELLED', status: 'CANCELLED' });
    const note = await sendEvent(stack.app, id, {
      type: 'NOTE_ADDED',
      text: 'customer may come back in spring',
    });
    expect(note.status).toBe(200);
    expect(note.body).toMatchObject({ stage: 'CANCELLED', status: 'CANCELLED' });
    const stageEvent = await sendEvent(stack.app, id, fullLife.quotation);
    expect(expectError(stageEvent, 409, 'EVENT_NOT_ALLOWED').details).toMatchObject({ stage: 'CANCELLED' });

    const archived = await orderWhen(stack.app, id, (v) => v.archivedAt !== undefined, 60_000);
    expect(archived).toMatchObject({ stage: 'CANCELLED', status: 'CANCELLED' });
    expect(archived.timeline.at(-1)).toMatchObject({ type: 'ORDER_ARCHIVED' });

    const late = await sendEvent(stack.app, id, { type: 'NOTE_ADDED', text: 'too late' });
    expect(expectError(late, 409, 'ORDER_ARCHIVED').details).toEqual({
      stage: 'CANCELLED',
      allowedEvents: [],
    });
    // Reads keep working.
    expect(await getOrder(stack.app, id)).toMatchObject({ orderId: id, archivedAt: archived.archivedAt });
    const timeline = await request(stack.app).get(`/orders/${id}/timeline`).set(bearer(TOKENS.viewer));
    expect(timeline.status).toBe(200);

    // The same create again finds the archived order; another body under its id is refused.
    const again = await request(stack.app).post('/orders').set(bearer(TOKENS.ops)).send(body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ orderId: id, archivedAt: archived.archivedAt });
    expect((again.body as OrderView).links.temporalUi).toEqual(expect.any(String));
    const other = await request(stack.app)
      .post('/orders')
      .set(bearer(TOKENS.ops))
      .send({ ...newInquiry({ customer: { ...newInquiry().customer, company: 'Other AG' } }), orderId: id });
    expectError(other, 409, 'ORDER_EXISTS');
  });
});
