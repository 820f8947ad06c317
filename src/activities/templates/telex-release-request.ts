import { paymentTerms } from '../../i18n/terms';
import type { Language } from '../../domain';
import type { ExporterProfile, ReleaseGround, TelexReleaseRequestInput } from '../types';
import { factsLetter, type Fact, type RenderedEmail } from './layout';
import { shippingWords } from './shippingWords';

/** Why the cargo may be released now, in the forwarder's language. */
function releaseText(ground: ReleaseGround, language: Language): string {
  const zh = language === 'zh-CN';
  switch (ground.kind) {
    case 'PAID_IN_FULL':
      return zh ? '货款已全部收妥' : 'paid in full';
    case 'APPROVED':
      return zh ? `经 ${ground.approvedBy} 批准放货` : `release approved by ${ground.approvedBy}`;
    case 'PAYMENT_TERMS':
      return `${zh ? '付款方式：' : 'payment terms: '}${paymentTerms(ground.plan, language)}`;
  }
}

/**
 * The shipper's instruction to release the cargo at destination without original B/Ls (电放), in
 * the forwarder's language. The forwarder answers with its release confirmation, which ops record
 * as TELEX_RELEASE_CONFIRMED.
 */
export function telexReleaseRequestEmail(
  input: TelexReleaseRequestInput,
  exporter: ExporterProfile,
): RenderedEmail {
  const language = input.forwarder.language ?? 'en';
  const w = shippingWords(language);
  const zh = language === 'zh-CN';
  const subject = zh
    ? `电放申请：提单 ${input.blNo}，订单 ${input.orderId}`
    : `Telex release request: B/L ${input.blNo}, order ${input.orderId}`;
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
