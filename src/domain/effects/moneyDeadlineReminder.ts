/**
 * The account manager's reminder of the money deadlines after the goods left: file the export VAT
 * rebate by 30 April of the year after the export, declare each shipment to the credit insurer
 * within the policy's days. In the account manager's language.
 */
import { declarationsDue } from '../finance/deadlines';
import { expectedRebate } from '../finance/rebate';
import { html } from '../letters/escape';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from '../letters/layout';
import { formatMoney } from '../money';
import type { Language } from '../schemas/common';
import type { OrderState } from '../types';
import {
  defineEffect,
  defineEmail,
  toAccountManager,
  type Letterhead,
  type MessageKey,
  type Person,
} from './define';

export interface MoneyDeadlineReminderInput extends MessageKey {
  accountManager: Person;
  language?: Language;
  customerCompany: string;
  contractNo: string;
  /** The rebate still to be filed: its deadline and what it should bring. */
  rebate: { deadline: string; status: string; expected: string | null } | null;
  declarations: {
    shipmentId: string;
    exportDate: string;
    dueOn: string;
    insurer: string;
    policyNo: string;
  }[];
}

const COPY: Record<
  Language,
  {
    subject(input: MoneyDeadlineReminderInput): string;
    intro(input: MoneyDeadlineReminderInput): string;
    rebate(r: NonNullable<MoneyDeadlineReminderInput['rebate']>): string;
    declaration(d: MoneyDeadlineReminderInput['declarations'][number]): string;
    facts(input: MoneyDeadlineReminderInput): Fact[];
    footer(exporter: Letterhead): string;
  }
> = {
  en: {
    subject: (i) => `Order ${i.orderId}: money deadlines coming (${i.customerCompany})`,
    intro: (i) =>
      `Hello ${i.accountManager.name}, order ${i.orderId} has deadlines that lose money when missed:`,
    rebate: (r) =>
      `File the export VAT rebate by ${r.deadline}${r.expected ? ` (expected ${r.expected})` : ''}: record the VAT invoices and the declaration (REBATE_DOCUMENTS_RECORDED), then the filing (REBATE_FILED).`,
    declaration: (d) =>
      `Declare shipment ${d.shipmentId} (exported ${d.exportDate}) to ${d.insurer}, policy ${d.policyNo}, by ${d.dueOn}: a shipment declared late is not covered. Record SHIPMENT_DECLARED_TO_INSURER.`,
    facts: (i) => [
      ['Order', i.orderId],
      ['Contract', i.contractNo],
      ['Customer', i.customerCompany],
    ],
    footer: (exporter) => `${exporter.name} order desk`,
  },
  'zh-CN': {
    subject: (i) => `订单 ${i.orderId}：收汇退税节点临近（${i.customerCompany}）`,
    intro: (i) => `${i.accountManager.name}，您好：订单 ${i.orderId} 有以下节点，错过将造成损失：`,
    rebate: (r) =>
      `请于 ${r.deadline} 前申报出口退税${r.expected ? `（预计退税 ${r.expected}）` : ''}：先录入增值税专用发票和报关单（退税单证已齐），再录入申报（退税已申报）。`,
    declaration: (d) =>
      `第 ${d.shipmentId} 批（${d.exportDate} 出运）请于 ${d.dueOn} 前向 ${d.insurer} 申报出运（保单 ${d.policyNo}）：逾期申报不在承保范围内。申报后录入“出运申报（信保）”。`,
    facts: (i) => [
      ['订单', i.orderId],
      ['合同', i.contractNo],
      ['客户', i.customerCompany],
    ],
    footer: (exporter) => `${exporter.name} 订单台`,
  },
};

export function moneyDeadlineReminderEmail(
  input: MoneyDeadlineReminderInput,
  exporter: Letterhead,
): RenderedEmail {
  const language = input.language ?? 'en';
  const copy = COPY[language];
  const subject = copy.subject(input);
  const intro = copy.intro(input);
  const items = [
    ...(input.rebate ? [copy.rebate(input.rebate)] : []),
    ...input.declarations.map((d) => copy.declaration(d)),
  ];
  const facts = copy.facts(input);
  const text = [intro, '', ...items.map((i) => `- ${i}`), '', factsText(facts), ''].join('\n');
  const body = html`<p>${intro}</p>
    <ul>
      ${items.map((i) => html`<li>${i}</li>`)}
    </ul>
    ${factsHtml(facts)}`;
  return { subject, text, html: page(subject, body, copy.footer(exporter), language) };
}

export function moneyDeadlineReminderInput(state: OrderState, now: string): MoneyDeadlineReminderInput {
  const rebate = state.rebate;
  const insurance = state.credit?.insurance;
  const expected = expectedRebate(state)?.expected;
  return {
    orderId: state.orderId,
    // One per reminder the order counted: the Message-ID stays the same on a retry.
    sequence: (rebate?.remindersSent ?? 0) + (state.credit?.reminded?.length ?? 0),
    requestedAt: now,
    accountManager: state.accountManager,
    ...(state.accountManager.language ? { language: state.accountManager.language } : {}),
    customerCompany: state.customer.company,
    contractNo: state.contract?.contractNo ?? '',
    rebate:
      rebate && !rebate.filed && (rebate.status === 'PENDING' || rebate.status === 'DOCUMENTS_RECORDED')
        ? {
            deadline: rebate.deadline,
            status: rebate.status,
            expected: expected ? formatMoney(expected) : null,
          }
        : null,
    declarations: insurance
      ? declarationsDue(state).map((d) => ({
          ...d,
          insurer: insurance.insurer,
          policyNo: insurance.policyNo,
        }))
      : [],
  };
}

export const sendMoneyDeadlineReminder = defineEmail({
  activity: 'sendMoneyDeadlineReminder',
  purpose: 'money-deadline-reminder',
  recipients: (input: MoneyDeadlineReminderInput) => toAccountManager(input),
  letter: (input, { exporter }) => moneyDeadlineReminderEmail(input, exporter),
});

export const remindMoneyDeadlines = defineEffect({
  kind: 'remindMoneyDeadlines',
  summary: 'money deadline reminder (rebate filing, insurer declaration) to the account manager',
  email: sendMoneyDeadlineReminder,
  input: (state, { now }) => moneyDeadlineReminderInput(state, now),
});
