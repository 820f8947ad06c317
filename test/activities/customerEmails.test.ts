import type { CustomerCancellationInput, PaymentRequestInput } from '../../src/activities';
import { BANK, documentOrder, documentSet, EXPORTER, paidInFull } from './fixtures';
import { mailActivities } from './mailActivities';
import type { PaymentAcknowledgementInput } from '../../src/domain/effects/paymentAcknowledgement';

// Letters to the customer go out in the customer's language, over real SMTP: the payment request,
// the payment acknowledgement, the cancellation letter and the document set's covering letter. The bank's names and the
// documents themselves stay as they are.
const mail = mailActivities({ exporter: { ...EXPORTER, bank: BANK } });

type Language = 'en' | 'zh-CN';

function paymentRequest(language: Language | undefined, dueWhen = 'BEFORE_PRODUCTION'): PaymentRequestInput {
  const order = documentOrder();
  return {
    orderId: order.orderId,
    sequence: 1,
    requestedAt: '2026-12-01T03:00:00.000Z',
    customer: { ...order.customer, ...(language ? { language } : {}) },
    accountManager: order.accountManager,
    contractNo: 'SC-2026-117',
    part: 'DEPOSIT',
    amountDue: { amount: '3690.38', currency: 'USD' },
    dueDate: null,
    dueWhen,
    reference: 'SC-2026-117 DEPOSIT',
    order,
  };
}

function cancellation(language: Language | undefined): CustomerCancellationInput {
  const order = documentOrder();
  return {
    orderId: order.orderId,
    sequence: 1,
    requestedAt: '2026-12-03T03:00:00.000Z',
    customer: { ...order.customer, ...(language ? { language } : {}) },
    accountManager: order.accountManager,
    contractNo: 'SC-2026-117',
    reason: '买方项目取消',
    received: { amount: '3690.38', currency: 'USD' },
    depositHandling: 'CREDIT_NOTE',
  };
}

function acknowledgement(
  language: Language | undefined,
  more: Partial<PaymentAcknowledgementInput> = {},
): PaymentAcknowledgementInput {
  const order = documentOrder();
  return {
    orderId: order.orderId,
    sequence: 7,
    requestedAt: '2026-12-02T03:00:00.000Z',
    customer: { ...order.customer, ...(language ? { language } : {}) },
    accountManager: order.accountManager,
    contractNo: 'SC-2026-117',
    part: 'DEPOSIT',
    received: { amount: '1000.00', currency: 'USD' },
    reference: 'TT-20261201-88',
    valueDate: null,
    outstanding: { amount: '2690.38', currency: 'USD' },
    ...more,
  };
}

test('a zh-CN customer gets the payment acknowledgement in Chinese: which payment, amount, reference, what is left', async () => {
  const sent = await mail.activities.sendPaymentAcknowledgement(
    acknowledgement('zh-CN', { valueDate: '2026-12-01' }),
  );
  expect(mail.sink.messages).toHaveLength(1);
  const { parsed, envelope } = mail.sink.messages[0];
  expect(parsed.subject).toBe('收款确认：合同 SC-2026-117 预付款（1000.00 USD）');
  expect(parsed.messageId).toBe('<PO-2026-0001.payment-acknowledgement.7@exporter.example>');
  expect(sent).toMatchObject({ purpose: 'payment-acknowledgement', subject: parsed.subject });
  expect([...envelope.to].sort()).toEqual(
    [documentOrder().customer.email, documentOrder().accountManager.email].sort(),
  );
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('Jane Doe，您好');
    expect(part).toContain(
      '我方已收到贵方合同 SC-2026-117 的预付款 1000.00 USD（银行参考号 TT-20261201-88）',
    );
    expect(part).toContain('该合同预付款尚余 2690.38 USD 未付');
    expect(part).toContain('2026-12-01');
    expect(part).toContain('顺颂商祺');
  }
  expect(String(parsed.html)).toContain('<html lang="zh-CN">');
  expect(parsed.attachments).toEqual([]);
});

test('without a language the acknowledgement is in English, and says when the part is settled', async () => {
  const input = acknowledgement(undefined, {
    part: 'BALANCE',
    outstanding: { amount: '0.00', currency: 'USD' },
  });
  await mail.activities.sendPaymentAcknowledgement(input);
  await mail.activities.sendPaymentAcknowledgement(input);
  const [first, again] = mail.sink.messages.map((m) => m.parsed);
  expect(first.subject).toBe('Payment received: balance for contract SC-2026-117 (1000.00 USD)');
  for (const part of [first.text ?? '', String(first.html)]) {
    expect(part).toContain('Dear Jane Doe,');
    expect(part).toContain(
      'we have received your balance payment of 1000.00 USD for contract SC-2026-117 (bank reference TT-20261201-88). The balance is now settled.',
    );
    expect(part).toContain('Kind regards,');
  }
  expect(first.text).not.toContain('Value date');
  // Idempotent: the same input is the same message.
  expect(again.messageId).toBe(first.messageId);
  expect(again.date).toEqual(first.date);
  expect(again.text).toBe(first.text);
});

