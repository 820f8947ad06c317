import { createActivities, createMailTransport, type OrderActivities } from '../../src/activities';
import type { ActivityDeps } from '../../src/activities/types';
import { SmtpSink } from '../../harness/smtp';
import { EXPORTER, MAIL_FROM } from './fixtures';

export interface MailActivities {
  /** The SMTP server the activities send to; emptied before each test. */
  sink: SmtpSink;
  activities: OrderActivities;
}

/**
 * The order activities over real SMTP for one test file: a sink started before its tests, emptied
 * before each and stopped after them. `deps` changes what differs (the exporter, the clock).
 */
export function mailActivities(deps: Partial<ActivityDeps> = {}): MailActivities {
  const mail = {} as MailActivities;
  let transport: ReturnType<typeof createMailTransport>;
  beforeAll(async () => {
    mail.sink = await SmtpSink.start();
    transport = createMailTransport(mail.sink.url);
    mail.activities = createActivities({
      transport,
      mailFrom: MAIL_FROM,
      exporter: EXPORTER,
      temporalUiUrl: 'http://localhost:8233',
      publicBaseUrl: 'http://localhost:3000',
      namespace: 'default',
      ...deps,
    });
  });
  afterAll(async () => {
    transport.close();
    await mail.sink.stop();
  });
  beforeEach(() => mail.sink.clear());
  return mail;
}
