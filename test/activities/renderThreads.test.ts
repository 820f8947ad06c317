import { documentInput } from '../../src/documents/fromOrder';
import { buildDocumentModel } from '../../src/documents/model';
import { renderDocument } from '../../src/documents/render';
import { createThreadRenderer, type DocumentRenderer } from '../../src/documents/renderThreads';
import { CHINESE_EXPORTER, fullOrder } from './fixtures';

let renderer: DocumentRenderer;
beforeAll(() => {
  renderer = createThreadRenderer();
});
afterAll(async () => {
  await renderer.close();
});

const model = (kind: 'commercial-invoice' | 'packing-list') =>
  buildDocumentModel(documentInput(fullOrder(), kind, CHINESE_EXPORTER));

describe('documents rendered on a thread of their own', () => {
  it('are the bytes in-process rendering gives, several at once', async () => {
    const [invoice, packing] = await Promise.all([
      renderer.render(model('commercial-invoice'), 'COPY'),
      renderer.render(model('packing-list'), 'ORIGINAL'),
    ]);
    expect(invoice.equals(await renderDocument(model('commercial-invoice'), 'COPY'))).toBe(true);
    expect(packing.equals(await renderDocument(model('packing-list'), 'ORIGINAL'))).toBe(true);
  }, 60_000);

  it('start a new thread after the old one is gone', async () => {
    await renderer.close();
    const pdf = await renderer.render(model('packing-list'), 'COPY');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
