import { html } from '../letters/escape';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from '../letters/layout';
import type { Language } from '../schemas/common';
import type { OrderState } from '../types';
import { stageName } from '../i18n/terms';
import { defineEffect, defineEmail, toAccountManager, type MessageKey, type Person } from './define';

export interface CancellationNoticeInput extends MessageKey {
  accountManager: Person & { language?: Language };
  customerCompany: string;
  stage: string;
  reason: string;
}

interface Words {
  subject: string;
  facts: Fact[];
  intro: string;
  body: string;
  open: string;
  footer: string;
}

/** The notice in the account manager's language. */
function words(input: CancellationNoticeInput, exporterName: string): Words {
  const { orderId, customerCompany: company, reason } = input;
  if (input.accountManager.language === 'zh-CN') {
    const stage = stageName(input.stage, 'zh-CN');
    return {
      subject: `订单 ${orderId}（${company}）已在「${stage}」阶段取消`,
      facts: [
        ['订单', orderId],
        ['客户', company],
        ['取消时阶段', `${stage}（${input.stage}）`],
        ['原因', reason],
      ],
      intro: `${input.accountManager.name}，您好：`,
      body: `订单 ${orderId}（${company}）已取消，之后不会再发送提醒或单据。`,
      open: '在 Temporal UI 中查看订单记录',
      footer: `${exporterName} 订单台`,
    };
  }
  const stage = stageName(input.stage, 'en');
  return {
    subject: `Order ${orderId} for ${company} cancelled in ${stage}`,
    facts: [
      ['Order', orderId],
      ['Customer', company],
      ['Cancelled in stage', `${stage} (${input.stage})`],
      ['Reason', reason],
    ],
    intro: `Hello ${input.accountManager.name},`,
    body: `order ${orderId} for ${company} has been cancelled. No further reminders or documents will be sent for it.`,
    open: 'Order history in the Temporal UI',
    footer: `${exporterName} order desk`,
  };
}

export function cancellationNoticeEmail(
  input: CancellationNoticeInput,
  ctx: { orderUrl: string; exporterName: string },
): RenderedEmail {
  const w = words(input, ctx.exporterName);
  const text = [
    w.intro,
    '',
    w.body,
    '',
    factsText(w.facts),
    '',
    `${w.open}: ${ctx.orderUrl}`,
    '',
    `-- ${w.footer}`,
    '',
  ].join('\n');
  const htmlBody = html`<p>${w.intro}</p>
    <p>${w.body}</p>
    ${factsHtml(w.facts)}
    <p><a href="${ctx.orderUrl}">${w.open}</a></p>`;
  return {
    subject: w.subject,
    text,
    html: page(w.subject, htmlBody, w.footer, input.accountManager.language),
  };
}

export function cancellationNoticeInput(state: OrderState, now: string): CancellationNoticeInput {
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    accountManager: state.accountManager,
    customerCompany: state.customer.company,
    stage: state.stage,
    reason: state.cancellation?.reason ?? 'not given',
  };
}

export const sendCancellationNotice = defineEmail({
  activity: 'sendCancellationNotice',
  purpose: 'cancellation-notice',
  recipients: (input: CancellationNoticeInput) => toAccountManager(input),
  letter: (input, ctx) =>
    cancellationNoticeEmail(input, { orderUrl: ctx.orderUrl, exporterName: ctx.exporter.name }),
});

export const notifyCancelled = defineEffect({
  kind: 'notifyCancelled',
  summary: 'cancellation notice to the account manager',
  email: sendCancellationNotice,
  input: (state, { now }) => cancellationNoticeInput(state, now),
  done: (state, at) =>
    state.cancellation ? { ...state, cancellation: { ...state.cancellation, notifiedAt: at } } : state,
});
