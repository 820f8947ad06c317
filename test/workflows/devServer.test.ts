/**
 * The order workflow on a real Temporal dev server: updates with their validator, signals, search
 * attributes through visibility, queries on closed orders, the read model's write since release 1.1
 * (an answer carries its records; the workflow's own write waits in its activity, so a burst of
 * events is one write, and the last goes without waiting when the run ends), and a worker killed mid-order.
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { orderView, type OrderEventInput } from '../../src/domain';
import { createReadModel } from '../../src/readModel';
import { accountManagerPseudonym } from '../../src/api/pseudonym';
import { orderWorkflow } from '../../src/workflows';
import type { OrderWorkflowInput } from '../../src/workflows/input';
import {
  orderEventSignal,
  orderQuery,
  recordEventUpdate,
  type CommittedEvent,
} from '../../src/workflows/messages';
import { LAZY_WRITE } from '../../src/workflows/projection';
import { historyFigures } from '../../bench/history';
import { accountManagerKey, orderSearchAttributes } from '../../src/workflows/searchAttributes';
import { bundleOrderWorkflows } from '../../harness/bundle';
import { createTestDatabase, type TestDatabase } from '../../harness/database';
import { fakeActivities } from '../../harness/fakeActivities';
import { orderWhen, signalAndSettle, walkFullLife, withOrderAfter } from '../../harness/orderClient';
import { fullLife, workflowInput } from '../../harness/orderFixtures';
import { SmtpSink } from '../../harness/smtp';
import { devServerEnvironment, eventually, uniqueTaskQueue } from '../../harness/temporal';
import { WorkerProcess } from '../../harness/workerProcess';

const PSEUDONYM_KEY = 'a-test-pseudonym-key-of-32-characters';
let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;
let worker: Worker;
let workerRun: Promise<void>;
const taskQueue = uniqueTaskQueue('dev-orders');
const fakes = fakeActivities();

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([devServerEnvironment(), bundleOrderWorkflows()]);
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities: fakes.activities,
  });
  workerRun = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await workerRun;
  await env?.teardown();
});

function start(input: OrderWorkflowInput, queue = taskQueue): Promise<WorkflowHandle<typeof orderWorkflow>> {
  const { order } = input;
  return env.client.workflow.start(orderWorkflow, {
    taskQueue: queue,
    workflowId: order.orderId,
    args: [input],
    typedSearchAttributes: orderSearchAttributes({
      ...order,
      stage: 'INQUIRY',
      stalled: false,
      accountManagerPseudonym: accountManagerPseudonym(order.accountManager.email, PSEUDONYM_KEY),
    }),
  });
}

const update = async (handle: WorkflowHandle, event: OrderEventInput, actor = 'ops-test') =>
  (await withOrderAfter(handle, await handle.executeUpdate(recordEventUpdate, { args: [{ event, actor }] })))
    .order;

async function rejection(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

describe('order workflow (dev server)', () => {
  it('accepts a fitting update and answers with the order after it', async () => {
    const handle = await start(workflowInput());
    const state = await update(handle, fullLife.quotation, 'li.wei');
    expect(state.stage).toBe('QUOTATION');
    expect(state.timeline.at(-1)).toMatchObject({ type: 'QUOTATION_SENT', actor: 'li.wei' });
  });

  it('refuses an out-of-order update with the stage and what is allowed, writing nothing', async () => {
    const handle = await start(workflowInput());
    const failure = await rejection(update(handle, fullLife.contract));
    expect(failure.type).toBe('EVENT_NOT_ALLOWED');
    const [details] = failure.details as [{ stage: string; allowedEvents: string[] }];
    expect(details.stage).toBe('INQUIRY');
    expect(details.allowedEvents).toEqual(expect.arrayContaining(['QUOTATION_SENT', 'ORDER_CANCELLED']));
    expect(details.allowedEvents).not.toContain('CONTRACT_SIGNED');
    const state = await handle.query(orderQuery);
    expect(state.timeline.map((t) => t.type)).toEqual(['ORDER_CREATED']);
    // A validator rejection leaves no trace in history.
    const history = await handle.fetchHistory();
    expect(JSON.stringify(history)).not.toContain('CONTRACT_SIGNED');
  });

  it('refuses a malformed update as VALIDATION_FAILED with field details', async () => {
    const handle = await start(workflowInput());
    const failure = await rejection(
      update(handle, { type: 'QUOTATION_SENT', quotationNo: '' } as OrderEventInput),
    );
    expect(failure.type).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(failure.details)).toContain('incoterm');
  });

  it('refuses a system event sent by a client: only the workflow may produce those', async () => {
    const handle = await start(workflowInput());
    const systemEvent = {
      type: 'EFFECT_COMPLETED',
      effect: 'dispatchDocuments',
    } as unknown as OrderEventInput;
    expect((await rejection(update(handle, systemEvent))).type).toBe('VALIDATION_FAILED');
    const state = await signalAndSettle(handle, systemEvent);
    expect(state.documents.dispatchedAt).toBeNull();
    expect(state.rejectedEvents).toEqual([expect.objectContaining({ type: 'EFFECT_COMPLETED' })]);
  });

  it('applies a signal and records a rejected one for audit', async () => {
    const handle = await start(workflowInput());
    let state = await signalAndSettle(handle, {
      ...fullLife.quotation,
      actor: 'ui-user',
    } as unknown as OrderEventInput);
    expect(state.stage).toBe('QUOTATION');
    expect(state.timeline.at(-1)).toMatchObject({ type: 'QUOTATION_SENT', actor: 'ui-user' });
    state = await signalAndSettle(handle, fullLife.billOfLading);
    expect(state.stage).toBe('QUOTATION');
    expect(state.rejectedEvents).toEqual([
      expect.objectContaining({ type: 'BILL_OF_LADING_ISSUED', actor: 'temporal-signal' }),
    ]);
  });

  it('records a signal whose payload would overflow or nest without end as rejected, and the order lives on', async () => {
    const handle = await start(workflowInput());
    const overflowing = {
      ...fullLife.quotation,
      lines: [
        {
          description: 'too many',
          quantity: 1e306,
          unitPrice: { amount: '999999999999.99', currency: 'USD' },
        },
      ],
    };
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 2_000; i++) deep = { deep };
    for (const payload of [overflowing, { type: 'NOTE_ADDED', text: 'x', extra: deep }])
      await signalAndSettle(handle, payload as unknown as OrderEventInput);
    const state = await signalAndSettle(handle, fullLife.quotation);
    expect(state.stage).toBe('QUOTATION');
    expect(state.rejectedEvents.map((r) => r.type)).toEqual(['QUOTATION_SENT', 'NOTE_ADDED']);
  });

  it('keeps search attributes current: stage and stalled are visible through the list API', async () => {
    const company = `Visible GmbH ${Date.now()}`;
    const input = workflowInput({
      customer: { name: 'Ann', company, email: 'ann@visible.example', country: 'DE' },
      stageTimeLimits: { QUOTATION: '2s' },
    });
    const handle = await start(input);
    await update(handle, fullLife.quotation);
    const byStage = `CustomerCompany = "${company}" AND OrderStage = "QUOTATION"`;
    await eventually(async () => ((await env.client.workflow.count(byStage)).count === 1 ? true : undefined));

    // The quotation stage outlives its 2 s limit: the order is stalled, and says so in visibility.
    await orderWhen(handle, (s) => s.stalled && s.remindersSent >= 1);
    const stalled = `CustomerCompany = "${company}" AND OrderStalled = true`;
    const listed = await eventually(async () => {
      for await (const execution of env.client.workflow.list({ query: stalled })) return execution;
      return undefined;
    });
    expect(listed.workflowId).toBe(input.order.orderId);
    // The account manager is a keyed hash there, never the address.
    expect(listed.typedSearchAttributes.get(accountManagerKey)).toBe(
      accountManagerPseudonym('li.wei@exporter.example', PSEUDONYM_KEY),
    );
    expect(listed.typedSearchAttributes.get(accountManagerKey)).not.toBe(
      accountManagerPseudonym('li.wei@exporter.example', 'another-key-of-at-least-32-characters'),
    );
    expect(JSON.stringify(listed.typedSearchAttributes)).not.toContain('li.wei');
    // Current details carry the readable summary for the UI.
    const description = await handle.describe();
    expect(description.workflowId).toBe(input.order.orderId);
  });

  it('answers the query on a completed order once it is archived', async () => {
    // A short quiet period: the dev server's clock is real.
    const handle = await start(workflowInput({}, { archiveAfter: '1s' }));
    await walkFullLife(handle, (event) => update(handle, event));
    const result = await handle.result();
    expect(result.status).toBe('COMPLETED');
    expect(result.archivedAt).toBeDefined();
    const queried = await handle.query(orderQuery);
    expect(orderView(queried)).toEqual(result);
  });

  it('answers a retried update (same update id) with its first answer, applying the event once', async () => {
    const handle = await start(workflowInput());
    const send = () =>
      handle.executeUpdate(recordEventUpdate, {
        args: [{ event: { type: 'NOTE_ADDED', text: 'once', eventId: 'u-1' }, actor: 'ops-test' }],
        updateId: 'u-1',
      });
    const first = await send();
    const again = await send();
    expect(again).toEqual(first);
    expect(first).toMatchObject({
      eventId: 'u-1',
      duplicate: false,
      seq: 2,
      records: [{ eventId: 'u-1', seq: 2 }],
    });
    expect((await handle.query(orderQuery)).timelineTotal).toBe(2);
  });

  it('answers an event it already took under another update id as that event, not a reused eventId', async () => {
    // The server answers a repeated update id itself; the same eventId under another update id (or
    // one the server no longer matches) reaches the order, whose answer must still carry the
    // event's fingerprint, or the API would call a plain retry a reused eventId (409).
    const handle = await start(workflowInput());
    const send = (updateId: string) =>
      handle.executeUpdate(recordEventUpdate, {
        args: [{ event: { type: 'NOTE_ADDED', text: 'once', eventId: 'u-2' }, actor: 'ops-test' }],
        updateId,
      });
    const first = await send('u-2');
    const again = await send('u-2-again');
    expect(again).toMatchObject({ eventId: 'u-2', fingerprint: first.fingerprint, duplicate: true });
    expect(first.fingerprint).toEqual(expect.any(String));
    expect((await handle.query(orderQuery)).timelineTotal).toBe(2);
  });
});

const sendLean = (handle: WorkflowHandle, event: OrderEventInput) =>
  handle.executeUpdate(recordEventUpdate, {
    args: [{ event, actor: 'ops-test' }],
  }) as Promise<CommittedEvent>;

/** The workflow's writes for one order, each as the sequence numbers of the records it carried. */
const writesOf = (orderId: string) =>
  fakes.projections.filter((p) => p.state.orderId === orderId).map((p) => p.records.map((r) => r.seq));

