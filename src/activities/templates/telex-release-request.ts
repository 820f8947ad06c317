import type { ExporterProfile, TelexReleaseRequestInput } from '../types';
import { factsLetter, type Fact, type RenderedEmail } from './layout';

/**
 * The shipper's instruction to release the cargo at destination without original B/Ls (电放). The
 * forwarder answers with its release confirmation, which ops record as TELEX_RELEASE_CONFIRMED.
 */
export function telexReleaseRequestEmail(
  input: TelexReleaseRequestInput,
  exporter: ExporterProfile,
): RenderedEmail {
  const subject = `Telex release request: B/L ${input.blNo}, order ${input.orderId}`;
  const facts: Fact[] = [
    ['B/L No.', input.blNo],
    ['B/L date', input.blDate],
    ...(input.vessel
      ? [['Vessel / voyage', [input.vessel, input.voyage].filter(Boolean).join(' ')] as const]
      : []),
    ...(input.portOfLoading ? [['Port of loading', input.portOfLoading] as const] : []),
    ...(input.portOfDischarge ? [['Port of discharge', input.portOfDischarge] as const] : []),
    ['Shipper', `${exporter.name}, ${exporter.address}`],
    ['Consignee', `${input.customer.company}, ${input.customer.country}`],
    ['Our reference', `${input.orderId} / contract ${input.contractNo}`],
    ['Released because', input.releasedBecause],
    ['Contact', `${input.accountManager.name} <${input.accountManager.email}>`],
  ];
  const intro = `Dear ${input.forwarder.name},`;
  const body =
    'as the shipper we authorise the telex release of the cargo below: please release it to the consignee at the port of discharge without presentation of the original bills of lading, and send us your release confirmation. If your office needs our letter of indemnity for the release, reply to this email and our account manager will send it today.';
  return factsLetter(subject, { intro, body, facts, signedBy: input.accountManager.name }, exporter.name);
}
