import { html } from '../../text/escape';
import { formatDate, formatQuantity, parseIso } from '../../text/format';
import type { Language } from '../../domain';
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
import { askThenReply, shippingWords, type ShippingWords } from './shippingWords';

/** The facts a forwarder plans by, those the order has. */
function shipmentFacts(input: ShipmentFacts, w: ShippingWords): Fact[] {
  const facts: Fact[] = [];
  if (input.portOfLoading) facts.push([w.portOfLoading, input.portOfLoading]);
  if (input.portOfDischarge) facts.push([w.portOfDischarge, input.portOfDischarge]);
  if (input.containers) facts.push([w.equipment, `${input.containers.count} x ${input.containers.type}`]);
  if (input.packages != null) facts.push([w.packages, formatQuantity(input.packages)]);
  if (input.grossWeightKg != null) facts.push([w.grossWeight, `${formatQuantity(input.grossWeightKg)} kg`]);
  if (input.volumeCbm != null) facts.push([w.volume, `${formatQuantity(input.volumeCbm)} CBM`]);
  if (input.freight) facts.push([w.freight, input.freight === 'PREPAID' ? w.prepaid : w.collect]);
  return facts;
}

export const readyText = (readyDate: string | null, w: ShippingWords) =>
  readyDate === null ? w.toBeConfirmed : formatDate(parseIso(readyDate, 'readyDate'));

export const cargoTable = (input: Pick<BookingRequestInput, 'cargo'>, w: ShippingWords) => ({
  head: w.cargoHead,
  rows: input.cargo.map((line, i) => [
    String(i + 1),
    line.description,
    formatQuantity(line.quantity),
    line.unit ?? '',
  ]),
});

/**
 * The facts of a letter about the cargo (the booking request, the cargo-ready notice): references,
 * the two parties as the letter names them, the terms, when the cargo is ready, what the shipment
 * is and whom to ask.
 */
export function cargoFacts(
  input: Omit<BookingRequestInput, 'forwarder'>,
  exporter: ExporterProfile,
  w: ShippingWords,
  [us, them]: readonly [us: string, them: string],
): Fact[] {
  return [
    [w.ourReference, input.orderId],
    [w.contractNo, input.contractNo],
    [us, `${exporter.name}, ${exporter.address}`],
    [them, `${input.customer.company}, ${input.customer.country}`],
    [w.incoterm, `${input.incoterm} ${input.namedPlace}`],
    [w.cargoReady, readyText(input.readyDate, w)],
    ...shipmentFacts(input, w),
    [w.contact, `${input.accountManager.name} <${input.accountManager.email}>`],
  ];
}

/** The booking request (订舱委托) to our forwarder, in its language. */
export function bookingRequestEmail(input: BookingRequestInput, exporter: ExporterProfile): RenderedEmail {
  const language = input.forwarder.language ?? 'en';
  const w = shippingWords(language);
  const ready = readyText(input.readyDate, w);
  const terms = `${input.incoterm} ${input.namedPlace}`;
  const subject =
    language === 'zh-CN'
      ? `订舱委托：订单 ${input.orderId}，${terms}，货好日期 ${ready}`
      : `Booking request: order ${input.orderId}, ${terms}, cargo ready ${ready}`;
  const facts = cargoFacts(input, exporter, w, [w.shipper, w.consignee]);
  const ask =
    language === 'zh-CN'
      ? '请按以下信息安排订舱，并回复确认船名、航次、开船日期（ETD）及箱号。'
      : 'please arrange a booking for the cargo below and confirm vessel, voyage, ETD and container numbers.';
  return cargoEmail(
    subject,
    { intro: w.greeting(input.forwarder.name), body: askThenReply(ask, w) },
    facts,
    input,
    exporter,
    language,
  );
}

/** An email about cargo to a forwarder or the buyer: the facts, the cargo table, the account manager's name. */
export function cargoEmail(
  subject: string,
  letter: { intro: string; body: string },
  facts: Fact[],
  input: Pick<BookingRequestInput, 'cargo' | 'accountManager'>,
  exporter: ExporterProfile,
  language: Language,
): RenderedEmail {
  const w = shippingWords(language);
  const { head, rows } = cargoTable(input, w);
  const closing = signOff(input.accountManager.name, exporter.name, language);
  const text = [
    letter.intro,
    '',
    letter.body,
    '',
    factsText(facts),
    '',
    `${w.cargo}:`,
    tableText(head, rows),
    '',
    ...closing.text,
  ].join('\n');
  const htmlBody = html`<p>${letter.intro}</p>
    <p>${letter.body}</p>
    ${factsHtml(facts)}
    <h3 style="font-size:15px">${w.cargo}</h3>
    ${tableHtml(head, rows)} ${closing.html}`;
  return { subject, text, html: page(subject, htmlBody, exporter.name, language) };
}
