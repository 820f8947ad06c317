/** T/T: the buyer pays the balance to us by telegraphic transfer; we send the documents ourselves. */
import { definePaymentMethod } from './define';

export const tt = definePaymentMethod({
  method: 'TT',
  description: 'telegraphic transfer',
  releasesVia: 'DIRECT',
  releasesBeforePayment: false,
  balanceDue: { default: 'AGAINST_DOCUMENT_COPIES' },
  tenor: null,
  duePoints: ['BEFORE_SHIPMENT', 'AGAINST_DOCUMENT_COPIES'],
  dueWhen: (plan) => (plan.balanceDue === 'BEFORE_SHIPMENT' ? 'BEFORE_SHIPMENT' : 'AGAINST_DOCUMENT_COPIES'),
  beforeProduction: null,
  // Paid before shipment: the B/L waited for the money (or a release approval), so the documents go.
  afterBillOfLading: (plan) =>
    plan.balanceDue === 'AGAINST_DOCUMENT_COPIES'
      ? {
          kind: 'AWAIT_BALANCE',
          summary: 'document copies sent to the customer',
          effects: ['sendDocumentCopies', 'requestBalance'],
        }
      : { kind: 'RELEASE' },
  steps: [],
  events: [],
  collection: null,
  terms: {
    BEFORE_SHIPMENT: { en: 'by T/T before shipment', 'zh-CN': '出运前电汇（T/T）付清' },
    AGAINST_DOCUMENT_COPIES: {
      en: 'by T/T against copies of the shipping documents',
      'zh-CN': '见提单等单据副本后电汇（T/T）付清',
    },
  },
});
