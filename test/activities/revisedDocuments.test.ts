import type { DocumentSetInput } from '../../src/domain/effects/documentSet';
import { documentSetInput } from '../../src/domain/effects/documentSet';
import type { Language } from '../../src/domain/schemas/common';
import type { OrderState } from '../../src/domain/types';
import { walkTo } from '../domain/fixtures';
import { mailActivities } from './mailActivities';
import { pdfText } from './pdf-text';

// A correction of the B/L number after the copies went out: the domain bumps the documents'
// revision and sends the copies again. The state is built by hand here (revision 1, what changed,
// the items' revised references), as the domain would leave it.
const mail = mailActivities();

const NOW = '2027-01-20T02:00:00.000Z';

/** The order after its B/L, as first issued. */
function shipped(language?: Language): OrderState {
  const state = walkTo('BALANCE');
  return language ? { ...state, customer: { ...state.customer, language } } : state;
}

/** The same order once a correction changed its B/L number from BL-1 to BL-2. */
function revised(language?: Language): OrderState {
  const state = shipped(language);
  const bl = state.shipping.billOfLading;
  if (!bl) throw new Error('the walk left no B/L');
  return {
    ...state,
    shipping: { ...state.shipping, billOfLading: { ...bl, blNo: 'BL-2' } },
    documents: {
      ...state.documents,
      revision: 1,
      revisions: [
        {
          revision: 1,
          at: '2027-01-20T01:59:00.000Z',
          by: 'manager',
          reason: 'typo in the B/L number',
          eventId: 'fix-bl',
          changes: [{ field: 'blNo', from: 'BL-1', to: 'BL-2' }],
        },
      ],
      items: [
        { kind: 'COMMERCIAL_INVOICE', reference: 'CI-C-1-R1' },
        { kind: 'PACKING_LIST', reference: 'PL-C-1-R1' },
        { kind: 'BILL_OF_LADING', reference: 'BL-2' },
      ],
    },
  };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function sentCopies(input: DocumentSetInput) {
  await mail.activities.sendDocumentCopies(input);
  const [message] = mail.sink.messages;
  if (!message) throw new Error('no email was sent');
  return message.parsed;
}

test('the input of a revised set carries the revision and what changed, under a new sequence', () => {
  const first = documentSetInput(shipped(), NOW);
  expect(first.sequence).toBe(1);
  expect(first.order.documents).toBeUndefined();
  const input = documentSetInput(revised(), NOW);
  expect(input.sequence).toBe(2);
  expect(input.order.documents).toEqual({
    revision: 1,
    revisions: [expect.objectContaining({ changes: [{ field: 'blNo', from: 'BL-1', to: 'BL-2' }] })],
  });
});

test('revised copies in English: revised numbers, the REVISED mark, what changed, a new Message-ID', async () => {
  const parsed = await sentCopies(documentSetInput(revised(), NOW));
  expect(parsed.messageId).toBe(`<${revised().orderId}.document-copies.2@exporter.example>`);
  expect(parsed.subject).toBe(
    `Revised: Documents for verification: invoice CI-C-1-R1, order ${revised().orderId}`,
  );
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('These documents are revision R1: they replace the documents we sent you earlier');
    expect(part).toContain('What changed: B/L no.: BL-1 → BL-2');
  }
  expect(parsed.attachments.map((a) => a.filename)).toEqual([
    'Commercial-Invoice-CI-C-1-R1-COPY.pdf',
    'Packing-List-PL-C-1-R1-COPY.pdf',
  ]);
  const [invoice, packingList] = await Promise.all(
    parsed.attachments.map(async (a) => flat((await pdfText(a.content)).text)),
  );
  for (const s of [
    'COMMERCIAL INVOICE',
    'COPY - FOR VERIFICATION ONLY',
    'REVISED (R1)',
    'No.: CI-C-1-R1',
    'Revision: R1, replaces CI-C-1',
    'BL-2',
  ])
    expect(invoice).toContain(s);
  expect(invoice).not.toContain('BL-1');
  for (const s of ['PACKING LIST', 'REVISED (R1)', 'No.: PL-C-1-R1', 'Invoice No.: CI-C-1-R1'])
    expect(packingList).toContain(s);
});

test('revised copies in Chinese: the subject and the change paragraph in the customer language', async () => {
  const parsed = await sentCopies(documentSetInput(revised('zh-CN'), NOW));
  expect(parsed.subject).toBe(`更正：单据核对：发票 CI-C-1-R1，订单 ${revised().orderId}`);
  for (const part of [parsed.text ?? '', String(parsed.html)]) {
    expect(part).toContain('本套单据为更正版（R1），取代此前发给您的单据，原单据作废。');
    expect(part).toContain('更改内容：提单号：BL-1 → BL-2');
  }
});

test('a first issue says nothing of revisions', async () => {
  const parsed = await sentCopies(documentSetInput(shipped(), NOW));
  expect(parsed.messageId).toBe(`<${shipped().orderId}.document-copies.1@exporter.example>`);
  expect(parsed.subject).toBe(`Documents for verification: invoice CI-C-1, order ${shipped().orderId}`);
  expect(parsed.text).not.toContain('revision');
  const invoice = parsed.attachments[0];
  if (!invoice) throw new Error('no invoice attached');
  const text = flat((await pdfText(invoice.content)).text);
  expect(text).toContain('No.: CI-C-1');
  expect(text).not.toContain('REVISED');
  expect(text).not.toContain('Revision');
});
