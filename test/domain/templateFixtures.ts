import { DEFAULT_STALL_POLICY, createOrder, type OrderState, type PinnedTemplate } from '../../src/domain';
import { templateBodySchema, type TemplateBody } from '../../src/domain/schemas/template';
import { newOrder, T0 } from './fixtures';

/** The "new buyer, risky market" example's terms (config/templates), overridable per test. */
export const RISKY: TemplateBody = templateBodySchema.parse({
  sampleRequired: true,
  paymentPlan: {
    depositPercent: 0,
    balanceMethod: 'TT',
    balanceDue: 'BEFORE_SHIPMENT',
    tenorDays: 0,
    shortPaymentTolerance: { amount: '50.00', currency: 'USD' },
  },
  incoterm: 'FOB',
  inspectionsRequired: ['PRE_PRODUCTION', 'PRE_SHIPMENT'],
  guidance: {
    QUOTATION_SENT: 'Quote FOB with a short validity.',
    INSPECTION_PRE_SHIPMENT: 'AQL 2.5 before the payment is asked for.',
  },
});

/** A fresh order started from a template with `body` (default: RISKY). */
export function freshFrom(body: Partial<TemplateBody> = {}): OrderState {
  const template: PinnedTemplate = { name: 'risky', version: 2, body: { ...RISKY, ...body } };
  return createOrder(newOrder(), DEFAULT_STALL_POLICY, { now: T0, actor: 'ops' }, template);
}
