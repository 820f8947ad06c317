import { sellerBooks } from '../incoterms';
import type { ShipmentLabel } from '../shipments/scope';
import { owesMoney } from '../ledger';
import { factsLetter, type Fact, type RenderedEmail } from '../letters/layout';
import { shippingWords } from '../letters/shippingWords';
import type { PaymentPlan } from '../paymentPlan';
import type { Forwarder, Language } from '../schemas/common';
import type { OrderState } from '../types';
import { paymentTermsText } from '../paymentPlan';
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
import { partOf } from './bookingRequest';

/** Once the documents may go: the forwarder that issued the B/L releases the cargo to the consignee without originals. */
export interface TelexReleaseRequestInput extends MessageKey {
  forwarder: Correspondent;
  accountManager: Person;
  customer: { company: string; country: string };
  contractNo: string;
  blNo: string;
  /** The B/L date (ISO date). */
  blDate: string;
  vessel: string | null;
  voyage: string | null;
  portOfLoading: string | null;
  portOfDischarge: string | null;
  /** Why the release may go now: the balance is in, a manager approved it, or the terms release at once. */
  releaseGround?: ReleaseGround;
  /** The same in English words, as inputs scheduled before `releaseGround` carry it. */
  releasedBecause?: string;
}

export type ReleaseGround =
  | { kind: 'PAID_IN_FULL' }
  | { kind: 'APPROVED'; approvedBy: string }
  | { kind: 'PAYMENT_TERMS'; plan: PaymentPlan };

/** Why the cargo may be released now, in the forwarder's language. */
function releaseText(ground: ReleaseGround, language: Language): string {
  const zh = language === 'zh-CN';
  switch (ground.kind) {
    case 'PAID_IN_FULL':
      return zh ? '货款已全部收妥' : 'paid in full';
    case 'APPROVED':
      return zh ? `经 ${ground.approvedBy} 批准放货` : `release approved by ${ground.approvedBy}`;
    case 'PAYMENT_TERMS':
      return `${zh ? '付款方式：' : 'payment terms: '}${paymentTermsText(ground.plan, language)}`;
  }
}

/**
 * The shipper's instruction to release the cargo at destination without original B/Ls (电放), in
 * the forwarder's language. The forwarder answers with its release confirmation, which ops record
 * as TELEX_RELEASE_CONFIRMED.
 */
export function telexReleaseRequestEmail(
  input: TelexReleaseRequestInput,
  exporter: Letterhead,
): RenderedEmail {
  const language = input.forwarder.language ?? 'en';
  const w = shippingWords(language);
  const zh = language === 'zh-CN';
  const subject = zh
    ? `电放申请：提单 ${input.blNo}，订单 ${input.orderId}${partOf(input, language)}`
    : `Telex release request: B/L ${input.blNo}, order ${input.orderId}${partOf(input, language)}`;
  const releasedBecause = input.releaseGround
    ? releaseText(input.releaseGround, language)
    : (input.releasedBecause ?? '');
  const facts: Fact[] = [
    [w.blNo, input.blNo],
    [w.blDate, input.blDate],
    ...(input.vessel
      ? [[w.vesselVoyage, [input.vessel, input.voyage].filter(Boolean).join(' ')] as const]
      : []),
    ...(input.portOfLoading ? [[w.portOfLoading, input.portOfLoading] as const] : []),
    ...(input.portOfDischarge ? [[w.portOfDischarge, input.portOfDischarge] as const] : []),
    [w.shipper, `${exporter.name}, ${exporter.address}`],
    [w.consignee, `${input.customer.company}, ${input.customer.country}`],
    [w.ourReference, `${input.orderId} / ${w.contractNo} ${input.contractNo}`],
    [w.releasedBecause, releasedBecause],
    [w.contact, `${input.accountManager.name} <${input.accountManager.email}>`],
  ];
  const body = zh
    ? '我司作为发货人，授权对以下货物办理电放：请在卸货港将货物放给收货人，无需凭正本提单，并回传电放确认。如贵司需要我司出具电放保函，请回复本邮件，我司业务员将于当日发出。'
    : 'as the shipper we authorise the telex release of the cargo below: please release it to the consignee at the port of discharge without presentation of the original bills of lading, and send us your release confirmation. If your office needs our letter of indemnity for the release, reply to this email and our account manager will send it today.';
  return factsLetter(
    subject,
    { intro: w.greeting(input.forwarder.name), body, facts, signedBy: input.accountManager.name, language },
    exporter.name,
  );
}

/** The forwarder that issued the B/L: the buyer's nominated one under F-terms, else ours. */
function blIssuer(state: OrderState, defaultForwarder: Forwarder): Forwarder {
  const nominated = sellerBooks(state) ? undefined : state.contract?.trade?.buyerForwarder;
  return nominated ?? state.forwarder ?? defaultForwarder;
}

export function telexReleaseRequestInput(
  state: OrderState,
  defaultForwarder: Forwarder,
  now: string,
  shipment?: ShipmentLabel,
): TelexReleaseRequestInput {
  const { contract, plan } = required(state, 'a telex release');
  const bl = state.shipping.billOfLading;
  if (!bl) throw new Error(`order ${state.orderId} has no B/L to release`);
  const booking = state.shipping.booking.confirmed;
  const trade = contract.trade ?? {};
  const approval = state.payments.releaseApproval;
  return {
    orderId: state.orderId,
    sequence: 1,
    requestedAt: now,
    forwarder: blIssuer(state, defaultForwarder),
    accountManager: state.accountManager,
    customer: { company: state.customer.company, country: state.customer.country },
    contractNo: contract.contractNo,
    blNo: bl.blNo,
    blDate: bl.issuedOn,
    vessel: booking?.vessel ?? null,
    voyage: booking?.voyage ?? null,
    portOfLoading: trade.portOfLoading ?? null,
    portOfDischarge: trade.portOfDischarge ?? null,
    releaseGround: !owesMoney(state)
      ? { kind: 'PAID_IN_FULL' }
      : approval
        ? { kind: 'APPROVED', approvedBy: approval.approvedBy }
        : { kind: 'PAYMENT_TERMS', plan },
    ...(shipment ? { shipment } : {}),
  };
}

export const sendTelexReleaseRequest = defineEmail({
  activity: 'sendTelexReleaseRequest',
  purpose: 'telex-release-request',
  recipients: (input: TelexReleaseRequestInput) => onBehalfOfAccountManager(input.forwarder.email, input),
  letter: (input, { exporter }) => telexReleaseRequestEmail(input, exporter),
});

export const requestTelexRelease = defineEffect({
  kind: 'requestTelexRelease',
  summary: 'telex-release request to the forwarder',
  email: sendTelexReleaseRequest,
  input: (state, { defaultForwarder, now, shipment }) =>
    telexReleaseRequestInput(state, defaultForwarder, now, shipment),
  done: (state, at) => ({
    ...state,
    documents: { ...state.documents, release: { ...state.documents.release, telexRequestedAt: at } },
  }),
});
