/**
 * Records the histories the replay test checks every later workflow change against
 * (test/histories/*.json). Run it when a new workflow version is released:
 *   npx tsx scripts/record-histories.ts
 * It starts its own dev server and a worker with stand-in activities, drives a few typical orders
 * through updates and signals, and writes each finished history.
 */
import { DEFAULT_COMPANY, orderWorkflowId } from '../src/domain/company';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataConverterFor } from '../src/codec/dataConverter';
import { loadConfig } from '../src/config/env';
import { allowedEvents, type CompanyGate, type OrderEventInput } from '../src/domain';
import { startDevServer, type DevServer } from '../src/dev/devServer';
import { temporalCliPath } from '../src/dev/temporalBinaries';
import { ORDER_WORKFLOW_SOURCE } from '../src/workflowBundle';
import { orderWorkflow } from '../src/workflows';
import type { OrderWorkflowInput } from '../src/workflows/input';
import { orderEventSignal, recordEventUpdate } from '../src/workflows/messages';
import { HISTORY_CODEC_ENV } from '../harness/codecKeys';
import { fakeActivities } from '../harness/fakeActivities';
import { orderWhen, walkFullLife, withOrderAfter } from '../harness/orderClient';
import { eventually } from '../harness/temporal';
import { takes, twoShipmentLife } from '../harness/shipmentLives';
import {
  fullLife,
  PAYMENT_PLANS,
  planLife,
  shippingTermsLife,
  workflowInput,
} from '../harness/orderFixtures';

const version = process.env.HISTORY_VERSION ?? 'r1.0';
const outDir = resolve(__dirname, '..', 'test', 'histories');
const taskQueue = 'record-histories';

type Scenario = (client: Client, input: OrderWorkflowInput) => Promise<WorkflowHandle<typeof orderWorkflow>>;

const workflowIdOf = (input: OrderWorkflowInput) =>
  orderWorkflowId(input.company ?? DEFAULT_COMPANY, input.order.orderId);
const start = (client: Client, input: OrderWorkflowInput) =>
  client.workflow.start(orderWorkflow, { taskQueue, workflowId: workflowIdOf(input), args: [input] });
/** A company that claims the export VAT rebate, as the API tells the workflow with each event. */
const CLAIMING: CompanyGate = { documentGate: false, hasChop: false, rebateMethod: 'TRADING' };
const send = async (
  handle: WorkflowHandle,
  event: OrderEventInput | Record<string, unknown>,
  role?: 'manager',
  company?: CompanyGate,
) =>
  withOrderAfter(
    handle,
    await handle.executeUpdate(recordEventUpdate, {
      args: [
        {
          event,
          actor: role ? 'recorder-manager' : 'recorder',
          ...(role ? { role } : {}),
          ...(company ? { company } : {}),
        },
      ],
    }),
  );
function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`the recording expected ${what}`);
  return value;
}

/** Sends once the order offers the event type. */
const sendWhenAllowed = async (handle: WorkflowHandle, event: OrderEventInput) => {
  await orderWhen(handle, (s) => allowedEvents(s).includes(event.type));
  return send(handle, event);
};

const scenarios: Record<
  string,
  [Partial<OrderWorkflowInput['order']>, Partial<OrderWorkflowInput>, Scenario]
