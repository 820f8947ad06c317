import type { Attachment, ParsedMail } from 'mailparser';
import type { ReceivedMail } from '../../harness/smtp';
import {
  bookingRequest,
  cancellation,
  documentSet,
  paidInFull,
  EXPORTER,
  HOSTILE,
  stallReminder,
  telexReleaseRequest,
} from './fixtures';
import { mailActivities } from './mailActivities';
import { pdfText } from './pdf-text';

const mail = mailActivities({ clock: () => new Date('2030-01-01T00:00:00Z') });

function only(): ReceivedMail {
  expect(mail.sink.messages).toHaveLength(1);
  return mail.sink.messages[0];
}

function addresses(field: ParsedMail['to']): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => v.address ?? ''));
}

function pdfs(mail: ParsedMail): Attachment[] {
  return mail.attachments.filter((a) => a.contentType === 'application/pdf');
}

test("stall reminder: account manager, what is stalled since when, what comes next, the order's page", async () => {
  const sent = await mail.activities.sendStallReminder(stallReminder());
  const { envelope, parsed } = only();
  expect(envelope).toEqual({ from: 'orders@exporter.example', to: ['li.wei@exporter.example'] });
  expect(addresses(parsed.to)).toEqual(['li.wei@exporter.example']);
  expect(parsed.cc).toBeUndefined();
  expect(parsed.messageId).toBe('<PO-2026-0001.stall-reminder-deposit.2@exporter.example>');
  expect(parsed.date?.toISOString()).toBe('2026-12-05T10:00:00.000Z');
  expect(parsed.subject).toBe('[Reminder 2] Order PO-2026-0001 for Acme GmbH stalled in Deposit');
  expect(parsed.headers.get('x-email-purpose')).toBe('stall-reminder');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('2026-12-01 16:00 (Asia/Shanghai)');
    expect(part).toContain('2026-12-04 16:00 (Asia/Shanghai)');
    expect(part).toContain('4 days 2 hours');
    expect(part).toContain('Deposit received (DEPOSIT_RECEIVED)');
    // The order's page in the console first; its workflow in the Temporal UI for engineers.
    const console = part.indexOf('http://localhost:3000/console/#/orders/PO-2026-0001');
    expect(console).toBeGreaterThan(-1);
    expect(part.indexOf('http://localhost:8233/namespaces/default/workflows/PO-2026-0001')).toBeGreaterThan(
      console,
    );
  }
  expect(parsed.text).toContain(
    'Open the order in the console: http://localhost:3000/console/#/orders/PO-2026-0001',
  );
  expect(sent).toEqual({
    purpose: 'stall-reminder',
    to: ['li.wei@exporter.example'],
    cc: [],
    subject: parsed.subject,
    sentAt: '2026-12-05T10:00:00.000Z',
    messageId: parsed.messageId,
  });
});

test('escalated stall reminder copies the escalation address', async () => {
  const sent = await mail.activities.sendStallReminder(
    stallReminder({
      sequence: 3,
      escalated: true,
      cc: ['sales.director@exporter.example', 'LI.WEI@exporter.example'],
    }),
  );
  const { envelope, parsed } = only();
  expect(envelope.to.sort()).toEqual(['li.wei@exporter.example', 'sales.director@exporter.example']);
  expect(addresses(parsed.cc)).toEqual(['sales.director@exporter.example']);
  expect(parsed.subject).toMatch(/^\[Escalation, reminder 3\]/);
  expect(parsed.text).toContain('escalated');
  expect(sent.cc).toEqual(['sales.director@exporter.example']);
});

test('stall reminder lists what to do in the stage, with the key points (escaped in HTML)', async () => {
  await mail.activities.sendStallReminder(
    stallReminder({
      toDo: [
        { title: 'Receive the deposit', status: 'PENDING', guidance: 'Check the value date <not the slip>.' },
        { title: 'Receive and check the L/C', status: 'PENDING' },
      ],
    }),
  );
  const { parsed } = only();
  expect(parsed.text).toContain(
    'What to do in this stage:\n- Receive the deposit: Check the value date <not the slip>.\n- Receive and check the L/C',
  );
  expect(String(parsed.html)).toContain('Check the value date &lt;not the slip&gt;.');
});

