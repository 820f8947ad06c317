/**
 * Renders the sample CIF order's documents (Chinese exporter, Russian buyer; the golden tests'
 * fixture) to PDF in artifacts/documents, and page 1 of the invoice and packing list to PNG for the
 * README: `npx tsx scripts/document-samples.ts [pngDir]`. Needs `pdftoppm` (Debian: poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentInput } from '../src/documents/fromOrder';
import { DOCUMENT_KINDS } from '../src/documents/input';
import { buildDocumentModel } from '../src/documents/model';
import { renderDocument } from '../src/documents/render';
import { CHINESE_EXPORTER, fullOrder } from '../test/activities/fixtures';

async function main(pngDir: string): Promise<void> {
  const pdfDir = join('artifacts', 'documents');
  for (const dir of [pdfDir, pngDir]) mkdirSync(dir, { recursive: true });
  const exporter = {
    ...CHINESE_EXPORTER,
    bank: {
      beneficiary: CHINESE_EXPORTER.name,
      bankName: 'Bank of China, Ningbo Branch',
      accountNo: '3582 1234 5678',
      swift: 'BKCHCNBJ92A',
    },
  };
  for (const kind of DOCUMENT_KINDS) {
    const pdf = await renderDocument(
      buildDocumentModel(documentInput(fullOrder(), kind, exporter)),
      'ORIGINAL',
    );
    const file = join(pdfDir, `${kind}.pdf`);
    writeFileSync(file, pdf);
    if (kind === 'commercial-invoice' || kind === 'packing-list')
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        file,
        join(pngDir, kind),
      ]);
  }
}

main(process.argv[2] ?? 'docs/img').catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
