/** O/A: we send the documents with the goods; the buyer pays by T/T a tenor after the B/L date. */
import { addDays } from '../calendarDate';
import { definePaymentMethod } from './define';

export const oa = definePaymentMethod({
  method: 'OA',
  description: 'open account',
  releasesVia: 'DIRECT',
  releasesBeforePayment: true,
  balanceDue: null,
  tenor: { after: 'the B/L date', defaultDays: 30 },
  duePoints: ['AFTER_BILL_OF_LADING'],
  dueWhen: () => 'AFTER_BILL_OF_LADING',
  beforeProduction: null,
  afterBillOfLading: (plan, shippedOn) => ({
    kind: 'RELEASE_ON_CREDIT',
    name: 'open account',
    dueDate: addDays(shippedOn, plan.tenorDays),
    effects: ['requestBalance'],
  }),
  steps: [],
  events: [],
  collection: null,
  terms: {
    en: (plan) => `on open account, ${plan.tenorDays} days from the B/L date`,
    'zh-CN': (plan) => `赊账（O/A），提单日后 ${plan.tenorDays} 天付款`,
  },
});