test('a zh-CN customer gets the payment request in Chinese: amount, due point, terms, reference, bank', async () => {
  const sent = await mail.activities.sendPaymentRequest(paymentRequest('zh-CN'));
  expect(mail.sink.messages).toHaveLength(1);
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('付款通知：合同 SC-2026-117 预付款（3690.38 USD）');
  expect(sent.subject).toBe(parsed.subject);
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('Jane Doe，您好');
    expect(part).toContain('开始生产前');
    expect(part).toContain('30% 预付款生产前电汇（T/T）；余款 70%，见提单等单据副本后电汇（T/T）付清');
    expect(part).toContain('SC-2026-117 DEPOSIT');
    expect(part).toContain('收款人: Ningbo Bright Lighting Co., Ltd.');
    expect(part).toContain('SWIFT: BKCHCNBJ92A');
    expect(part).toContain('顺颂商祺');
  }
  expect(String(parsed.html)).toContain('<html lang="zh-CN">');
  // The proforma invoice still goes with it.
  expect(parsed.attachments.map((a) => a.filename)).toEqual(['Proforma-Invoice-SC-2026-117.pdf']);
});

test('without a language the payment request is in English, with the due point and terms in words', async () => {
  await mail.activities.sendPaymentRequest(paymentRequest(undefined));
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('Payment request: deposit for contract SC-2026-117 (3690.38 USD)');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('Dear Jane Doe,');
    expect(part).toContain('before production starts');
    expect(part).toContain('30% deposit by T/T before production; balance 70% by T/T against copies');
    expect(part).toContain('Beneficiary: Ningbo Bright Lighting Co., Ltd.');
    expect(part).toContain('Kind regards,');
  }
  expect(String(parsed.html)).toContain('<html lang="en">');
});

test('a request scheduled before this release (due point in English words) still reads well', async () => {
  await mail.activities.sendPaymentRequest(paymentRequest('en', 'before production starts'));
  expect(mail.sink.messages[0].parsed.text).toContain('before production starts');
});

test('a zh-CN customer gets the cancellation letter in Chinese, saying what happens to the money', async () => {
  await mail.activities.sendCustomerCancellation(cancellation('zh-CN'));
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('合同 SC-2026-117 已取消');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('现确认合同 SC-2026-117 已取消');
    expect(part).toContain('我方已收到的 3690.38 USD，作为贷记款项，抵扣贵方下一笔订单');
    expect(part).toContain('买方项目取消');
    expect(part).toContain('顺颂商祺');
  }
  expect(String(parsed.html)).toContain('<html lang="zh-CN">');
});

test('in English the cancellation letter is as before', async () => {
  await mail.activities.sendCustomerCancellation(cancellation(undefined));
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('Contract SC-2026-117 cancelled');
  expect(parsed.text).toContain('is kept as a credit note against your next order');
});

test('a zh-CN customer gets the document copies with a Chinese covering letter and the English documents', async () => {
  const order = documentOrder();
  await mail.activities.sendDocumentCopies(
    documentSet({ customer: { ...order.customer, language: 'zh-CN' } }),
  );
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('单据核对：发票 CI-SC-2026-117，订单 PO-2026-0001');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('随附商业发票和装箱单的副本，请核对');
    expect(part).toContain('我方收到未付余款 USD 8,610.87 后即寄送正本单据');
    expect(part).toContain('提单号');
    expect(part).toContain('顺颂商祺');
  }
  expect(parsed.attachments.map((a) => a.filename)).toEqual([
    'Commercial-Invoice-CI-SC-2026-117-COPY.pdf',
    'Packing-List-PL-SC-2026-117-COPY.pdf',
  ]);
});

test('the final documents to a zh-CN customer say how the goods are released', async () => {
  const order = documentOrder();
  await mail.activities.dispatchDocuments(
    documentSet({ customer: { ...order.customer, language: 'zh-CN' }, payments: paidInFull() }),
  );
  const { parsed } = mail.sink.messages[0];
  expect(parsed.subject).toBe('装运单据：发票 CI-SC-2026-117，订单 PO-2026-0001');
  expect(parsed.text).toContain('已电放，提货无需正本提单');
  expect(parsed.text).not.toContain('未付余款');
});
