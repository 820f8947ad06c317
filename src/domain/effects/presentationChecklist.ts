import { dateOf } from '../calendarDate';
import { presentationDeadline } from '../dueDates';
import { discrepancyMessage, lcCheck, type Discrepancy } from '../lcCheck';
import { tradeData } from '../tradeData';
import { html } from '../letters/escape';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from '../letters/layout';
import type { Money } from '../money';
import type { Language } from '../schemas/common';
import type { OrderState } from '../types';
import { defineEffect, defineEmail, toAccountManager, type Letterhead } from './define';
import { billOfLading, customerEmail, type CustomerEmail } from './orderFacts';

export interface PresentationChecklistInput extends CustomerEmail {
  lcNo: string;
  issuingBank: string;
  amount: Money;
  latestShipmentDate: string;
  expiryDate: string;
  blNo: string;
  blDate: string;
  presentationDeadline: string;
  /** The account manager's language (absent in inputs recorded before it existed: English). */
  language?: Language;
  /** lc-check's result when the B/L was issued (absent in inputs recorded before it existed). */
  discrepancies?: Discrepancy[];
}

/** The words of the checklist in each language; the facts are the same in both. */
const COPY: Record<
  Language,
  {
    subject(input: PresentationChecklistInput): string;
    facts(input: PresentationChecklistInput): Fact[];
    intro(input: PresentationChecklistInput): string;
    body(input: PresentationChecklistInput): string;
    checklist: string;
    /** lc-check's result: its heading, and what it says when it found nothing. */
    checked: string;
    clean: string;
    /** The checks a bank makes of an L/C presentation; each one missed is a discrepancy and a fee. */
    checks: string[];
    footer(exporter: Letterhead): string;
  }
> = {
  en: {
    subject: (input) =>
      `L/C ${input.lcNo}: present the documents by ${input.presentationDeadline} (order ${input.orderId})`,
    facts: (input) => [
      ['Order', input.orderId],
      ['Contract', input.contractNo],
      ['L/C', `${input.lcNo}, issued by ${input.issuingBank}`],
      ['Credit amount', `${input.amount.amount} ${input.amount.currency}`],
      ['Latest shipment date', input.latestShipmentDate],
      ['B/L', `${input.blNo} dated ${input.blDate}`],
      ['Present by', `${input.presentationDeadline} (L/C expires ${input.expiryDate})`],
    ],
    intro: (input) => `Hello ${input.accountManager.name},`,
    body: (input) =>
      `the B/L for order ${input.orderId} is issued. Check the documents against the L/C before presenting them; record DOCUMENTS_PRESENTED once they are at the bank.`,
    checklist: 'Checklist',
    checked: 'Checked against the credit (GET /orders/{id}/lc-check)',
    clean: 'No discrepancy found in the data on the order.',
    checks: [
      'Every document names the beneficiary and the applicant exactly as the L/C does.',
      'The commercial invoice: goods description word for word as in the L/C, amount within the credit, signed if required.',
      'The B/L: consignee and notify party as the L/C says, "clean on board" with the on-board date, port of loading and discharge as in the L/C.',
      'The B/L date is not after the latest shipment date.',
      'Packing list, certificate of origin and any inspection or beneficiary certificate the L/C calls for.',
      'Insurance document for CIF/CIP: at least 110 % of the invoice value, dated no later than the B/L.',
      'The draft (bill of exchange), if the L/C calls for one: drawn on the bank the L/C names, for the invoice amount.',
      'Presented within the period: by the presentation deadline and before the expiry.',
    ],
    footer: (exporter) => `${exporter.name} order desk`,
  },
  'zh-CN': {
    subject: (input) =>
      `信用证 ${input.lcNo}：请于 ${input.presentationDeadline} 前交单（订单 ${input.orderId}）`,
    facts: (input) => [
      ['订单', input.orderId],
      ['合同', input.contractNo],
      ['信用证', `${input.lcNo}，开证行 ${input.issuingBank}`],
      ['信用证金额', `${input.amount.amount} ${input.amount.currency}`],
      ['最迟装运日', input.latestShipmentDate],
      ['提单', `${input.blNo}，签发日 ${input.blDate}`],
      ['交单截止', `${input.presentationDeadline}（信用证有效期至 ${input.expiryDate}）`],
    ],
    intro: (input) => `${input.accountManager.name}，您好：`,
    body: (input) =>
      `订单 ${input.orderId} 的提单已签发。交单前请逐项对照信用证核对单据；单据交到银行后，请在系统中录入“已交单”。`,
    checklist: '核对清单',
    checked: '对照信用证的检查结果（GET /orders/{id}/lc-check）',
    clean: '订单数据中未发现不符点。',
    checks: [
      '所有单据上的受益人和申请人名称与信用证完全一致。',
      '商业发票：货物描述与信用证逐字一致，金额不超过信用证金额，按要求签字。',
      '提单：收货人和通知方按信用证填写，注明“清洁已装船”及装船日期，装货港和卸货港与信用证一致。',
      '提单日期不晚于最迟装运日。',
      '装箱单、原产地证，以及信用证要求的检验证书或受益人证明。',
      'CIF/CIP 的保险单据：保额不低于发票金额的 110 %，出单日期不晚于提单日期。',
      '汇票（如信用证要求）：以信用证指定的银行为付款人，金额与发票一致。',
      '在交单期内交单：不晚于交单截止日，且在信用证有效期内。',
    ],
    footer: (exporter) => `${exporter.name} 订单台`,
  },
};

