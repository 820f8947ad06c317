import { html } from '../letters/escape';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from '../letters/layout';
import type { Money } from '../money';
import { paymentMethodOf, paymentMethodPolicy } from '../payment-methods';
import { paymentSchedule } from '../schedule';
import type { Language, PaymentMethod } from '../schemas/common';
import type { OrderState } from '../types';
import { defineEffect, defineEmail, toAccountManager, type Letterhead } from './define';
import { billOfLading, customerEmail, required, type CustomerEmail } from './orderFacts';

export interface CollectionInstructionsInput extends CustomerEmail {
  /** A method paid by collection (D/P, D/A): its policy words the bank's instruction. */
  method: PaymentMethod;
  tenorDays: number;
  amount: Money;
  blNo: string;
  blDate: string;
  documents: string[];
  /** The account manager's language (absent in inputs recorded before it existed: English). */
  language?: Language;
}

/**
 * The words to the account manager in each language. The covering letter itself stays English:
 * it travels with the documents to the buyer's bank, which reads it letter for letter.
 */
const COPY: Record<
  Language,
  {
    subject(input: CollectionInstructionsInput): string;
    intro(input: CollectionInstructionsInput): string;
    body(input: CollectionInstructionsInput): string;
    heading: string;
    footer(exporter: Letterhead): string;
  }
> = {
  en: {
    subject: (input) =>
      `Collection instruction for contract ${input.contractNo} (${input.method}): take it to the remitting bank`,
    intro: (input) => `Hello ${input.accountManager.name},`,
    body: (input) =>
      `the B/L for order ${input.orderId} (contract ${input.contractNo}) is issued. Print the covering letter below, sign it, and hand it with the original documents to our bank. Then record SENT_FOR_COLLECTION on the order.`,
    heading: 'Covering letter / collection instruction',
    footer: (exporter) => `${exporter.name} order desk`,
  },
  'zh-CN': {
    subject: (input) => `合同 ${input.contractNo}（${input.method}）托收指示：请交托收行`,
    intro: (input) => `${input.accountManager.name}，您好：`,
    body: (input) =>
      `订单 ${input.orderId}（合同 ${input.contractNo}）的提单已签发。请打印下面的托收委托书（英文，随单据寄往代收行），签字后连同全套正本单据交我方银行，然后在系统中录入“已交银行托收”。`,
    heading: '托收委托书（英文）',
    footer: (exporter) => `${exporter.name} 订单台`,
  },
};

/**
 * To the account manager, in their language: the covering letter (collection instruction) to hand
 * to our bank with the documents, ready to print and sign, with what the bank must be told.
 */
export function collectionInstructionsEmail(
  input: CollectionInstructionsInput,
  exporter: Letterhead,
): RenderedEmail {
  const collection = paymentMethodPolicy(input.method).collection;
  if (!collection) throw new Error(`${input.method} is not paid by collection`);
  const terms = collection.instruction(input.tenorDays);
  const language = input.language ?? 'en';
  const copy = COPY[language];
  const subject = copy.subject(input);
  const letter: Fact[] = [
    ['Drawer', `${exporter.name}, ${exporter.address}`],
    ['Drawee', `${input.customer.company}, ${input.customer.country}`],
    ['Amount', `${input.amount.amount} ${input.amount.currency}`],
    ['Terms', terms],
    ['Documents enclosed', input.documents.join(', ')],
    ['B/L', `${input.blNo} dated ${input.blDate}`],
    ['Charges', 'Collection charges outside the remitting bank are for the drawee.'],
    [
      'If unpaid / unaccepted',
      'Advise us by SWIFT with the reason; do not protest; store and insure the goods.',
    ],
    ['Rules', 'Subject to the Uniform Rules for Collections, ICC Publication No. 522.'],
  ];
  const intro = copy.intro(input);
  const body = copy.body(input);
  const text = [intro, '', body, '', copy.heading.toUpperCase(), '', factsText(letter), ''].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    <h3>${copy.heading}</h3>
    ${factsHtml(letter)}`;
  return { subject, text, html: page(subject, htmlBody, copy.footer(exporter), language) };
}

export function collectionInstructionsInput(state: OrderState, now: string): CollectionInstructionsInput {
  const { plan } = required(state, 'a collection');
  const balance = paymentSchedule(state).find((s) => s.part === 'BALANCE');
  const bl = billOfLading(state);
  if (!balance || !paymentMethodOf(plan).collection)
    throw new Error(`order ${state.orderId} is not paid by collection`);
  return {
    ...customerEmail(state, now, 'a collection'),
    method: plan.balanceMethod,
    tenorDays: plan.tenorDays,
    amount: balance.outstanding,
    blNo: bl.blNo,
    blDate: bl.issuedOn,
    documents: [
      'Bill of exchange (draft)',
      'Commercial invoice',
      'Packing list',
      state.shipping.billOfLading ? `Full set of B/L ${bl.blNo}` : `Forwarder's ${bl.blNo}`,
    ],
    language: state.accountManager.language,
  };
}

export const sendCollectionInstructions = defineEmail({
  activity: 'sendCollectionInstructions',
  purpose: 'collection-instructions',
  recipients: (input: CollectionInstructionsInput) => toAccountManager(input),
  letter: (input, { exporter }) => collectionInstructionsEmail(input, exporter),
});

export const collectionInstructions = defineEffect({
  kind: 'sendCollectionInstructions',
  summary: 'collection instruction to the account manager',
  email: sendCollectionInstructions,
  input: (state, { now }) => collectionInstructionsInput(state, now),
});
