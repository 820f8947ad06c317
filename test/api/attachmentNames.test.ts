import { cleanFileName } from '../../src/api/routes/attachments';

/** How the multipart parser hands over a UTF-8 file name: its bytes read as Latin-1. */
const asParsed = (name: string) => Buffer.from(name, 'utf8').toString('latin1');

describe('the name an attachment is kept under', () => {
  it.each([
    ['a UTF-8 name read as Latin-1', asParsed('销售合同 C-1.pdf'), '销售合同 C-1.pdf'],
    ['a plain name', 'contract.pdf', 'contract.pdf'],
    ['a Latin-1 name', 'café.pdf', 'café.pdf'],
    ['a name with folders', 'C:\\Users\\li\\scans/../BL 9001.png', 'BL 9001.png'],
    ['control and direction characters', 'in\u0000voice\u202Egpj.pdf\n', 'invoicegpj.pdf'],
    ['nothing left', '\u0007/', 'attachment'],
  ])('%s', (_what, raw, kept) => {
    expect(cleanFileName(raw)).toBe(kept);
  });

  it('keeps at most 200 characters, never half of one', () => {
    const kept = cleanFileName(`${'😀'.repeat(300)}.pdf`);
    expect(Array.from(kept)).toHaveLength(200);
    expect(Buffer.from(kept, 'utf8').toString('utf8')).toBe(kept);
  });
});
