import { html } from '../escape';
import { formatDate, formatQuantity, parseIso } from '../format';
import type { BookingRequestInput, ExporterProfile } from '../types';
import {
  factsHtml,
  factsText,
  page,
  tableHtml,
  tableText,
  type Fact,
  type RenderedEmail,
  signOff,
} from './layout';

export function bookingRequestEmail(input: BookingRequestInput, exporter: ExporterProfile): RenderedEmail {
  const ready =
    input.readyDate === null ? 'to be confirmed' : formatDate(parseIso(input.readyDate, 'readyDate'));
  const subject = `Booking request: order ${input.orderId}, ${input.incoterm} ${input.namedPlace}, cargo ready ${ready}`;
  const facts: Fact[] = [
    ['Our reference', input.orderId],
    ['Contract No.', input.contractNo],
    ['Shipper', `${exporter.name}, ${exporter.address}`],
    ['Consignee', `${input.customer.company}, ${input.customer.country}`],
    ['Incoterm (Incoterms 2020)', `${input.incoterm} ${input.namedPlace}`],
    ['Cargo ready', ready],
    ['Contact', `${input.accountManager.name} <${input.accountManager.email}>`],
  ];
  const head = ['#', 'Description', 'Quantity', 'Unit'];
  const rows = input.cargo.map((line, i) => [
    String(i + 1),
    line.description,
    formatQuantity(line.quantity),
    line.unit ?? '',
  ]);
  const intro = `Dear ${input.forwarder.name},`;
  const body =
    'please arrange a booking for the cargo below and confirm vessel, voyage, ETD and container numbers. Reply to this email to reach our account manager.';
  const closing = signOff(input.accountManager.name, exporter.name);
  const text = [
    intro,
    '',
    body,
    '',
    factsText(facts),
    '',
    'Cargo:',
    tableText(head, rows),
    '',
    ...closing.text,
  ].join('\n');
  const htmlBody = html`<p>${intro}</p>
    <p>${body}</p>
    ${factsHtml(facts)}
    <h3 style="font-size:15px">Cargo</h3>
    ${tableHtml(head, rows)} ${closing.html}`;
  return { subject, text, html: page(subject, htmlBody, exporter.name) };
}
