import { html } from '../escape';
import { humanize } from '../format';
import type { CancellationNoticeInput } from '../types';
import { factsHtml, factsText, page, type Fact, type RenderedEmail } from './layout';

export function cancellationNoticeEmail(
  input: CancellationNoticeInput,
  ctx: { orderUrl: string; exporterName: string },
): RenderedEmail {
  const stage = humanize(input.stage);
  const subject = `Order ${input.orderId} for ${input.customerCompany} cancelled in ${stage}`;
  const facts: Fact[] = [
    ['Order', input.orderId],
    ['Customer', input.customerCompany],
    ['Cancelled in stage', `${stage} (${input.stage})`],
    ['Reason', input.reason],
  ];
  const intro = `Hello ${input.accountManager.name},`;
  const body = `order ${input.orderId} for ${input.customerCompany} has been cancelled. No further reminders or documents will be sent for it.`;
  const text = [
    intro,
    '',
    body,
    '',
    factsText(facts),
    '',
    `Order history in the Temporal UI: ${ctx.orderUrl}`,
    '',
    `-- ${ctx.exporterName} order desk`,
    '',
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    ${factsHtml(facts)}
    <p><a href="${ctx.orderUrl}">Order history in the Temporal UI</a></p>`;
  return { subject, text, html: page(subject, htmlBody, `${ctx.exporterName} order desk`) };
}
