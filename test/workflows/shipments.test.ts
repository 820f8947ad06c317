/**
 * One life per payment plan in two shipments on the real dev server (stand-in activities): each
 * shipment runs its own course (booking to release and money), the order leaves SHIPPING with the
 * last B/L and closes with nothing owed.
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { OrderEventInput, OrderState } from '../../src/domain';
import { allowedOn } from '../../src/domain/events';
import { focus, shipmentOf } from '../../src/domain/shipments/lens';
import { orderWorkflow } from '../../src/workflows';
import { recordEventUpdate } from '../../src/workflows/messages';
import { devServerWorker } from '../../harness/devServerWorker';
import { orderWhen } from '../../harness/orderClient';
import { PAYMENT_PLANS, planLife, workflowInput, type PaymentPlanName } from '../../harness/orderFixtures';

const dev = devServerWorker('shipments');

/** 2,000 panels at 12.50 in two: S1 1,200 (60 % of the value), S2 800. */
const SPLIT = { S1: { pcs: 1200, share: 0.6 }, S2: { pcs: 800, share: 0.4 } } as const;
type Id = keyof typeof SPLIT;

const cents = (amount: string) => Math.round(Number(amount) * 100);
const usd = (c: number) => ({ amount: (c / 100).toFixed(2), currency: 'USD' });

/** The plan's events after production, for one shipment: its own B/L, its share of the money. */
function shipmentLife(plan: PaymentPlanName, id: Id): OrderEventInput[] {
  const life = planLife(plan);
  const after = life.slice(life.findIndex((e) => e.type === 'PRODUCTION_COMPLETED') + 1);
  return after.map((event) => {
    const e: Record<string, unknown> = { ...event, shipmentId: id };
    if (e.type === 'BILL_OF_LADING_ISSUED') e.blNo = `BL-${id}`;
    if (e.type === 'BOOKING_CONFIRMED') e.containerNos = [id === 'S1' ? 'MSCU1234567' : 'MSCU7654321'];
    if (e.type === 'CUSTOMS_DECLARED') e.declarationNo = `CD-${id}`;
    if ('amount' in event && event.amount) {
      // The balance (what was paid plus its bank charges) split by value.
      const charges = 'bankCharges' in event && event.bankCharges ? cents(event.bankCharges.amount) : 0;
      const whole = cents(event.amount.amount) + charges;
      const share =
        id === 'S1' ? Math.round(whole * SPLIT.S1.share) : whole - Math.round(whole * SPLIT.S1.share);
      e.amount = usd(share - charges);
    }
    return e as OrderEventInput;
  });
}

/** The plan up to production, with both shipments planned before production completes. */
function untilShipping(plan: PaymentPlanName): OrderEventInput[] {
  const life = planLife(plan);
  const upTo = life.findIndex((e) => e.type === 'INSPECTION_RECORDED');
  const planned = (Object.keys(SPLIT) as Id[]).map((id): OrderEventInput => ({
    type: 'SHIPMENT_PLANNED',
    shipmentId: id,
    lines: [{ lineNo: 1, quantity: SPLIT[id].pcs }],
  }));
  return [...life.slice(0, upTo), ...planned, life[upTo], life[upTo + 1]];
}

/** Whether the order (or, for a shipment's event, the shipment it names) takes `event` now. */
function takes(state: OrderState, event: OrderEventInput): boolean {
  const id = 'shipmentId' in event ? event.shipmentId : undefined;
  const shipment = id === undefined ? undefined : shipmentOf(state, id);
  return allowedOn(shipment ? focus(state, shipment) : state, event.type);
}

async function live(plan: PaymentPlanName): Promise<WorkflowHandle<typeof orderWorkflow>> {
  const input = workflowInput({}, { archiveAfter: '1s' });
  const handle = await dev.env.client.workflow.start(orderWorkflow, {
    taskQueue: dev.taskQueue,
    workflowId: input.order.orderId,
    args: [input],
  });
  const events = [...untilShipping(plan), ...shipmentLife(plan, 'S1'), ...shipmentLife(plan, 'S2')];
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
