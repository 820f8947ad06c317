import type { CargoReadyNoticeInput } from '../../src/activities';
import type { PaymentPlan } from '../../src/domain';
import { PLANNED_SHIPMENT, bookingRequest, telexReleaseRequest } from './fixtures';
import { mailActivities } from './mailActivities';

// Letters to forwarders go out in the forwarder's language (a Chinese forwarder's office reads its
// booking requests in Chinese), over real SMTP; with no language they stay English.
const mail = mailActivities();

const planned = PLANNED_SHIPMENT;
const zhForwarder = {
  name: '宁波远洋货代 王经理',
  email: 'booking@forwarder.example',
  language: 'zh-CN' as const,
};

function sentOne() {
  expect(mail.sink.messages).toHaveLength(1);
  const { parsed } = mail.sink.messages[0];
  return {
    subject: parsed.subject ?? '',
    parts: [parsed.text ?? '', String(parsed.html)],
    html: String(parsed.html),
  };
}

test('a zh-CN forwarder gets the booking request (订舱委托) in Chinese, the cargo and figures as they are', async () => {
  const sent = await mail.activities.sendBookingRequest(
    bookingRequest({ ...planned, freight: 'PREPAID', forwarder: zhForwarder }),
  );
  const { subject, parts, html } = sentOne();
  expect(subject).toBe('订舱委托：订单 PO-2026-0001，FOB Ningbo，货好日期 2027-02-18');
  expect(sent.subject).toBe(subject);
  for (const part of parts) {
    expect(part).toContain('宁波远洋货代 王经理，您好：');
    expect(part).toContain('请按以下信息安排订舱');
    for (const text of ['合同号', '装货港', '卸货港', '箱型箱量', '2 x 40HQ', '2,144.5 kg', '14.7 CBM'])
      expect(part).toContain(text);
    expect(part).toContain('预付（Freight Prepaid）');
    expect(part).toContain('40W LED panel 600x600');
    expect(part).toContain('顺颂商祺');
    expect(part).not.toContain('Dear ');
  }
  expect(parts[0]).toContain('序号  品名');
  expect(html).toContain('<html lang="zh-CN">');
});

test('a forwarder without a language gets the booking request in English, as before', async () => {
  await mail.activities.sendBookingRequest(bookingRequest());
  const { subject, parts } = sentOne();
  expect(subject).toBe('Booking request: order PO-2026-0001, FOB Ningbo, cargo ready 2027-02-18');
  expect(parts[0]).toContain('Dear Blue Ocean Logistics,');
  expect(parts[0]).toContain(
    'confirm vessel, voyage, ETD and container numbers. Reply to this email to reach our account manager.',
  );
});

function cargoReady(overrides: Partial<CargoReadyNoticeInput>): CargoReadyNoticeInput {
  const { forwarder: _ours, ...facts } = bookingRequest({ ...planned, freight: 'COLLECT', readyDate: null });
  return {
    ...facts,
    recipient: zhForwarder,
    recipientRole: 'BUYER_FORWARDER',
    pickup: false,
    ...overrides,
  };
}

test("the cargo-ready notice is in its reader's language: the buyer's forwarder (FOB), the buyer collecting (EXW)", async () => {
  await mail.activities.sendCargoReadyNotice(cargoReady({}));
  const forwarder = sentOne();
  expect(forwarder.subject).toBe('货好通知：订单 PO-2026-0001，FOB Ningbo，货好日期 待定');
  expect(forwarder.parts[0]).toContain('请安排订舱并发送订舱确认');
  expect(forwarder.parts[0]).toContain('到付（Freight Collect）');

  mail.sink.clear();
  await mail.activities.sendCargoReadyNotice(
    cargoReady({
      incoterm: 'EXW',
      namedPlace: 'Ningbo factory',
      recipient: { name: 'Jane Doe', email: 'jane@acme.example', language: 'zh-CN' },
      recipientRole: 'CUSTOMER',
      pickup: true,
    }),
  );
  const buyer = sentOne();
  expect(buyer.subject).toBe('货好待提：订单 PO-2026-0001，EXW Ningbo factory，可提货日期 待定');
  expect(buyer.parts[0]).toContain('可到我司提货');
});

const openAccount: PaymentPlan = {
  depositPercent: 0,
  balanceMethod: 'OA',
  balanceDue: null,
  tenorDays: 60,
  shortPaymentTolerance: { amount: '0.00', currency: 'USD' },
};

test.each([
  [{ kind: 'PAID_IN_FULL' as const }, '货款已全部收妥'],
  [{ kind: 'APPROVED' as const, approvedBy: 'Zhang Min' }, '经 Zhang Min 批准放货'],
  [
    { kind: 'PAYMENT_TERMS' as const, plan: openAccount },
    '付款方式：100% 货款，赊账（O/A），提单日后 60 天付款',
  ],
])(
  'the telex-release request (电放申请) to a zh-CN forwarder says why in Chinese: %j',
  async (ground, why) => {
    await mail.activities.sendTelexReleaseRequest(
      telexReleaseRequest({ forwarder: zhForwarder, releaseGround: ground }),
    );
    const { subject, parts } = sentOne();
    expect(subject).toBe('电放申请：提单 NBHAM2700123，订单 PO-2026-0001');
    for (const part of parts) {
      expect(part).toContain('授权对以下货物办理电放');
      expect(part).toContain('放货依据');
      expect(part).toContain(why);
      expect(part).toContain('船名 / 航次');
      expect(part).toContain('MSC Aurora AU123W');
    }
  },
);

test('a telex-release request scheduled before the release ground was recorded still says why, in its English words', async () => {
  const { releaseGround: _ground, ...older } = telexReleaseRequest();
  await mail.activities.sendTelexReleaseRequest({
    ...older,
    releasedBecause: 'release approved by Zhang Min',
  });
  const { subject, parts } = sentOne();
  expect(subject).toBe('Telex release request: B/L NBHAM2700123, order PO-2026-0001');
  expect(parts[0]).toContain('release approved by Zhang Min');
});
