import { contractLines, type ContractLine } from '../contractTerms';
import { shipmentWords, type ShipmentLabel } from '../shipments/scope';
import { freightTerms } from '../incoterms';
import { html } from '../letters/escape';
import { formatDate, formatQuantity, parseInstant } from '../letters/format';
import {
  factsHtml,
  factsText,
  page,
  signOff,
  tableHtml,
  tableText,
  type Fact,
  type RenderedEmail,
} from '../letters/layout';
import { askThenReply, shippingWords, type ShippingWords } from '../letters/shippingWords';
import type { Forwarder, Language } from '../schemas/common';
import type { OrderState } from '../types';
import {
  defineEffect,
  defineEmail,
  onBehalfOfAccountManager,
  type Correspondent,
  type Letterhead,
  type MessageKey,
  type Person,
} from './define';
import { required } from './orderFacts';

export interface CargoLine {
  description: string;
  quantity: number;
  unit?: string;
}

/** What a forwarder plans a shipment by; each optional, as old recorded inputs lack them. */
export interface ShipmentFacts {
  portOfLoading?: string | null;
  portOfDischarge?: string | null;
  containers?: { type: string; count: number } | null;
  packages?: number | null;
  grossWeightKg?: number | null;
  volumeCbm?: number | null;
  /** Main carriage paid by us (C/D-terms) or by the buyer (EXW, F-terms). */
  freight?: 'PREPAID' | 'COLLECT';
}

export interface BookingRequestInput extends MessageKey, ShipmentFacts {
  forwarder: Correspondent;
  accountManager: Person;
  customer: { company: string; country: string };
  incoterm: string;
  namedPlace: string;
  cargo: CargoLine[];
  /** ISO date the goods are ready, or null when not known yet. */
  readyDate: string | null;
  contractNo: string;
}

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
  readyDate === null ? w.toBeConfirmed : formatDate(parseInstant(readyDate, 'readyDate'));

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
  exporter: Letterhead,
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

/** Which of several shipments a letter is for, after the order number (nothing for the order's own). */
export const partOf = (input: MessageKey, language: string): string =>
  input.shipment ? `${language === 'zh-CN' ? ' ' : ', '}${shipmentWords(input.shipment, language)}` : '';

/** The booking request (订舱委托) to our forwarder, in its language. */
export function bookingRequestEmail(input: BookingRequestInput, exporter: Letterhead): RenderedEmail {
  const language = input.forwarder.language ?? 'en';
  const w = shippingWords(language);
  const ready = readyText(input.readyDate, w);
  const terms = `${input.incoterm} ${input.namedPlace}`;
  const subject =
    language === 'zh-CN'
      ? `订舱委托：订单 ${input.orderId}${partOf(input, language)}，${terms}，货好日期 ${ready}`
      : `Booking request: order ${input.orderId}${partOf(input, language)}, ${terms}, cargo ready ${ready}`;
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
  exporter: Letterhead,
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

export function bookingRequestInput(
  state: OrderState,
  defaultForwarder: Forwarder,
  now: string,
  shipment?: ShipmentLabel,
): BookingRequestInput {
  const { quotation, contract } = required(state, 'requestBooking');
  const lines = contractLines(state);
  const trade = contract.trade ?? {};
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    forwarder: state.forwarder ?? defaultForwarder,
    accountManager: state.accountManager,
    customer: { company: state.customer.company, country: state.customer.country },
    incoterm: quotation.incoterm,
    namedPlace: quotation.namedPlace,
    cargo: lines.map((line) => ({ description: line.description, quantity: line.quantity, unit: line.unit })),
    readyDate: state.production.completedAt ? state.production.completedAt.slice(0, 10) : null,
    contractNo: contract.contractNo,
    portOfLoading: trade.portOfLoading ?? null,
    portOfDischarge: trade.portOfDischarge ?? null,
    containers: trade.containers ?? null,
    packages: packedSum(lines, 'packages'),
    grossWeightKg: packedSum(lines, 'grossWeightKg'),
    volumeCbm: packedSum(lines, 'volumeCbm'),
    freight: freightTerms(state),
    ...(shipment ? { shipment } : {}),
  };
}

/** A packing figure over all lines; null unless every line has it (a partial sum would mislead). */
function packedSum(lines: ContractLine[], field: 'packages' | 'grossWeightKg' | 'volumeCbm'): number | null {
  if (lines.length === 0 || lines.some((l) => l.packing?.[field] === undefined)) return null;
  // Thousandths, so 0.1 + 0.2 prints as 0.3.
  return lines.reduce((sum, l) => sum + Math.round((l.packing?.[field] ?? 0) * 1000), 0) / 1000;
}

export const sendBookingRequest = defineEmail({
  activity: 'sendBookingRequest',
  purpose: 'booking-request',
  recipients: (input: BookingRequestInput) => onBehalfOfAccountManager(input.forwarder.email, input),
  letter: (input, { exporter }) => bookingRequestEmail(input, exporter),
});

/** Seller books the main carriage (C/D-terms): our forwarder is asked for a booking. */
export const requestBooking = defineEffect({
  kind: 'requestBooking',
  summary: 'booking request to the forwarder',
  email: sendBookingRequest,
  input: (state, { defaultForwarder, now, shipment }) =>
    bookingRequestInput(state, defaultForwarder, now, shipment),
  done: (state, at) => ({
    ...state,
    shipping: { ...state.shipping, booking: { ...state.shipping.booking, requestedAt: at } },
  }),
});
