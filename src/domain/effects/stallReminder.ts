import { datedPaymentAwaited } from '../dueDates';
import type { allowedEvents } from '../events';
import { html } from '../letters/escape';
import { formatDateTime, formatDateTimeIn, formatElapsed, parseInstant } from '../letters/format';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from '../letters/layout';
import { formatMoney } from '../money';
import { stageToDo, type StepKey } from '../processList';
import type { nextReminder } from '../reminders';
import type { Language } from '../schemas/common';
import type { OrderState } from '../types';
import { eventName, stageName, stepTitle } from '../i18n/terms';
import { defineEmail, type MessageKey } from './define';

/**
 * The stall reminder to the account manager. Not an effect the domain emits: the workflow's stall
 * timer sends it (with its own retries), so it is an email definition only.
 */
export interface StallReminderInput extends MessageKey {
  stage: string;
  stageEnteredAt: string;
  stageDeadline: string;
  escalated: boolean;
  to: string[];
  cc: string[];
  accountManagerName: string;
  /** The account manager's language (absent in inputs recorded before it existed: English). */
  language?: Language;
  customerCompany: string;
  /** Event type names that would move the order on, e.g. `DEPOSIT_RECEIVED`. */
  expectedNext: string[];
  /** The payment the reminder chases when the stage waits for one past its due date. */
  overduePayment?: string;
  /**
   * The stage's open steps of the order's process list, with the template's key points (absent in
   * older inputs; `key` absent in inputs recorded before it was added: the English title is used).
   */
  toDo?: { key?: StepKey; title: string; status: string; guidance?: string; shipmentNo?: number }[];
}

export interface StallReminderContext {
  now: Date;
  /** The order in the Temporal UI: for engineers, after the console's page. */
  orderUrl: string;
  /** The order's page in the ops console: what the account manager opens. */
  consoleUrl?: string;
  exporterName: string;
  /** The exporter's zone: times print as its wall clock (UTC when absent). */
  timeZone?: string;
}

interface Values {
  input: StallReminderInput;
  stage: string;
  entered: string;
  deadline: string;
  waiting: string;
  next: string;
  exporterName: string;
}

/** The words of the reminder in each language; the facts are the same in both. */
const COPY: Record<
  Language,
  {
    label(v: Values): string;
    subject(v: Values, label: string): string;
    facts(v: Values): Fact[];
    intro(v: Values): string;
    body(v: Values): string;
    escalation: string;
    nothingExpected: string;
    toDo: string;
    /** Between a heading or a step and what follows it (full-width in Chinese). */
    colon: string;
    open: string;
    openConsole: string;
    footer(v: Values): string;
  }
> = {
  en: {
    label: ({ input }) =>
      input.escalated ? `Escalation, reminder ${input.sequence}` : `Reminder ${input.sequence}`,
    subject: ({ input, stage }, label) =>
      `[${label}] Order ${input.orderId} for ${input.customerCompany} stalled in ${stage}`,
    facts: (v) => [
      ['Order', v.input.orderId],
      ['Customer', v.input.customerCompany],
      ['Stage', `${v.stage} (${v.input.stage})`],
      ['In this stage since', v.entered],
      ['Time limit ran out', v.deadline],
      ['Waiting for', v.waiting],
      ['Expected next', v.next],
      ['Reminder', `${v.input.sequence}${v.input.escalated ? ' (escalated)' : ''}`],
      ...(v.input.overduePayment ? [['Payment overdue', v.input.overduePayment] as const] : []),
    ],
    intro: (v) => `Hello ${v.input.accountManagerName},`,
    body: (v) =>
      `order ${v.input.orderId} for ${v.input.customerCompany} has been in stage ${v.stage} since ${v.entered} and passed its time limit at ${v.deadline}. Please follow up, or record what happened so the order can move on.`,
    escalation: 'This reminder is escalated: the order has stayed stalled through several reminders.',
    nothingExpected: 'an update from operations',
    toDo: 'What to do in this stage',
    colon: ': ',
    open: 'Open the order in the Temporal UI',
    openConsole: 'Open the order in the console',
    footer: (v) => `-- ${v.exporterName} order desk`,
  },
  'zh-CN': {
    label: ({ input }) => (input.escalated ? `升级提醒 第${input.sequence}次` : `提醒 第${input.sequence}次`),
    subject: ({ input, stage }, label) =>
      `[${label}] 订单 ${input.orderId}（${input.customerCompany}）停滞在「${stage}」阶段`,
    facts: (v) => [
      ['订单', v.input.orderId],
      ['客户', v.input.customerCompany],
      ['阶段', `${v.stage}（${v.input.stage}）`],
      ['进入本阶段', v.entered],
      ['时限截止', v.deadline],
      ['已等待', v.waiting],
      ['下一步', v.next],
      ['提醒次数', `${v.input.sequence}${v.input.escalated ? '（已升级）' : ''}`],
      ...(v.input.overduePayment ? [['逾期款项', v.input.overduePayment] as const] : []),
    ],
    intro: (v) => `${v.input.accountManagerName}，您好：`,
    body: (v) =>
      `订单 ${v.input.orderId}（${v.input.customerCompany}）自 ${v.entered} 起处于「${v.stage}」阶段，已于 ${v.deadline} 超过时限。请跟进客户，或把进展录入系统，让订单继续推进。`,
    escalation: '此提醒已升级：订单在多次提醒后仍然停滞。',
    nothingExpected: '业务部门更新进展',
    toDo: '本阶段待办事项',
    colon: '：',
    open: '在 Temporal UI 中打开订单',
    openConsole: '在控制台中打开订单',
    footer: (v) => `-- ${v.exporterName} 订单台`,
  },
};

