/**
 * L/C: the buyer's bank promises to pay against our documents. Production waits for the credit;
 * after the B/L we present the documents to the bank, which pays and hands them to the buyer.
 */
import { definePaymentMethod } from './define';

export const lc = definePaymentMethod({
  method: 'LC',
  description: 'letter of credit',
  releasesVia: 'BANK',
  releasesBeforePayment: false,
  balanceDue: null,
  tenor: null,
  duePoints: ['ON_PRESENTATION'],
  dueWhen: () => 'ON_PRESENTATION',
  beforeProduction: { waitingFor: 'the L/C', ready: (payments) => payments.letterOfCredit !== null },
  afterBillOfLading: () => ({
    kind: 'AWAIT_BALANCE',
    summary: 'documents to be presented to the bank under the L/C',
    effects: ['sendPresentationChecklist'],
  }),
  steps: ['LC_RECEIVED', 'DOCUMENTS_PRESENTED'],
  events: [
    'LC_RECEIVED',
    'LC_AMENDED',
    'DOCUMENTS_PRESENTED',
    'DISCREPANCY_NOTICED',
    'DISCREPANCY_RESOLVED',
    'LC_HONOURED',
  ],
  collection: null,
  terms: {
    ON_PRESENTATION: {
      en: 'by irrevocable documentary credit (L/C) at sight',
      'zh-CN': '以不可撤销即期跟单信用证（L/C）支付',
    },
  },
});
