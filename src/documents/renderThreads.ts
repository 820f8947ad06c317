import { Worker } from 'node:worker_threads';
import type { DocumentMark } from './input';
import type { DocumentModel } from './model';
import type { RenderReply, RenderRequest } from './renderThread';

export interface DocumentRenderer {
  render(model: DocumentModel, mark: DocumentMark): Promise<Buffer>;
  close(): Promise<void>;
}

type Waiting = Map<number, { resolve: (pdf: Buffer) => void; reject: (err: Error) => void }>;

/**
 * Renders PDFs on a thread of its own. A document takes 15-20 ms of CPU (laying out its text and
 * subsetting the embedded Noto fonts; the thread's first one about 300 ms more, while fontkit reads
 * the fonts); on the worker's main thread that time would hold up the SDK's task handling for every
 * other order. A thread that dies fails the renders it had (their activities retry) and the next
 * render starts a new one.
 */
export function createThreadRenderer(): DocumentRenderer {
  const entry = require.resolve('./renderThread');
  let thread: Worker | null = null;
  const waiting: Waiting = new Map();
  let next = 0;

  function start(): Worker {
    // Built code is plain JavaScript; from source the thread registers tsx, as the worker runs under it.
    const started = entry.endsWith('.ts')
      ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true })
      : new Worker(entry);
    const gone = (err: Error) => {
      if (thread === started) thread = null;
      for (const { reject } of waiting.values()) reject(err);
      waiting.clear();
    };
    started.on('message', (reply: RenderReply) => {
      const request = waiting.get(reply.id);
      if (!request) return;
      waiting.delete(reply.id);
      if ('error' in reply) request.reject(new Error(reply.error));
      else request.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    });
    started.on('error', gone);
    started.on('exit', (code) => gone(new Error(`document rendering thread exited (${code})`)));
    // An idle thread does not keep the worker process alive.
    started.unref();
    return started;
  }

  return {
    render(model, mark) {
      thread ??= start();
      const id = ++next;
      const target = thread;
      return new Promise<Buffer>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        target.postMessage({ id, model, mark } satisfies RenderRequest);
      });
    },
    async close() {
      const running = thread;
      thread = null;
      if (running) await running.terminate();
    },
  };
}
