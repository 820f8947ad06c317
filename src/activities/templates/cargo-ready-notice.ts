import type { CargoReadyNoticeInput, ExporterProfile } from '../types';
import { cargoEmail, readyText, shipmentFacts } from './booking-request';
import type { Fact, RenderedEmail } from './layout';

/**
 * F-terms: the buyer's forwarder books the main carriage, so it learns when and where the cargo is
 * ready. EXW: the buyer collects at our premises.
 */
export function cargoReadyNoticeEmail(
  input: CargoReadyNoticeInput,
  exporter: ExporterProfile,
): RenderedEmail {
  const ready = readyText(input.readyDate);
  const subject = input.pickup
    ? `Cargo ready for collection: order ${input.orderId}, EXW ${input.namedPlace}, from ${ready}`
    : `Cargo ready: order ${input.orderId}, ${input.incoterm} ${input.namedPlace}, from ${ready}`;
  const facts: Fact[] = [
    ['Our reference', input.orderId],
    ['Contract No.', input.contractNo],
    ['Seller', `${exporter.name}, ${exporter.address}`],
    ['Buyer', `${input.customer.company}, ${input.customer.country}`],
    ['Incoterm (Incoterms 2020)', `${input.incoterm} ${input.namedPlace}`],
    ['Cargo ready', ready],
    ...shipmentFacts(input),
    ['Contact', `${input.accountManager.name} <${input.accountManager.email}>`],
  ];
  const intro = `Dear ${input.recipient.name},`;
  const body = input.pickup
    ? 'the cargo below is ready for collection at our premises. Please tell us the collection date, the carrier and the vehicle or container. Reply to this email to reach our account manager.'
    : `the cargo below is ready for shipment under ${input.incoterm} ${input.namedPlace}. Please book it and send us the booking confirmation (vessel, voyage, ETD, cut-off and container release). Reply to this email to reach our account manager.`;
  return cargoEmail(subject, intro, body, facts, input, exporter);
}