/** The presentation checklist, in the account manager's language. */
export function presentationChecklistEmail(
  input: PresentationChecklistInput,
  exporter: Letterhead,
): RenderedEmail {
  const language = input.language ?? 'en';
  const copy = COPY[language];
  const subject = copy.subject(input);
  const facts = copy.facts(input);
  const intro = copy.intro(input);
  const body = copy.body(input);
  const found = (input.discrepancies ?? []).map((d) => `${d.rule}: ${discrepancyMessage(d, language)}`);
  const checked = input.discrepancies === undefined ? [] : found.length > 0 ? found : [copy.clean];
  const text = [
    intro,
    '',
    body,
    '',
    factsText(facts),
    '',
    ...(checked.length > 0
      ? [`${copy.checked}${language === 'en' ? ':' : '：'}`, ...checked.map((c) => `- ${c}`), '']
      : []),
    `${copy.checklist}${language === 'en' ? ':' : '：'}`,
    ...copy.checks.map((c) => `[ ] ${c}`),
    '',
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    ${factsHtml(facts)}
    ${
      checked.length > 0
        ? html`<h3>${copy.checked}</h3>
            <ul>
              ${checked.map((c) => html`<li>${c}</li>`)}
            </ul>`
        : ''
    }
    <h3>${copy.checklist}</h3>
    <ul>
      ${copy.checks.map((c) => html`<li>${c}</li>`)}
    </ul>`;
  return { subject, text, html: page(subject, htmlBody, copy.footer(exporter), language) };
}

export function presentationChecklistInput(state: OrderState, now: string): PresentationChecklistInput {
  const lc = state.payments.letterOfCredit;
  const deadline = presentationDeadline(state);
  const bl = billOfLading(state);
  if (!lc || !deadline) throw new Error(`order ${state.orderId} has no L/C`);
  return {
    ...customerEmail(state, now, 'an L/C presentation'),
    lcNo: lc.lcNo,
    issuingBank: lc.issuingBank,
    amount: lc.amount,
    latestShipmentDate: lc.latestShipmentDate,
    expiryDate: lc.expiryDate,
    blNo: bl.blNo,
    blDate: bl.issuedOn,
    presentationDeadline: deadline,
    language: state.accountManager.language,
    discrepancies: lcCheck({ ...state, trade: tradeData(state) }, dateOf(now)) ?? [],
  };
}

export const sendPresentationChecklist = defineEmail({
  activity: 'sendPresentationChecklist',
  purpose: 'presentation-checklist',
  recipients: (input: PresentationChecklistInput) => toAccountManager(input),
  letter: (input, { exporter }) => presentationChecklistEmail(input, exporter),
});

export const presentationChecklist = defineEffect({
  kind: 'sendPresentationChecklist',
  summary: 'L/C presentation checklist to the account manager',
  email: sendPresentationChecklist,
  input: (state, { now }) => presentationChecklistInput(state, now),
});