export function stallReminderEmail(input: StallReminderInput, ctx: StallReminderContext): RenderedEmail {
  const language = input.language ?? 'en';
  const copy = COPY[language];
  const entered = parseInstant(input.stageEnteredAt, 'stageEnteredAt');
  const deadline = parseInstant(input.stageDeadline, 'stageDeadline');
  const values: Values = {
    input,
    stage: stageName(input.stage, language),
    entered: ctx.timeZone ? formatDateTimeIn(entered, ctx.timeZone) : formatDateTime(entered),
    deadline: ctx.timeZone ? formatDateTimeIn(deadline, ctx.timeZone) : formatDateTime(deadline),
    waiting: formatElapsed(entered, ctx.now, language),
    next:
      input.expectedNext.length > 0
        ? input.expectedNext.map((e) => `${eventName(e, language)} (${e})`).join(', ')
        : copy.nothingExpected,
    exporterName: ctx.exporterName,
  };
  const subject = copy.subject(values, copy.label(values));
  const facts = copy.facts(values);
  const intro = copy.intro(values);
  const body = copy.body(values);
  const escalation = input.escalated ? copy.escalation : '';
  const footer = copy.footer(values);
  // The order's process list: the stage's open steps with the template's key points.
  const steps = input.toDo ?? [];
  const toDoText = steps.length
    ? [
        '',
        `${copy.toDo}${copy.colon.trimEnd()}`,
        ...steps.map((t) => `- ${stepTitle(t, language)}${t.guidance ? `${copy.colon}${t.guidance}` : ''}`),
      ]
    : [];
  const toDoHtml = steps.length
    ? html`<p><strong>${copy.toDo}</strong></p>
        <ul>
          ${steps.map((t) => html`<li>${stepTitle(t, language)}${t.guidance ? html`<br />${t.guidance}` : ''}</li>`)}
        </ul>`
    : '';
  const text = [
    intro,
    '',
    body,
    ...(escalation ? ['', escalation] : []),
    ...toDoText,
    '',
    factsText(facts),
    '',
    ...(ctx.consoleUrl ? [`${copy.openConsole}: ${ctx.consoleUrl}`] : []),
    `${copy.open}: ${ctx.orderUrl}`,
    '',
    footer,
    '',
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    ${escalation ? html`<p><strong>${escalation}</strong></p>` : ''} ${toDoHtml} ${factsHtml(facts)}
    ${ctx.consoleUrl ? html`<p><a href="${ctx.consoleUrl}">${copy.openConsole}</a></p>` : ''}
    <p><a href="${ctx.orderUrl}">${copy.open}</a></p>`;
  return { subject, text, html: page(subject, htmlBody, footer.replace(/^-- /, ''), language) };
}

type Reminder = NonNullable<ReturnType<typeof nextReminder>>;

export function stallReminderInput(
  state: OrderState,
  reminder: Reminder,
  expectedNext: ReturnType<typeof allowedEvents>,
  now: string,
): StallReminderInput {
  return {
    orderId: state.orderId,
    // Numbered within the stage; the activity adds the stage to the Message-ID.
    sequence: reminder.sequence,
    requestedAt: now,
    stage: state.stage,
    stageEnteredAt: state.stageEnteredAt,
    stageDeadline: state.stageDeadline ?? reminder.dueAt,
    escalated: reminder.escalated,
    to: reminder.to,
    cc: reminder.cc,
    accountManagerName: state.accountManager.name,
    language: state.accountManager.language,
    customerCompany: state.customer.company,
    expectedNext: expectedNext.filter((type) => type !== 'NOTE_ADDED' && type !== 'ORDER_CANCELLED'),
    ...overdue(state),
    toDo: stageToDo(state).map(({ key, title, status, guidance, shipmentNo }) => ({
      key,
      title,
      status,
      ...(guidance ? { guidance } : {}),
      ...(shipmentNo === undefined ? {} : { shipmentNo }),
    })),
  };
}

/** A stage waiting for a dated payment (OA, D/A) is late when the payment is: the reminder names it. */
function overdue(state: OrderState): { overduePayment?: string } {
  const awaited = datedPaymentAwaited(state);
  return awaited ? { overduePayment: `${formatMoney(awaited.amount)} due ${awaited.dueDate}` } : {};
}

export const sendStallReminder = defineEmail({
  activity: 'sendStallReminder',
  purpose: 'stall-reminder',
  // Reminder numbers restart in every stage, so the stage keeps Message-IDs unique per order.
  idPurpose: (input: StallReminderInput) => `stall-reminder-${input.stage.toLowerCase()}`,
  recipients: (input) => ({ to: input.to, cc: input.cc }),
  letter: (input, ctx) =>
    stallReminderEmail(input, {
      now: ctx.date,
      orderUrl: ctx.orderUrl,
      ...(ctx.consoleUrl ? { consoleUrl: ctx.consoleUrl } : {}),
      exporterName: ctx.exporter.name,
      timeZone: ctx.exporter.timeZone,
    }),
});
