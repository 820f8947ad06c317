/**
 * The body of a document-rendering thread (see renderThreads.ts): renders each request with the
 * same code as in-process rendering, so the bytes are the same.
 */
import { parentPort } from 'node:worker_threads';
import type { DocumentMark } from './input';
import type { DocumentModel } from './model';
import { renderDocument } from './render';

export interface RenderRequest {
  id: number;
  model: DocumentModel;
  mark: DocumentMark;
}

export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (request: RenderRequest) => {
  renderDocument(request.model, request.mark).then(
    (pdf) => {
      const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      parentPort?.postMessage({ id: request.id, pdf: bytes } satisfies RenderReply);
    },
    (err: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        error: err instanceof Error ? err.message : String(err),
      } satisfies RenderReply),
  );
});
