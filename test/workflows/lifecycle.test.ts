/**
 * The order workflow on Temporal's time-skipping test server, driven by signals (the server does not
 * skip time while a client waits on an update). Activities are stand-ins here; they have their own
 * tests against a real SMTP server.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { OrderActivities } from '../../src/activities';
import { allowedEvents, type OrderState } from '../../src/domain';
import { orderEventSignal, orderQuery } from '../../src/workflows/messages';
import { orderWorkflow } from '../../src/workflows';
import type { OrderWorkflowInput } from '../../src/workflows/input';
import { bundleOrderWorkflows } from '../../harness/bundle';
import { fakeActivities } from '../../harness/fakeActivities';
import { fullLife, workflowInput } from '../../harness/orderFixtures';
import { orderWhen, signalAndSettle } from '../../harness/orderClient';
import { eventually, timeSkippingEnvironment, uniqueTaskQueue } from '../../harness/temporal';

let env: TestWorkflowEnvironment;
let workflowBundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  [env, workflowBundle] = await Promise.all([timeSkippingEnvironment(), bundleOrderWorkflows()]);
});

afterAll(async () => {
  await env?.teardown();
});

type Fakes = ReturnType<typeof fakeActivities>;

/** Everything the workflow wrote to the read model, in order. */
const projected = (fakes: Fakes) => ({
  records: fakes.projections.flatMap((p) => p.records),
  emails: fakes.projections.flatMap((p) => p.emails),
});

async function withOrder(
  input: OrderWorkflowInput,
  body: (handle: WorkflowHandle<typeof orderWorkflow>, calls: Fakes['calls'], fakes: Fakes) => Promise<void>,
  options: Parameters<typeof fakeActivities>[0] = {},
): Promise<void> {
  const taskQueue = uniqueTaskQueue('lifecycle');
  const fakes = fakeActivities(options);
  const { activities, calls } = fakes;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle,
    activities,
  });
  // The server's clock runs ahead of ours once earlier tests skipped time: the order is created at its time.
  const createdAt = new Date(await env.currentTimeMs()).toISOString();
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(orderWorkflow, {
      taskQueue,
      workflowId: input.order.orderId,
      args: [{ ...input, createdAt }],
    });
    try {
      await body(handle, calls, fakes);
    } finally {
      await closeOrder(handle);
    }
  });
}

const stageOf = (state: OrderState) => state.stage;

/**
 * Waits until the order has no activity or workflow task in flight (its status then). The
 * time-skipping server does not skip time while one runs, and one cut off by a terminate can keep
 * it from skipping for good (sdk-java #1138), so tests let such work finish first.
 */
async function idle(handle: WorkflowHandle): Promise<string> {
  return eventually(
    async () => {
      const { status, raw } = await handle.describe();
      const busy = Boolean(raw.pendingActivities?.length) || Boolean(raw.pendingWorkflowTask);
      return status.name !== 'RUNNING' || !busy ? status.name : undefined;
    },
    { timeoutMs: 10_000 },
  );
}

/**
 * Runs a test that skips time on a time-skipping server of its own: after other tests' orders the
 * shared server sometimes keeps time still for good (its lock bookkeeping, sdk-java #1138).
 */
async function onOwnServer(test: () => Promise<void>): Promise<void> {
  const shared = env;
  env = await timeSkippingEnvironment();
  try {
    await test();
  } finally {
    await env.teardown();
    env = shared;
  }
}

/** Moves the server's clock on once the order is idle. */
async function skipTime(handle: WorkflowHandle, duration: Parameters<typeof env.sleep>[0]): Promise<void> {
  await idle(handle);
  await env.sleep(duration);
}

/**
 * Ends a test's order. One left running without a worker would hold its timers and stop time
 * skipping for later tests, and a terminate can leave the server's time lock behind: an open order
 * is cancelled, and a closed one runs to its archiving (the server skips its quiet period); only
 * one that cannot get there is terminated, once idle.
 */
