/**
 * One whole life per payment plan on the real dev server (stand-in activities): the workflow runs
 * exactly the effects the plan calls for, each once, and the order closes with nothing owed.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { allowedEvents } from '../../src/domain';
import { orderWorkflow } from '../../src/workflows';
import { recordEventUpdate } from '../../src/workflows/messages';
import { devServerWorker } from '../../harness/devServerWorker';
import { orderWhen } from '../../harness/orderClient';
import { PAYMENT_PLANS, planLife, workflowInput, type PaymentPlanName } from '../../harness/orderFixtures';

const dev = devServerWorker('plans');

/** The activities each plan runs, in the order the life reaches them. */
const EFFECTS: Record<PaymentPlanName, string[]> = {
  TT: [
    'sendPaymentRequest',
    'sendPaymentAcknowledgement',
    'sendBookingRequest',
    'sendDocumentCopies',
    'sendPaymentRequest',
    'sendPaymentAcknowledgement',
    'dispatchDocuments',
  ],
  TT_BEFORE_SHIPMENT: [
    'sendPaymentRequest',
    'sendPaymentAcknowledgement',
    'sendBookingRequest',
    'sendPaymentRequest',
    'sendPaymentAcknowledgement',
    'dispatchDocuments',
  ],
  LC: [
    'sendPaymentRequest',
    'sendPaymentAcknowledgement',
    'sendBookingRequest',
    'sendPresentationChecklist',
    'sendPaymentAcknowledgement',
  ],
  DP: [
    'sendPaymentRequest',
    'sendPaymentAcknowledgement',
    'sendBookingRequest',
    'sendCollectionInstructions',
    'sendPaymentAcknowledgement',
  ],
  DA: [
    'sendPaymentRequest',
    'sendPaymentAcknowledgement',
    'sendBookingRequest',
    'sendCollectionInstructions',
    'sendPaymentAcknowledgement',
  ],
  OA: ['sendBookingRequest', 'dispatchDocuments', 'sendPaymentRequest', 'sendPaymentAcknowledgement'],
};

async function live(plan: PaymentPlanName): Promise<WorkflowHandle<typeof orderWorkflow>> {
  // A short quiet period: the dev server's clock is real, and the order is archived once paid.
  const input = workflowInput({}, { archiveAfter: '1s' });
  const handle = await dev.env.client.workflow.start(orderWorkflow, {
    taskQueue: dev.taskQueue,
    workflowId: input.order.orderId,
    args: [input],
  });
  for (const event of planLife(plan)) {
    await orderWhen(handle, (s) => allowedEvents(s).includes(event.type));
    await handle.executeUpdate(recordEventUpdate, {
      args: [{ event, actor: 'ops' }],
    });
  }
  return handle;
}

describe.each(PAYMENT_PLANS)('the %s plan on the dev server', (plan) => {
  it('runs the effects the plan calls for, each once, and closes with nothing owed', async () => {
    const handle = await live(plan);
    const final = await handle.result();
    expect(final.status).toBe('COMPLETED');
    expect(final.archivedAt).toBeDefined();
    expect(final.payments.outstanding?.amount).toBe('0.00');
    const calls = dev.fakes.calls.filter((c) => c.input.orderId === handle.workflowId).map((c) => c.name);
    // The B/L's effects start together: compare as multisets, and check the first effect's order.
    expect([...calls].sort()).toEqual([...EFFECTS[plan]].sort());
    expect(calls[0]).toBe(EFFECTS[plan][0]);
  }, 90_000);
});
