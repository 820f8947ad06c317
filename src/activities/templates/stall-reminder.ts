import { html } from '../escape';
import { formatDateTime, formatElapsed, humanize, parseIso } from '../format';
import type { StallReminderInput } from '../types';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from './layout';

export interface StallReminderContext {
  now: Date;
  orderUrl: string;
  exporterName: string;
}

export function stallReminderEmail(input: StallReminderInput, ctx: StallReminderContext): RenderedEmail {
  const entered = parseIso(input.stageEnteredAt, 'stageEnteredAt');
  const deadline = parseIso(input.stageDeadline, 'stageDeadline');
  const stage = humanize(input.stage);
  const next =
    input.expectedNext.length > 0
      ? input.expectedNext.map((e) => `${humanize(e)} (${e})`).join(', ')
      : 'an update from operations';
  const label = input.escalated ? `Escalation, reminder ${input.sequence}` : `Reminder ${input.sequence}`;
  const subject = `[${label}] Order ${input.orderId} for ${input.customerCompany} stalled in ${stage}`;
  const facts: Fact[] = [
    ['Order', input.orderId],
    ['Customer', input.customerCompany],
    ['Stage', `${stage} (${input.stage})`],
    ['In this stage since', formatDateTime(entered)],
    ['Time limit ran out', formatDateTime(deadline)],
    ['Waiting for', formatElapsed(entered, ctx.now)],
    ['Expected next', next],
    ['Reminder', `${input.sequence}${input.escalated ? ' (escalated)' : ''}`],
  ];
  const intro = `Hello ${input.accountManagerName},`;
  const body = `order ${input.orderId} for ${input.customerCompany} has been in stage ${stage} since ${formatDateTime(entered)} and passed its time limit at ${formatDateTime(deadline)}. Please follow up, or record what happened so the order can move on.`;
  const escalation = input.escalated
    ? 'This reminder is escalated: the order has stayed stalled through several reminders.'
    : '';
  const text = [
    intro,
    '',
    body,
    ...(escalation ? ['', escalation] : []),
    '',
    factsText(facts),
    '',
    `Open the order in the Temporal UI: ${ctx.orderUrl}`,
    '',
    `-- ${ctx.exporterName} order desk`,
    '',
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    ${escalation ? html`<p><strong>${escalation}</strong></p>` : ''} ${factsHtml(facts)}
    <p><a href="${ctx.orderUrl}">Open the order in the Temporal UI</a></p>`;
  return { subject, text, html: page(subject, htmlBody, `${ctx.exporterName} order desk`) };
}