const notes = (n: number, tag: string): OrderEventInput[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'NOTE_ADDED', text: `${tag} ${i}`, eventId: `${tag}-${i}` }));

describe('the read model from answers (release 1.1)', () => {
  it('answers an event with its records, and writes a burst of events in one write after a wait', async () => {
    const input = workflowInput();
    const handle = await start(input);
    const answers: CommittedEvent[] = [];
    for (const note of notes(5, 'burst')) answers.push(await sendLean(handle, note));

    // Each answer is the event's own record and the order's count after it: no order in it.
    expect(answers.map((a) => [a.seq, a.records.map((r) => [r.seq, r.eventId])])).toEqual(
      answers.map((_, i) => [i + 2, [[i + 2, `burst-${i}`]]]),
    );
    expect(answers.every((a) => !('order' in a))).toBe(true);
    // Nothing written while the events keep coming.
    expect(writesOf(input.order.orderId)).toEqual([]);

    // The creation's write waited in its activity; the five notes went in the next one.
    await eventually(() => Promise.resolve(writesOf(input.order.orderId).length === 2 ? true : undefined), {
      timeoutMs: LAZY_WRITE.waitMs * 4,
    });
    expect(writesOf(input.order.orderId)).toEqual([[1], [2, 3, 4, 5, 6]]);

    // The next event is written after its own wait, with the order as it is then.
    await sendLean(handle, notes(1, 'later')[0]);
    await eventually(() => Promise.resolve(writesOf(input.order.orderId).length === 3 ? true : undefined), {
      timeoutMs: LAZY_WRITE.waitMs * 4,
    });
    const last = fakes.projections.filter((p) => p.state.orderId === input.order.orderId).at(-1);
    expect(last?.records.map((r) => r.eventId)).toEqual(['later-0']);
    expect(last?.state.timelineTotal).toBe(7);

    // What history holds per event is its record, not the order.
    const figures = await historyFigures(env.client, input.order.orderId);
    expect(figures.updateResultBytesMean).toBeLessThan(1024);
  });

  it('replays a workflow task that brought both a write done and an update, as it ran', async () => {
    // No worker while the write's wait ends and an update waits: the next worker gets both in one task.
    const queue = uniqueTaskQueue('quiet-and-update');
    const worker = () =>
      Worker.create({
        connection: env.nativeConnection,
        taskQueue: queue,
        workflowBundle,
        activities: fakes.activities,
        maxCachedWorkflows: 0,
      });
    const input = workflowInput();
    const handle = await start(input, queue);
    await (await worker()).runUntil(() => sendLean(handle, notes(1, 'before')[0]));
    await new Promise((resolve) => setTimeout(resolve, LAZY_WRITE.waitMs + 1_000));
    const pending = sendLean(handle, notes(1, 'meanwhile')[0]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await (
      await worker()
    ).runUntil(async () => {
      await pending;
      await eventually(() => Promise.resolve(writesOf(input.order.orderId).length ? true : undefined));
    });
    const history = await handle.fetchHistory();
    await Worker.runReplayHistory({ workflowBundle }, history, handle.workflowId);
  });

  it('writes without waiting, once the write in flight is done, before the run continues as new', async () => {
    const input = workflowInput({}, { continueAsNewAfterEvents: 3 });
    const handle = await start(input);
    const firstRun = (await handle.describe()).runId;
    for (const note of notes(3, 'run')) await sendLean(handle, note);
    // The first run ends once the write in flight is done and the rest went without waiting.
    const ended = Date.now();
    await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined), {
      intervalMs: 50,
    });
    expect(Date.now() - ended).toBeLessThan(LAZY_WRITE.waitMs * 2);
    expect(writesOf(input.order.orderId).flat()).toEqual([1, 2, 3, 4]);
  });
});

