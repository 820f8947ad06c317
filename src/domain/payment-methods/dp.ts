/** D/P: our bank sends the documents to the buyer's bank, which releases them against payment. */
import { definePaymentMethod } from './define';

export const dp = definePaymentMethod({
  method: 'DP',
  description: 'documents against payment',
  releasesVia: 'BANK',
  releasesBeforePayment: false,
  balanceDue: null,
  tenor: null,
  duePoints: ['AGAINST_PAYMENT'],
  dueWhen: () => 'AGAINST_PAYMENT',
  beforeProduction: null,
  afterBillOfLading: () => ({
    kind: 'AWAIT_BALANCE',
    summary: 'documents to go to the bank for collection',
    effects: ['sendCollectionInstructions'],
  }),
  steps: ['SENT_FOR_COLLECTION'],
  events: ['SENT_FOR_COLLECTION', 'COLLECTION_PAID'],
  collection: {
    against: 'PAYMENT',
    instruction: () =>
      'Documents against payment (D/P) at sight: release the documents only against full payment.',
  },
  terms: {
    AGAINST_PAYMENT: { en: 'documents against payment (D/P) at sight', 'zh-CN': '即期付款交单（D/P）' },
  },
});
