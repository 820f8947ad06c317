/**
 * The bench's SMTP sink as a process of its own: accepts every message and discards it unparsed
 * (the bench counts nothing in the mail; parsing would only add CPU on the shared machine).
 * Prints `ready <port>`.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => callback());
  },
});
server.on('error', (err: Error) => console.error(`smtp sink: ${err.message}`));
server.listen(0, '127.0.0.1', () => {
  console.log(`ready ${(server.server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
