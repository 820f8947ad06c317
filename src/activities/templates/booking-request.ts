import { html } from '../escape';
import { formatDate, formatQuantity, parseIso } from '../format';
import type { BookingRequestInput, ExporterProfile, ShipmentFacts } from '../types';
import {
  factsHtml,
  factsText,
  page,
  signOff,
  tableHtml,
  tableText,
  type Fact,
  type RenderedEmail,
} from './layout';

/** The facts a forwarder plans by, those the order has; shared with the cargo-ready notice. */
export function shipmentFacts(input: ShipmentFacts): Fact[] {
  const facts: Fact[] = [];
  if (input.portOfLoading) facts.push(['Port of loading', input.portOfLoading]);
  if (input.portOfDischarge) facts.push(['Port of discharge', input.portOfDischarge]);
  if (input.containers) facts.push(['Equipment', `${input.containers.count} x ${input.containers.type}`]);
  if (input.packages != null) facts.push(['Packages', formatQuantity(input.packages)]);
  if (input.grossWeightKg != null) facts.push(['Gross weight', `${formatQuantity(input.grossWeightKg)} kg`]);
  if (input.volumeCbm != null) facts.push(['Volume', `${formatQuantity(input.volumeCbm)} CBM`]);
  if (input.freight) facts.push(['Freight', input.freight === 'PREPAID' ? 'Prepaid' : 'Collect']);
  return facts;
}

export const readyText = (readyDate: string | null) =>
  readyDate === null ? 'to be confirmed' : formatDate(parseIso(readyDate, 'readyDate'));

export const cargoTable = (input: Pick<BookingRequestInput, 'cargo'>) => ({
  head: ['#', 'Description', 'Quantity', 'Unit'],
  rows: input.cargo.map((line, i) => [
    String(i + 1),
    line.description,
    formatQuantity(line.quantity),
    line.unit ?? '',
  ]),
});

export function bookingRequestEmail(input: BookingRequestInput, exporter: ExporterProfile): RenderedEmail {
  const ready = readyText(input.readyDate);
  const subject = `Booking request: order ${input.orderId}, ${input.incoterm} ${input.namedPlace}, cargo ready ${ready}`;
  const facts: Fact[] = [
    ['Our reference', input.orderId],
    ['Contract No.', input.contractNo],
    ['Shipper', `${exporter.name}, ${exporter.address}`],
    ['Consignee', `${input.customer.company}, ${input.customer.country}`],
    ['Incoterm (Incoterms 2020)', `${input.incoterm} ${input.namedPlace}`],
    ['Cargo ready', ready],
    ...shipmentFacts(input),
    ['Contact', `${input.accountManager.name} <${input.accountManager.email}>`],
  ];
  const body =
    'please arrange a booking for the cargo below and confirm vessel, voyage, ETD and container numbers. Reply to this email to reach our account manager.';
  return cargoEmail(subject, `Dear ${input.forwarder.name},`, body, facts, input, exporter);
}

/** An email about cargo to a forwarder or the buyer: the facts, the cargo table, the account manager's name. */
export function cargoEmail(
  subject: string,
  intro: string,
  body: string,
  facts: Fact[],
  input: Pick<BookingRequestInput, 'cargo' | 'accountManager'>,
  exporter: ExporterProfile,
): RenderedEmail {
  const { head, rows } = cargoTable(input);
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
