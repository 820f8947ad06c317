/**
 * D/A: the buyer's bank releases the documents when the buyer accepts our draft; the bank pays at
 * the draft's maturity, after the documents went.
 */
import { definePaymentMethod } from './define';

export const da = definePaymentMethod({
  method: 'DA',
  description: 'documents against acceptance',
  releasesVia: 'BANK',
  releasesBeforePayment: true,
  balanceDue: null,
  tenor: { after: 'the acceptance of the draft', defaultDays: 30 },
  duePoints: ['AT_MATURITY'],
  dueWhen: () => 'AT_MATURITY',
  beforeProduction: null,
  afterBillOfLading: () => ({
    kind: 'AWAIT_BALANCE',
    summary: 'documents to go to the bank for collection',
    effects: ['sendCollectionInstructions'],
  }),
  steps: ['SENT_FOR_COLLECTION'],
  events: ['SENT_FOR_COLLECTION', 'DRAFT_ACCEPTED', 'COLLECTION_PAID'],
  collection: {
    against: 'ACCEPTANCE',
    instruction: (tenorDays) =>
      `Documents against acceptance (D/A): release the documents against acceptance of our draft at ${tenorDays} days.`,
  },
  terms: {
    AT_MATURITY: {
      en: 'documents against acceptance (D/A), {tenorDays} days after acceptance',
      'zh-CN': '承兑交单（D/A），承兑后 {tenorDays} 天付款',
    },
  },
});
