import { isCollectedByBuyer } from '../incoterms';
import type { ShipmentLabel } from '../shipments/scope';
import type { RenderedEmail } from '../letters/layout';
import { askThenReply, shippingWords } from '../letters/shippingWords';
import type { OrderState } from '../types';
import {
  bookingRequestInput,
  cargoEmail,
  cargoFacts,
  partOf,
  readyText,
  type BookingRequestInput,
} from './bookingRequest';
import {
  defineEffect,
  defineEmail,
  onBehalfOfAccountManager,
  type Correspondent,
  type Letterhead,
} from './define';

/** F-terms and EXW: the goods are ready; the buyer's forwarder (or the buyer) arranges the carriage. */
export interface CargoReadyNoticeInput extends Omit<BookingRequestInput, 'forwarder'> {
  recipient: Correspondent;
  /** The buyer's nominated forwarder, or the customer when none was named. */
  recipientRole: 'BUYER_FORWARDER' | 'CUSTOMER';
  /** EXW: collected at our premises (no export clearance by us). */
  pickup: boolean;
}

/**
 * F-terms: the buyer's forwarder books the main carriage, so it learns when and where the cargo is
 * ready. EXW: the buyer collects at our premises. In the recipient's language.
 */
export function cargoReadyNoticeEmail(input: CargoReadyNoticeInput, exporter: Letterhead): RenderedEmail {
  const language = input.recipient.language ?? 'en';
  const w = shippingWords(language);
  const ready = readyText(input.readyDate, w);
  const terms = `${input.incoterm} ${input.namedPlace}`;
  const zh = language === 'zh-CN';
  const order = `${input.orderId}${partOf(input, language)}`;
  const subject = input.pickup
    ? zh
      ? `货好待提：订单 ${order}，EXW ${input.namedPlace}，可提货日期 ${ready}`
      : `Cargo ready for collection: order ${order}, EXW ${input.namedPlace}, from ${ready}`
    : zh
      ? `货好通知：订单 ${order}，${terms}，货好日期 ${ready}`
      : `Cargo ready: order ${order}, ${terms}, from ${ready}`;
  const facts = cargoFacts(input, exporter, w, [w.seller, w.buyer]);
  const ask = input.pickup
    ? zh
      ? '以下货物已备妥，可到我司提货。请告知提货日期、承运人及车辆或箱号。'
      : 'the cargo below is ready for collection at our premises. Please tell us the collection date, the carrier and the vehicle or container.'
    : zh
      ? `以下货物已备妥，可按 ${terms} 出运。请安排订舱并发送订舱确认（船名、航次、开船日期、截关时间及放箱信息）。`
      : `the cargo below is ready for shipment under ${terms}. Please book it and send us the booking confirmation (vessel, voyage, ETD, cut-off and container release).`;
  const letter = { intro: w.greeting(input.recipient.name), body: askThenReply(ask, w) };
  return cargoEmail(subject, letter, facts, input, exporter, language);
}

/** F-terms and EXW: the cargo-ready notice, to the buyer's forwarder, else the buyer. */
export function cargoReadyNoticeInput(
  state: OrderState,
  now: string,
  shipment?: ShipmentLabel,
): CargoReadyNoticeInput {
  const { forwarder: _ours, ...facts } = bookingRequestInput(state, { name: '', email: '' }, now, shipment);
  const buyerForwarder = state.contract?.trade?.buyerForwarder;
  return {
    ...facts,
    recipient: buyerForwarder ?? {
      name: state.customer.name,
      email: state.customer.email,
      language: state.customer.language,
    },
    recipientRole: buyerForwarder ? 'BUYER_FORWARDER' : 'CUSTOMER',
    pickup: isCollectedByBuyer(state),
  };
}

export const sendCargoReadyNotice = defineEmail({
  activity: 'sendCargoReadyNotice',
  purpose: 'cargo-ready-notice',
  recipients: (input: CargoReadyNoticeInput) => onBehalfOfAccountManager(input.recipient.email, input),
  letter: (input, { exporter }) => cargoReadyNoticeEmail(input, exporter),
});

export const cargoReadyNotice = defineEffect({
  kind: 'sendCargoReadyNotice',
  summary: "cargo-ready notice to the buyer's forwarder or the buyer",
  email: sendCargoReadyNotice,
  input: (state, { now, shipment }) => cargoReadyNoticeInput(state, now, shipment),
  done: (state, at) => ({ ...state, shipping: { ...state.shipping, cargoReadyNoticeAt: at } }),
});
