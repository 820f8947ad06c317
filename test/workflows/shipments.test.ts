/**
 * One life per payment plan in two shipments on the real dev server (stand-in activities): each
 * shipment runs its own course (booking to release and money), the order leaves SHIPPING with the
 * last B/L and closes with nothing owed.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { orderWorkflow } from '../../src/workflows';
import { recordEventUpdate } from '../../src/workflows/messages';
import { devServerWorker } from '../../harness/devServerWorker';
import { orderWhen } from '../../harness/orderClient';
import { PAYMENT_PLANS, workflowInput, type PaymentPlanName } from '../../harness/orderFixtures';
import { takes, twoShipmentLife } from '../../harness/shipmentLives';

const dev = devServerWorker('shipments');

async function live(plan: PaymentPlanName): Promise<WorkflowHandle<typeof orderWorkflow>> {
  const input = workflowInput({}, { archiveAfter: '1s' });
  const handle = await dev.env.client.workflow.start(orderWorkflow, {
    taskQueue: dev.taskQueue,
    workflowId: input.order.orderId,
    args: [input],
  });
  const events = twoShipmentLife(plan);
  for (const event of events) {
    await orderWhen(handle, (s) => takes(s, event));
    await handle.executeUpdate(recordEventUpdate, { args: [{ event, actor: 'ops' }] });
  }
  return handle;
}

describe.each(PAYMENT_PLANS)('the %s plan in two shipments on the dev server', (plan) => {
  it('runs each shipment to its release and money, and closes with nothing owed', async () => {
    const handle = await live(plan);
    const final = await handle.result();
    expect(final.status).toBe('COMPLETED');
    expect(final.payments.outstanding?.amount).toBe('0.00');
    expect(final.shipments.map((s) => [s.shipmentId, s.stage, s.billOfLading?.blNo])).toEqual([
      ['S1', 'COMPLETED', 'BL-S1'],
      ['S2', 'COMPLETED', 'BL-S2'],
    ]);
    const calls = dev.fakes.calls.filter((c) => c.input.orderId === handle.workflowId).map((c) => c.name);
    // Each shipment's letters go out for it: one booking request each.
    expect(calls.filter((c) => c === 'sendBookingRequest')).toHaveLength(2);
  }, 120_000);
});
