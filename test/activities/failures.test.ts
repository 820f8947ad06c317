import { ApplicationFailure } from '@temporalio/common';
import { createActivities, createMailTransport, type OrderActivities } from '../../src/activities';
import { freePort, SmtpSink } from '../../harness/smtp';
import { cancellation, documentOrder, documentSet, EXPORTER, MAIL_FROM, stallReminder } from './fixtures';

const sinks: SmtpSink[] = [];
const transports: ReturnType<typeof createMailTransport>[] = [];

function activitiesFor(smtpUrl: string): OrderActivities {
  const transport = createMailTransport(smtpUrl);
  transports.push(transport);
  return createActivities({
    transport,
    mailFrom: MAIL_FROM,
    exporter: EXPORTER,
    temporalUiUrl: 'http://localhost:8233',
    namespace: 'default',
  });
}

async function startSink(...args: Parameters<typeof SmtpSink.start>): Promise<SmtpSink> {
  const sink = await SmtpSink.start(...args);
  sinks.push(sink);
  return sink;
}

afterAll(async () => {
  transports.forEach((t) => t.close());
  await Promise.all(sinks.map((s) => s.stop()));
});

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

test('SMTP down: retryable SmtpUnavailable; once the server is up the same call succeeds', async () => {
  const port = await freePort();
  const activities = activitiesFor(`smtp://127.0.0.1:${port}`);

  const down = await failureOf(activities.sendCancellationNotice(cancellation()));
  expect(down.type).toBe('SmtpUnavailable');
  expect(down.nonRetryable).toBe(false);

  const sink = await startSink({ port });
  const sent = await activities.sendCancellationNotice(cancellation());
  expect(sink.messages).toHaveLength(1);
  expect(sink.messages[0]?.parsed.messageId).toBe(sent.messageId);
});

test('a 550 for the recipient is non-retryable', async () => {
  const sink = await startSink({ rejectRecipient: (a) => a.endsWith('@gone.example') });
  const activities = activitiesFor(sink.url);
  const failure = await failureOf(
    activities.sendStallReminder(stallReminder({ to: ['nobody@gone.example'] })),
  );
  expect(failure.type).toBe('SmtpRecipientRejected');
  expect(failure.nonRetryable).toBe(true);
  expect(failure.message).toContain('550');
  expect(sink.messages).toHaveLength(0);
});

test('a 550 for one of several recipients still sends, and reports the refused address', async () => {
  const sink = await startSink({ rejectRecipient: (a) => a.endsWith('@gone.example') });
  const activities = activitiesFor(sink.url);
  const sent = await activities.sendStallReminder(
    stallReminder({ cc: ['director@gone.example'], escalated: true }),
  );
  expect(sink.messages.map((m) => m.envelope.to)).toEqual([['li.wei@exporter.example']]);
  expect(sent.rejected).toEqual(['director@gone.example']);
});

test('4xx (421 service not available) is retryable', async () => {
  const sink = await startSink();
  sink.refuseWith = 421;
  const activities = activitiesFor(sink.url);
  const failure = await failureOf(activities.sendCancellationNotice(cancellation()));
  expect(failure.nonRetryable).toBe(false);
  expect(failure.type).toMatch(/^Smtp(TemporaryFailure|Unavailable)$/);
  sink.refuseWith = undefined;
  await activities.sendCancellationNotice(cancellation());
  expect(sink.messages).toHaveLength(1);
});

test('5xx greeting (554) is non-retryable', async () => {
  const sink = await startSink();
  sink.refuseWith = 554;
  const failure = await failureOf(activitiesFor(sink.url).sendCancellationNotice(cancellation()));
  expect(failure.nonRetryable).toBe(true);
  expect(failure.type).toBe('SmtpPermanentFailure');
});

test('a malformed address is non-retryable before anything is sent', async () => {
  const sink = await startSink();
  const activities = activitiesFor(sink.url);
  for (const bad of ['not-an-address', 'a@b.example, c@d.example', 'Eve <eve@evil.example>', '']) {
    const failure = await failureOf(
      activities.sendDocumentCopies(
        documentSet({ customer: { name: 'J', company: 'A', email: bad, country: 'DE' } }),
      ),
    );
    expect(failure.type).toBe('InvalidRecipient');
    expect(failure.nonRetryable).toBe(true);
  }
  expect(sink.messages).toHaveLength(0);
});

test('invalid document data (mixed currencies, bad amounts) is non-retryable', async () => {
  const activities = activitiesFor('smtp://127.0.0.1:1');
  const mixed = await failureOf(
    activities.sendDocumentCopies(
      documentSet({
        payments: { ...documentOrder().payments, depositReceived: { amount: '1.00', currency: 'EUR' } },
      }),
    ),
  );
  expect(mixed.type).toBe('InvalidActivityInput');
  expect(mixed.nonRetryable).toBe(true);
  const float = await failureOf(
    activities.sendDocumentCopies(
      documentSet({
        contract: { ...documentOrder().contract!, totalAmount: { amount: '1.005', currency: 'USD' } },
      }),
    ),
  );
  expect(float.nonRetryable).toBe(true);
});