async function closeOrder(handle: WorkflowHandle<typeof orderWorkflow>): Promise<void> {
  if ((await idle(handle)) !== 'RUNNING') return;
  let state = await handle.query(orderQuery);
  if (state.status === 'OPEN' && allowedEvents(state).includes('ORDER_CANCELLED')) {
    await handle.signal(orderEventSignal, { type: 'ORDER_CANCELLED', reason: 'test finished' });
    if ((await idle(handle)) !== 'RUNNING') return;
    state = await handle.query(orderQuery);
  }
  if (state.status !== 'OPEN' && state.failedEffects.length === 0) {
    await handle.result();
    return;
  }
  await handle.terminate('test finished');
}

describe('order workflow (time-skipping server)', () => {
  it('walks an order through all nine stages to COMPLETED, running each effect once', async () => {
    await withOrder(workflowInput(), async (handle, calls, fakes) => {
      const e = fullLife;
      expect(stageOf(await signalAndSettle(handle, e.quotation))).toBe('QUOTATION');
      expect(stageOf(await signalAndSettle(handle, e.accepted))).toBe('SAMPLE');
      await signalAndSettle(handle, e.sample1);
      expect(stageOf(await signalAndSettle(handle, e.sampleRejected))).toBe('SAMPLE');
      await signalAndSettle(handle, e.sample2);
      expect(stageOf(await signalAndSettle(handle, e.sampleApproved))).toBe('CONTRACT');
      expect(stageOf(await signalAndSettle(handle, e.contract))).toBe('DEPOSIT');
      const partly = await signalAndSettle(handle, e.deposit1);
      expect(partly.stage).toBe('DEPOSIT');
      expect(partly.payments.depositReceived).toEqual({ amount: '5000.00', currency: 'USD' });
      expect(stageOf(await signalAndSettle(handle, e.deposit2))).toBe('PRODUCTION');
      await signalAndSettle(handle, e.progress);
      await signalAndSettle(handle, e.inspection);
      expect(stageOf(await signalAndSettle(handle, e.produced))).toBe('SHIPPING');
      await orderWhen(handle, (s) => s.shipping.booking.requestedAt !== null);
      await signalAndSettle(handle, e.booking);
      await signalAndSettle(handle, e.customs);
      expect(stageOf(await signalAndSettle(handle, e.billOfLading))).toBe('BALANCE');
      await orderWhen(handle, (s) => s.documents.copiesSentAt !== null);
      await signalAndSettle(handle, e.documentsOk);
      expect(stageOf(await signalAndSettle(handle, e.balance))).toBe('DOCUMENTS');
      await orderWhen(handle, (s) => s.documents.dispatchedAt !== null);
      expect(stageOf(await signalAndSettle(handle, e.originals))).toBe('DOCUMENTS');
      await signalAndSettle(handle, e.released);

      // The completed order stays open for its tail; the server skips its quiet period, then it is archived.
      const final = await handle.result();
      expect(final.stage).toBe('COMPLETED');
      expect(final.status).toBe('COMPLETED');
      expect(final.archivedAt).toBeDefined();
      expect(final.rejectedEvents).toEqual([]);
      expect(final.payments.balanceReceived).toEqual({ amount: '17500.00', currency: 'USD' });
      const readModel = projected(fakes);
      // The copies and the balance request start together at the B/L: compare without their order.
      expect(readModel.emails.map((m) => m.purpose).sort()).toEqual([
        'booking-request',
        'document-copies',
        'document-dispatch',
        'payment-acknowledgement',
        'payment-acknowledgement',
        'payment-acknowledgement',
        'payment-request',
        'payment-request',
      ]);
      expect(calls.map((c) => c.name).sort()).toEqual([
        'dispatchDocuments',
        'sendBookingRequest',
        'sendDocumentCopies',
        'sendPaymentAcknowledgement',
        'sendPaymentAcknowledgement',
        'sendPaymentAcknowledgement',
        'sendPaymentRequest',
        'sendPaymentRequest',
      ]);
      // One acknowledgement per payment (two deposits, the balance), each its own Message-ID.
      const acks = readModel.emails.filter((m) => m.purpose === 'payment-acknowledgement');
      expect(new Set(acks.map((m) => m.messageId)).size).toBe(3);
      // Every accepted event reached the read model once, in order, and the last write has the final order.
      expect(readModel.records.map((r) => r.seq)).toEqual(readModel.records.map((_, i) => i + 1));
      expect(readModel.records.at(-1)?.type).toBe('ORDER_ARCHIVED');
      const clientTypes = readModel.records.filter((t) => t.actor !== 'system').map((t) => t.type);
      expect(clientTypes.filter((t) => t !== 'ORDER_CREATED')).toEqual(
        Object.values(fullLife).map((ev) => ev.type),
      );
      expect(fakes.projections.at(-1)?.state).toMatchObject({
        stage: 'COMPLETED',
        timelineTotal: final.timelineTotal,
        archivedAt: final.archivedAt,
      });
      // The query still answers on the archived (closed) workflow.
      expect((await handle.query(orderQuery)).stage).toBe('COMPLETED');
    });
  });

  it('records a rejected signal without changing the order', async () => {
    await withOrder(workflowInput(), async (handle) => {
      const state = await signalAndSettle(handle, fullLife.contract);
      expect(state.stage).toBe('INQUIRY');
      expect(state.rejectedEvents).toHaveLength(1);
      expect(state.rejectedEvents[0]).toMatchObject({ type: 'CONTRACT_SIGNED' });
      expect(state.timeline.map((t) => t.type)).toEqual(['ORDER_CREATED']);
    });
  });

  it('sends the stall reminder at the stage limit and not before, repeats, escalates, and stops on stage change', async () => {
    const input = workflowInput({
      stageTimeLimits: { INQUIRY: '24h', QUOTATION: '3d' },
      reminderPolicy: { repeatEvery: '12h', escalateAfter: 2, escalateTo: 'sales.director@exporter.example' },
    });
    await onOwnServer(() =>
      withOrder(input, async (handle, calls, fakes) => {
        const reminders = () => calls.filter((c) => c.name === 'sendStallReminder');
        await skipTime(handle, '23h');
        expect(reminders()).toHaveLength(0);
        expect((await handle.query(orderQuery)).stalled).toBe(false);

        await skipTime(handle, '61m');
        let state = await orderWhen(handle, (s) => s.remindersSent === 1);
        expect(state.stalled).toBe(true);
        expect(reminders()[0].input).toMatchObject({
          to: ['li.wei@exporter.example'],
          cc: [],
          sequence: 1,
          // the stage's open steps by key, so a Chinese reminder can name them in Chinese
          toDo: [{ key: 'QUOTATION_SENT', title: 'Send the quotation', status: 'PENDING' }],
        });

        await skipTime(handle, '12h');
        await orderWhen(handle, (s) => s.remindersSent === 2);
        await skipTime(handle, '12h');
        state = await orderWhen(handle, (s) => s.remindersSent === 3);
        // Two reminders went out in this stage, so the third copies the escalation address.
        expect(reminders()[2].input).toMatchObject({ cc: ['sales.director@exporter.example'], sequence: 3 });
        await eventually(() =>
          Promise.resolve(
            projected(fakes).emails.filter((m) => m.purpose === 'stall-reminder').length === 3
              ? true
              : undefined,
          ),
        );

        state = await signalAndSettle(handle, fullLife.quotation);
        expect(state).toMatchObject({ stage: 'QUOTATION', stalled: false, remindersSentInStage: 0 });
        await skipTime(handle, '71h');
        expect(reminders()).toHaveLength(3);
        await skipTime(handle, '61m');
        state = await orderWhen(handle, (s) => s.remindersSent === 4);
        expect(reminders()[3].input).toMatchObject({ stage: 'QUOTATION', sequence: 1, cc: [] });
      }),
    );
  });

  it('cancels an order, tells the account manager, and is archived after its quiet period', async () => {
    await withOrder(workflowInput(), async (handle, calls, fakes) => {
      await signalAndSettle(handle, fullLife.quotation);
      await signalAndSettle(handle, { type: 'ORDER_CANCELLED', reason: 'customer bought elsewhere' });
      const final = await handle.result();
      expect(final).toMatchObject({ stage: 'CANCELLED', status: 'CANCELLED' });
      expect(final.archivedAt).toBeDefined();
      expect(calls.map((c) => c.name)).toEqual(['sendCancellationNotice']);
      expect(projected(fakes).emails.map((m) => m.purpose)).toEqual(['cancellation-notice']);
    });
  });

  it('records an effect that failed for good and re-runs it when an operator asks', async () => {
    const failing = new Set<keyof OrderActivities>(['sendCancellationNotice']);
    await withOrder(
      workflowInput(),
      async (handle, calls, fakes) => {
        await signalAndSettle(handle, { type: 'ORDER_CANCELLED', reason: 'duplicate inquiry' });
        let state = await orderWhen(handle, (s) => s.failedEffects.length === 1);
        expect(state.failedEffects[0]).toMatchObject({ effect: 'notifyCancelled' });
        expect(state.timeline.map((t) => t.type)).toContain('EFFECT_FAILED');
        // The order waits for an operator instead of being archived with the notice unsent.
        const description = await handle.describe();
        expect(description.status.name).toBe('RUNNING');

        failing.clear();
        state = await signalAndSettle(handle, { type: 'RETRY_FAILED_EFFECTS' });
        const final = await handle.result();
        expect(final.failedEffects).toEqual([]);
        expect(projected(fakes).emails.map((m) => m.purpose)).toEqual(['cancellation-notice']);
        expect(calls.filter((c) => c.name === 'sendCancellationNotice')).toHaveLength(2);
      },
      { failing },
    );
  });

  it('a reminder that keeps failing never blocks the order: the stage change cancels it, and the order closes', async () => {
    const input = workflowInput({ stageTimeLimits: { INQUIRY: '1h' } });
    const retrying = new Set<keyof OrderActivities>(['sendStallReminder']);
    await onOwnServer(() =>
      withOrder(
        input,
        async (handle, calls) => {
          await skipTime(handle, '2h');
          await orderWhen(handle, (s) => s.stalled);
          // The reminder is being retried (SMTP down); the order still takes its events meanwhile.
          await eventually(() =>
            Promise.resolve(calls.some((c) => c.name === 'sendStallReminder') ? true : undefined),
          );
          const moved = await signalAndSettle(handle, fullLife.quotation);
          expect(moved).toMatchObject({ stage: 'QUOTATION', stalled: false });
          retrying.clear();
          await signalAndSettle(handle, { type: 'ORDER_CANCELLED', reason: 'customer went quiet' });
          const final = await handle.result();
          expect(final).toMatchObject({ stage: 'CANCELLED', remindersSent: 0 });
          // The stale INQUIRY reminder never went out once SMTP was back.
          expect(final.timeline.map((t) => t.type)).not.toContain('REMINDER_SENT');
        },
        { retrying },
      ),
    );
  });

  it('continues as new with the whole order carried over', async () => {
    const input = workflowInput({}, { continueAsNewAfterEvents: 3 });
    await withOrder(input, async (handle) => {
      const firstRun = (await handle.describe()).runId;
      // Plain signals: the time-skipping server can leave a query hanging that races the run's hand-over.
      for (const event of [
        fullLife.quotation,
        fullLife.accepted,
        fullLife.sample1,
        fullLife.sampleApproved,
      ]) {
        await handle.signal(orderEventSignal, event);
      }
      await handle.signal(orderEventSignal, { type: 'NOTE_ADDED', text: 'after the new run started' });
      await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined));
      const state = await orderWhen(handle, (s) => s.timeline.some((t) => t.type === 'NOTE_ADDED'));
      expect((await handle.describe()).runId).not.toBe(firstRun);
      expect({ stage: state.stage, rejected: state.rejectedEvents }).toEqual({
        stage: 'CONTRACT',
        rejected: [],
      });
      expect(state.timeline.map((t) => t.type)).toEqual([
        'ORDER_CREATED',
        'QUOTATION_SENT',
        'QUOTATION_ACCEPTED',
        'SAMPLE_SENT',
        'SAMPLE_APPROVED',
        'NOTE_ADDED',
      ]);
    });
  });
});