describe('a worker killed mid-order', () => {
  let smtp: SmtpSink;
  let workerProcess: WorkerProcess;
  let database: TestDatabase;
  const queue = uniqueTaskQueue('crash');

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    database = await createTestDatabase();
    workerProcess = new WorkerProcess({
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: process.env.TEMPORAL_TEST_ADDRESS ?? '',
      TEMPORAL_TASK_QUEUE: queue,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'orders@exporter.example',
    });
  });

  afterAll(async () => {
    await workerProcess?.kill();
    await smtp?.stop();
    await database?.drop();
  });

  it('loses nothing: events sent while no worker runs are applied after the restart', async () => {
    await workerProcess.start();
    const input = workflowInput();
    const handle = await start(input, queue);
    await update(handle, fullLife.quotation);
    await update(handle, { ...fullLife.accepted, sampleRequired: false });
    await update(handle, { ...fullLife.contract, depositPercent: 0 });
    await update(handle, fullLife.inspection);

    await workerProcess.kill('SIGKILL');
    // Signals are durable with no worker at all; the booking request is owed once production completes.
    await handle.signal(orderEventSignal, fullLife.produced);
    await handle.signal(orderEventSignal, { type: 'NOTE_ADDED', text: 'sent while the worker was down' });

    await workerProcess.start();
    const state = await orderWhen(handle, (s) => s.shipping.booking.requestedAt !== null);
    expect(state.stage).toBe('SHIPPING');
    expect(state.timeline.map((t) => t.type)).toEqual([
      'ORDER_CREATED',
      'QUOTATION_SENT',
      'QUOTATION_ACCEPTED',
      'CONTRACT_SIGNED',
      'INSPECTION_RECORDED',
      'PRODUCTION_COMPLETED',
      'NOTE_ADDED',
      'EFFECT_COMPLETED',
    ]);
    const [booking] = await smtp.waitFor((messages) => messages.length >= 1);
    expect(booking.envelope.to).toEqual(['bookings@forwarder.example', 'li.wei@exporter.example']);
    // The read model has every event and the email, written by the restarted worker.
    const readModel = createReadModel({ url: database.url, company: 'default' });
    try {
      // A write lost with the killed worker is retried after its 10 s timeout.
      const emails = await eventually(
        async () => {
          const list = await readModel.emails(input.order.orderId);
          return list.length === 1 ? list : undefined;
        },
        { timeoutMs: 60_000 },
      );
      expect(booking.parsed.messageId).toBe(emails[0].messageId);
      const { entries } = await readModel.timeline(input.order.orderId, { limit: 50 });
      expect(entries.map((t) => t.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    } finally {
      await readModel.close();
    }
  });
});
