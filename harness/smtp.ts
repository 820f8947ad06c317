import { once } from 'node:events';
import { type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/**
 * A real SMTP server in the test process (npm `smtp-server`) that keeps every message it accepts,
 * raw and parsed. Workflow and API tests reuse it; nothing here mocks nodemailer.
 */
export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** Fixed port (e.g. one that was down before); a free one when absent. */
  port?: number;
  /** Recipients answered with `550 5.1.1` at RCPT TO. */
  rejectRecipient?: (address: string) => boolean;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** When set, every connection is answered with this code (e.g. 421: try later, 554: go away). */
  refuseWith: number | undefined;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    // eslint-disable-next-line prefer-const -- assigned after the server that refers to it exists
    let sink: SmtpSink | undefined;
    const server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no self-signed STARTTLS for the client to trip over.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect(_session, callback) {
        const code = sink?.refuseWith;
        callback(code ? smtpError('Service not available, try later', code) : null);
      },
      onRcptTo(address: SMTPServerAddress, _session, callback) {
        if (options.rejectRecipient?.(address.address)) {
          callback(smtpError(`5.1.1 <${address.address}>: mailbox unavailable`, 550));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          // Parsed before the 250 reply, so a resolved sendMail() means the message is listed here.
          simpleParser(raw)
            .then((parsed) => {
              const from = session.envelope.mailFrom;
              sink?.messages.push({
                envelope: {
                  from: from ? from.address : '',
                  to: session.envelope.rcptTo.map((r) => r.address),
                },
                raw,
                parsed,
              });
              sink?.notify();
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    // A client that dies mid-session (a SIGKILLed worker) resets its connection: that is the
    // client's failure to report, not a reason to crash the test process.
    server.on('error', () => undefined);
    server.listen(options.port ?? 0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    sink = new SmtpSink(server, port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Messages grouped by Message-ID: what a receiver that dedupes would show. */
  uniqueByMessageId(): ReceivedMail[] {
    const seen = new Map<string, ReceivedMail>();
    for (const m of this.messages) {
      const id = m.parsed.messageId ?? '';
      if (!seen.has(id)) seen.set(id, m);
    }
    return [...seen.values()];
  }

  /** Resolves once `predicate` holds for the received messages (for mail sent by a worker). */
  async waitFor(
    predicate: (messages: ReceivedMail[]) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `SMTP sink: condition not met within ${timeoutMs} ms (${this.messages.length} messages)`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.messages;
  }

  clear(): void {
    this.messages.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    const waiters = this.waiters.splice(0);
    waiters.forEach((w) => w());
  }
}

export { freePort } from '../src/dev/freePort';