test('booking request goes to the forwarder with cargo, Incoterm, ready date and contact', async () => {
  const sent = await mail.activities.sendBookingRequest(bookingRequest());
  const { envelope, parsed } = only();
  expect(envelope.to.sort()).toEqual(['booking@forwarder.example', 'li.wei@exporter.example']);
  expect(addresses(parsed.to)).toEqual(['booking@forwarder.example']);
  expect(addresses(parsed.cc)).toEqual(['li.wei@exporter.example']);
  expect(addresses(parsed.replyTo)).toEqual(['li.wei@exporter.example']);
  expect(parsed.messageId).toBe('<PO-2026-0001.booking-request.1@exporter.example>');
  expect(parsed.subject).toBe('Booking request: order PO-2026-0001, FOB Ningbo, cargo ready 2027-02-18');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    for (const s of [
      'Blue Ocean Logistics',
      'SC-2026-117',
      '40W LED panel 600x600',
      '2,000',
      'pcs',
      'Acme GmbH, DE',
    ]) {
      expect(part).toContain(s);
    }
    expect(part).toContain(EXPORTER.name);
  }
  expect(sent.purpose).toBe('booking-request');
});

test('telex-release request goes to the forwarder with the B/L, vessel, ports, consignee and why it may go', async () => {
  const sent = await mail.activities.sendTelexReleaseRequest(telexReleaseRequest());
  const { envelope, parsed } = only();
  expect(envelope.to.sort()).toEqual(['booking@forwarder.example', 'li.wei@exporter.example']);
  expect(addresses(parsed.to)).toEqual(['booking@forwarder.example']);
  expect(addresses(parsed.replyTo)).toEqual(['li.wei@exporter.example']);
  expect(parsed.messageId).toBe('<PO-2026-0001.telex-release-request.1@exporter.example>');
  expect(parsed.subject).toBe('Telex release request: B/L NBHAM2700123, order PO-2026-0001');
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    for (const s of [
      'NBHAM2700123',
      '2027-02-20',
      'MSC Aurora AU123W',
      'Hamburg',
      'Acme GmbH, DE',
      'paid in full',
    ])
      expect(part).toContain(s);
    expect(part).toContain('without presentation of the original bills of lading');
  }
  expect(sent.purpose).toBe('telex-release-request');
});

test('booking request without a ready date says it is to be confirmed', async () => {
  await mail.activities.sendBookingRequest(bookingRequest({ readyDate: null }));
  expect(only().parsed.subject).toContain('cargo ready to be confirmed');
});

test('document copies: customer (cc account manager), COPY PDFs with invoice number, totals and B/L number', async () => {
  const sent = await mail.activities.sendDocumentCopies(documentSet());
  const { envelope, parsed } = only();
  expect(envelope.to.sort()).toEqual(['jane@acme.example', 'li.wei@exporter.example']);
  expect(addresses(parsed.to)).toEqual(['jane@acme.example']);
  expect(addresses(parsed.cc)).toEqual(['li.wei@exporter.example']);
  expect(parsed.messageId).toBe('<PO-2026-0001.document-copies.1@exporter.example>');
  expect(parsed.date?.toISOString()).toBe('2027-02-20T09:30:00.000Z');
  expect(parsed.subject).toBe('Documents for verification: invoice CI-SC-2026-117, order PO-2026-0001');
  expect(parsed.text).toContain('COPIES');
  expect(String(parsed.html)).toContain('COPIES');
  expect(parsed.text).toContain('USD 8,610.87');

  const [invoice, packing] = pdfs(parsed);
  expect(invoice?.filename).toBe('Commercial-Invoice-CI-SC-2026-117-COPY.pdf');
  expect(packing?.filename).toBe('Packing-List-PL-SC-2026-117-COPY.pdf');
  expect(invoice?.content.subarray(0, 5).toString()).toBe('%PDF-');

  // Lines wrap where the layout puts them: compare with the breaks as spaces.
  const invoiceText = (await pdfText(invoice.content)).text.replace(/\n/g, ' ');
  for (const s of [
    'COMMERCIAL INVOICE',
    'COPY - FOR VERIFICATION ONLY',
    'CI-SC-2026-117',
    'Contract No.: SC-2026-117',
    'Date: 2027-02-20',
    'Acme GmbH',
    EXPORTER.name,
    'FOB Ningbo (Incoterms 2020)',
    '30% deposit by T/T before production',
    'MSC AURORA / FE607W',
    'MEDUNB123456',
    'MSCU1234565',
    '12,300.00',
    '1.25',
    'Total FOB Ningbo USD 12,301.25',
    'Deposit received USD 3,690.38',
    'Amount outstanding USD 8,610.87',
  ]) {
    expect(invoiceText).toContain(s);
  }
  const packingText = (await pdfText(packing.content)).text;
  for (const s of [
    'PACKING LIST',
    'PL-SC-2026-117',
    'Invoice No.: CI-SC-2026-117',
    'MEDUNB123456',
    '2,000 pcs',
    '12.5 kg',
  ]) {
    expect(packingText).toContain(s);
  }
  // Prices belong on the invoice only.
  expect(packingText).not.toContain('6.15');
  expect(packingText).not.toContain('12,301.25');
  expect(sent.purpose).toBe('document-copies');
});

