import type { CustomerCancellationInput, ExporterProfile } from '../types';
import { factsLetter, type Fact, type RenderedEmail } from './layout';

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
  exporter: ExporterProfile,
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