> = {
  // All nine stages by update, waiting for each effect as an operator would.
  'full-life': [
    {},
    {},
    async (client, input) => {
      const handle = await start(client, input);
      await walkFullLife(handle, (event) => send(handle, event));
      return handle;
    },
  ],
  // Reminders that repeat and escalate, then a stage change and a cancellation by signal.
  'stall-reminders-and-cancel': [
    {
      stageTimeLimits: { INQUIRY: '1s' },
      reminderPolicy: { repeatEvery: '1s', escalateAfter: 1, escalateTo: 'director@exporter.example' },
    },
    {},
    async (client, input) => {
      const handle = await start(client, input);
      await orderWhen(handle, (s) => s.remindersSent >= 3);
      await handle.signal(orderEventSignal, fullLife.quotation);
      await handle.signal(orderEventSignal, fullLife.billOfLading); // rejected: recorded for audit
      await handle.signal(orderEventSignal, { type: 'ORDER_CANCELLED', reason: 'lost to a competitor' });
      return handle;
    },
  ],
  // Mistakes taken back: an undone sample approval, a reversed deposit paid again, a B/L number
  // corrected after the copies went out (revised copies); after completion, a note, then archived.
  corrections: [
    {},
    {},
    async (client, input) => {
      const handle = await start(client, input);
      const f = fullLife;
      for (const event of [f.quotation, f.accepted, f.sample1]) await sendWhenAllowed(handle, event);
      const approved = await sendWhenAllowed(handle, f.sampleApproved);
      const undo = required(approved.order.corrections.undoable, 'an undoable approval');
      await send(
        handle,
        { type: 'EVENT_UNDONE', undoesEventId: undo.eventId, reason: 'wrong click' },
        'manager',
      );
      for (const event of [f.sampleRejected, f.sample2, f.sampleApproved, f.contract])
        await sendWhenAllowed(handle, event);
      const paid = await sendWhenAllowed(handle, f.deposit1);
      const payment = required(paid.order.corrections.reversiblePayments[0], 'a reversible deposit');
      await send(
        handle,
        { type: 'PAYMENT_REVERSED', paymentEventId: payment.eventId, reason: 'booked twice' },
        'manager',
      );
      for (const event of [
        f.deposit1,
        f.deposit2,
        f.inspection,
        f.produced,
        f.booking,
        f.customs,
        f.billOfLading,
      ])
        await sendWhenAllowed(handle, event);
      const shipped = await orderWhen(handle, (s) => s.documents.copiesSentAt !== null);
      const bl = required(
        shipped.corrections?.events.find((e) => e.type === 'BILL_OF_LADING_ISSUED'),
        'the B/L event',
      );
      await send(
        handle,
        {
          type: 'EVENT_CORRECTED',
          correctsEventId: bl.eventId,
          changes: { blNo: 'BL-9002' },
          reason: 'carrier typo',
        },
        'manager',
      );
      for (const event of [f.documentsOk, f.balance, f.originals, f.released])
        await sendWhenAllowed(handle, event);
      await sendWhenAllowed(handle, { type: 'NOTE_ADDED', text: 'signed papers filed' });
      return handle;
    },
  ],
  // A history that continues as new after three events.
  'continue-as-new': [
    {},
    { continueAsNewAfterEvents: 3 },
    async (client, input) => {
      const handle = await start(client, input);
      const firstRun = (await handle.describe()).runId;
      for (const event of [fullLife.quotation, fullLife.accepted, fullLife.sample1])
        await send(handle, event);
      // The run continues as new once its work has settled; the next events go to the new run.
      await eventually(async () => ((await handle.describe()).runId !== firstRun ? true : undefined));
      await send(handle, fullLife.sampleRejected);
      await send(handle, { type: 'ORDER_CANCELLED', reason: 'sample never approved' });
      return handle;
    },
  ],
  // An open-account order in two shipments, each to its own B/L and money.
  'two-shipments': [
    {},
    {},
    async (client, input) => {
      const handle = await start(client, input);
      for (const event of twoShipmentLife('OA')) {
        await orderWhen(handle, (s) => takes(s, event));
        await send(handle, event);
      }
      return handle;
    },
  ],
  // A closed order of a company that claims the rebate: a note, its receipts settled, a cost, its
  // rebate's documents, filing and money (reminded before the deadline), then archived.
  'money-tail': [
    {},
    {},
    async (client, input) => {
      const handle = await start(client, input);
      await walkFullLife(handle, (event) => send(handle, event, undefined, CLAIMING));
      const closed = await orderWhen(handle, (s) => s.status === 'COMPLETED');
      await send(handle, { type: 'NOTE_ADDED', text: 'claim: 3 panels cracked' }, undefined, CLAIMING);
      for (const r of closed.payments.receipts)
        await send(
          handle,
          {
            type: 'FX_SETTLED',
            paymentEventId: required(r.eventId, 'a receipt id'),
            rate: '7.1000',
            cnyAmount: { amount: (Number(r.amount.amount) * 7.1).toFixed(2), currency: 'CNY' },
            settledOn: '2027-02-01',
          },
          undefined,
          CLAIMING,
        );
      const cny = (amount: string) => ({ amount, currency: 'CNY' });
      const tail: Record<string, unknown>[] = [
        { type: 'COST_RECORDED', kind: 'PURCHASE', amount: cny('120000.00'), note: 'factory invoice' },
        {
          type: 'REBATE_DOCUMENTS_RECORDED',
          vatInvoices: [{ number: '04400190', amount: cny('120000.00'), taxAmount: cny('15600.00') }],
        },
        { type: 'REBATE_FILED', batchNo: '2027-03', filedOn: '2027-03-10' },
        { type: 'REBATE_RECEIVED', cnyAmount: cny('15600.00') },
      ];
      for (const event of tail) await send(handle, event, undefined, CLAIMING);
      return handle;
    },
  ],
  // An order of a second company: its workflow id and search attribute carry the company.
  'second-company': [
    {},
    { company: 'globex' },
    async (client, input) => {
      const handle = await start(client, input);
      for (const event of planLife('TT')) await sendWhenAllowed(handle, event);
      return handle;
    },
  ],
  // One whole life per payment plan and per Incoterm family, each event sent once the order allows it.
  ...Object.fromEntries(
    [
      ...PAYMENT_PLANS.map(
        (plan) => [`plan-${plan.toLowerCase().replace(/_/g, '-')}`, planLife(plan)] as const,
      ),
      ...(['CIF_LC', 'FOB_TT'] as const).map(
        (kind) => [`terms-${kind.toLowerCase().replace(/_/g, '-')}`, shippingTermsLife(kind)] as const,
      ),
    ].map(
      ([name, life]): [
        string,
        [Partial<OrderWorkflowInput['order']>, Partial<OrderWorkflowInput>, Scenario],
      ] => [
        name,
        [
          {},
          {},
          async (client, input) => {
            const handle = await start(client, input);
            for (const event of life) {
              await orderWhen(handle, (s) => allowedEvents(s).includes(event.type));
              await send(handle, event);
            }
            return handle;
          },
        ],
      ],
    ),
  ),
};

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const server = await startDevServer();
  const nativeConnection = await NativeConnection.connect({ address: server.address });
  const connection = await Connection.connect({ address: server.address });
  // Encrypted like production histories, under the published test key the replay test decodes with.
  const dataConverter = dataConverterFor(loadConfig(HISTORY_CODEC_ENV));
  const client = new Client({ connection, dataConverter });
  const worker = await Worker.create({
    connection: nativeConnection,
    dataConverter,
    taskQueue,
    ...ORDER_WORKFLOW_SOURCE,
    activities: fakeActivities().activities,
  });
  try {
    await worker.runUntil(async () => {
      mkdirSync(outDir, { recursive: true });
      for (const [name, [order, extra, run]] of Object.entries(scenarios)) {
        // Archived a moment after they close, so each history ends.
        const input = workflowInput(order, { archiveAfter: '2s', ...extra });
        const handle = await run(client, input);
        await handle.result();
        // Every run is saved (a continued-as-new order has several); visibility lags a little.
        const runs = await eventually(async () => {
          const found: string[] = [];
          for await (const execution of client.workflow.list({
            query: `WorkflowId = "${workflowIdOf(input)}"`,
          }))
            found.push(execution.runId);
          return found.length >= (extra.continueAsNewAfterEvents ? 2 : 1) ? found : undefined;
        });
        for (const runId of runs) {
          const file = join(outDir, `${version}-${name}-${runId.slice(-12)}.json`);
          writeFileSync(file, exportHistory(server, workflowIdOf(input), runId));
          console.log(`recorded ${file}`);
        }
      }
    });
  } finally {
    await connection.close();
    await nativeConnection.close();
    await server.stop();
  }
}

/** The CLI's proto-JSON export, the format `historyFromJSON` reads and the Temporal UI downloads. */
function exportHistory(server: DevServer, workflowId: string, runId: string): string {
  return execFileSync(
    temporalCliPath(),
    [
      'workflow',
      'show',
      '--address',
      server.address,
      '--workflow-id',
      workflowId,
      '--run-id',
      runId,
      '--output',
      'json',
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  ).toString();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