test('document dispatch: same documents marked ORIGINAL, final wording', async () => {
  const sent = await mail.activities.dispatchDocuments(documentSet({ payments: paidInFull() }));
  const { parsed } = only();
  expect(parsed.messageId).toBe('<PO-2026-0001.document-dispatch.1@exporter.example>');
  expect(parsed.subject).toBe('Shipping documents: invoice CI-SC-2026-117, order PO-2026-0001');
  expect(parsed.text).toContain('telex released');
  const [invoice, packing] = pdfs(parsed);
  expect(invoice?.filename).toBe('Commercial-Invoice-CI-SC-2026-117.pdf');
  expect(packing?.filename).toBe('Packing-List-PL-SC-2026-117.pdf');
  const text = (await pdfText(invoice.content)).text;
  expect(text).toContain('ORIGINAL');
  expect(text).not.toContain('COPY');
  expect(text).toContain('Amount outstanding USD 0.00');
  expect(sent.purpose).toBe('document-dispatch');
});

test('cancellation notice tells the account manager the stage and reason', async () => {
  const sent = await mail.activities.sendCancellationNotice(cancellation());
  const { envelope, parsed } = only();
  expect(envelope.to).toEqual(['li.wei@exporter.example']);
  expect(parsed.messageId).toBe('<PO-2026-0001.cancellation-notice.1@exporter.example>');
  expect(parsed.subject).toBe('Order PO-2026-0001 for Acme GmbH cancelled in Contract');
  expect(parsed.text).toContain('Customer found another supplier');
  expect(String(parsed.html)).toContain('Customer found another supplier');
  expect(sent.sentAt).toBe('2026-12-10T12:00:00.000Z');
});

test('without requestedAt the injected clock dates the email', async () => {
  const sent = await mail.activities.sendCancellationNotice(cancellation({ requestedAt: undefined }));
  expect(sent.sentAt).toBe('2030-01-01T00:00:00.000Z');
  expect(only().parsed.date?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
});

test('HTML injection in order data is escaped in the HTML part', async () => {
  await mail.activities.sendDocumentCopies(
    documentSet({
      customer: {
        name: HOSTILE,
        company: `Evil <img src=x onerror=alert(1)>`,
        email: 'jane@acme.example',
        country: 'DE',
      },
      trade: {
        contractLines: [
          {
            description: HOSTILE,
            hsCode: null,
            quantity: 1,
            unit: '<b>',
            unitPrice: { amount: '10', currency: 'USD' },
          },
        ],
      },
    }),
  );
  await mail.activities.sendCancellationNotice(cancellation({ reason: HOSTILE, customerCompany: HOSTILE }));
  await mail.activities.sendBookingRequest(
    bookingRequest({ cargo: [{ description: HOSTILE, quantity: 1 }] }),
  );
  await mail.activities.sendStallReminder(
    stallReminder({ customerCompany: HOSTILE, accountManagerName: HOSTILE }),
  );
  expect(mail.sink.messages).toHaveLength(4);
  for (const { parsed } of mail.sink.messages) {
    const htmlPart = String(parsed.html);
    expect(htmlPart).not.toContain('<script>');
    expect(htmlPart).not.toContain('<img');
    expect(htmlPart).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Co&quot;');
    // The plain-text part shows the data as typed.
    expect(parsed.text).toContain(HOSTILE.replace(/\s+/g, ' '));
  }
  // CR/LF in data cannot add headers: the subject stays one line.
  await mail.activities.sendCancellationNotice(
    cancellation({ customerCompany: 'Acme\r\nBcc: victim@evil.example' }),
  );
  const last = mail.sink.messages[mail.sink.messages.length - 1];
  expect(last.parsed.bcc).toBeUndefined();
  expect(last.envelope.to).toEqual(['li.wei@exporter.example']);
  expect(last.parsed.subject).toBe(
    'Order PO-2026-0001 for Acme Bcc: victim@evil.example cancelled in Contract',
  );
});
