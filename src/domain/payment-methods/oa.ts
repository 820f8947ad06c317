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
    AFTER_BILL_OF_LADING: {
      en: 'on open account, {tenorDays} days from the B/L date',
      'zh-CN': '赊账（O/A），提单日后 {tenorDays} 天付款',
    },
  },
});
