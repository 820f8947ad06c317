import { execFile } from 'node:child_process';

/**
 * Text of a PDF as a reader sees it (pdf.js via `pdf-parse`). pdf.js loads its worker with a dynamic
 * import, which jest's VM refuses, so the extraction runs in a plain Node child process.
 */
const SCRIPT = `
import { PDFParse } from 'pdf-parse';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
const result = await parser.getText();
await parser.destroy();
process.stdout.write(JSON.stringify({ text: result.text, pages: result.pages.length }));
`;

export interface PdfTextResult {
  text: string;
  pages: number;
}

export function pdfText(data: Buffer): Promise<PdfTextResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '--eval', SCRIPT],
      { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`pdf text extraction failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as PdfTextResult);
      },
    );
    child.stdin?.end(data);
  });
}
