import { totalReceived } from '../ledger';
import { factsLetter, type Fact, type RenderedEmail } from '../letters/layout';
import type { Money } from '../money';
import type { OrderState } from '../types';
import { defineEffect, defineEmail, onBehalfOfAccountManager, type Letterhead } from './define';
import { customerEmail, type CustomerEmail } from './orderFacts';

export interface CustomerCancellationInput extends CustomerEmail {
  reason: string;
  received: Money;
  depositHandling: 'REFUND' | 'FORFEIT' | 'CREDIT_NOTE';
}

const HANDLING = {
  en: {
    REFUND: 'will be refunded to you by telegraphic transfer',
    FORFEIT: 'is forfeited under the terms of the contract',
    CREDIT_NOTE: 'is kept as a credit note against your next order',
  },
  'zh-CN': {
    REFUND: '将以电汇方式退还贵方',
    FORFEIT: '按合同约定不予退还',
    CREDIT_NOTE: '作为贷记款项，抵扣贵方下一笔订单',
  },
} as const;

/** To the customer, once money was received: the order is cancelled and what happens to the money, in their language. */
export function customerCancellationEmail(
  input: CustomerCancellationInput,
  exporter: Letterhead,
): RenderedEmail {
  const language = input.customer.language ?? 'en';
  const received = `${input.received.amount} ${input.received.currency}`;
  const handling = HANDLING[language][input.depositHandling];
  const letter =
    language === 'zh-CN'
      ? {
          subject: `合同 ${input.contractNo} 已取消`,
          intro: `${input.customer.name}，您好：`,
          body: `现确认合同 ${input.contractNo} 已取消。我方已收到的 ${received}，${handling}。`,
          facts: [
            ['合同号', input.contractNo],
            ['取消原因', input.reason],
            ['已收款项', received],
            ['款项处理', handling],
          ] satisfies Fact[],
        }
      : {
          subject: `Contract ${input.contractNo} cancelled`,
          intro: `Dear ${input.customer.name},`,
          body: `we confirm that contract ${input.contractNo} is cancelled. The ${received} we received ${handling}.`,
          facts: [
            ['Contract', input.contractNo],
            ['Reason', input.reason],
            ['Received from you', received],
            ['What happens to it', handling],
          ] satisfies Fact[],
        };
  const { subject, ...parts } = letter;
  return factsLetter(subject, { ...parts, signedBy: input.accountManager.name, language }, exporter.name);
}

export function customerCancellationInput(state: OrderState, now: string): CustomerCancellationInput {
  const cancellation = state.cancellation;
  const received = totalReceived(state);
  if (!cancellation?.depositHandling || !received)
    throw new Error(`order ${state.orderId} has no money to account for on cancellation`);
  return {
    ...customerEmail(state, now, 'a cancellation notice'),
    reason: cancellation.reason,
    received,
    depositHandling: cancellation.depositHandling,
  };
}

export const sendCustomerCancellation = defineEmail({
  activity: 'sendCustomerCancellation',
  purpose: 'customer-cancellation',
  recipients: (input: CustomerCancellationInput) => onBehalfOfAccountManager(input.customer.email, input),
  letter: (input, { exporter }) => customerCancellationEmail(input, exporter),
});

/** Once money was received, the customer learns what happens to it. */
export const notifyCustomerCancelled = defineEffect({
  kind: 'notifyCustomerCancelled',
  summary: 'cancellation notice to the customer',
  email: sendCustomerCancellation,
  input: (state, { now }) => customerCancellationInput(state, now),
});
