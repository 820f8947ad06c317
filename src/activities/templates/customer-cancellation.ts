import type { CustomerCancellationInput, ExporterProfile } from '../types';
import { factsLetter, type Fact, type RenderedEmail } from './layout';

const HANDLING = {
  REFUND: 'will be refunded to you by telegraphic transfer',
  FORFEIT: 'is forfeited under the terms of the contract',
  CREDIT_NOTE: 'is kept as a credit note against your next order',
} as const;

/** To the customer, once money was received: the order is cancelled and what happens to the money. */
export function customerCancellationEmail(
  input: CustomerCancellationInput,
  exporter: ExporterProfile,
): RenderedEmail {
  const subject = `Contract ${input.contractNo} cancelled`;
  const facts: Fact[] = [
    ['Contract', input.contractNo],
    ['Reason', input.reason],
    ['Received from you', `${input.received.amount} ${input.received.currency}`],
    ['What happens to it', HANDLING[input.depositHandling]],
  ];
  const intro = `Dear ${input.customer.name},`;
  const body = `we confirm that contract ${input.contractNo} is cancelled. The ${input.received.amount} ${input.received.currency} we received ${HANDLING[input.depositHandling]}.`;
  return factsLetter(subject, { intro, body, facts, signedBy: input.accountManager.name }, exporter.name);
}
