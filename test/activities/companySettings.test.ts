/**
 * Per company (issue 31): an escalated stall reminder also goes to the company's customer managers;
 * letters carry the company's own exporter profile. The company is the order's, read from the
 * activity's workflow id (`<company>:<orderId>`).
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import type { CompanySettings } from '../../src/activities/types';
import { activityCompany } from '../../src/activities/company';
import { EXPORTER, stallReminder } from './fixtures';
import { mailActivities } from './mailActivities';

const SETTINGS: Record<string, { exporterName: string; managers: string[] }> = {
  acme: { exporterName: 'Acme Lighting Export Co.', managers: ['zhou.lan@platform.example'] },
};

const company: CompanySettings = {
  exporter: () => {
    const own = SETTINGS[activityCompany()];
    return Promise.resolve(
      own
        ? { name: own.exporterName, address: 'No. 1 Harbour Road, Ningbo', timeZone: 'Asia/Shanghai' }
        : EXPORTER,
    );
  },
  customerManagers: () => Promise.resolve(SETTINGS[activityCompany()]?.managers ?? []),
};

const mail = mailActivities({ company });

/** Runs an activity as the order `workflowId`'s would run. */
function asWorkflow<T>(workflowId: string, run: () => Promise<T>): Promise<T> {
  const env = new MockActivityEnvironment({ workflowExecution: { workflowId, runId: 'run-1' } });
  return env.run(run);
}

test("an escalated reminder copies the company's customer manager, with its own letterhead", async () => {
  await asWorkflow('acme:PO-1', () =>
    mail.activities.sendStallReminder(stallReminder({ sequence: 3, escalated: true, cc: [] })),
  );
  const [sent] = mail.sink.messages;
  expect(sent.envelope.to).toContain('zhou.lan@platform.example');
  expect(sent.parsed.text).toContain('Acme Lighting Export Co.');
});

test('a reminder not yet escalated, or of an order from before companies, goes to the account manager only', async () => {
  await asWorkflow('acme:PO-2', () =>
    mail.activities.sendStallReminder(stallReminder({ sequence: 1, escalated: false, cc: [] })),
  );
  await asWorkflow('PO-3', () =>
    mail.activities.sendStallReminder(stallReminder({ sequence: 3, escalated: true, cc: [] })),
  );
  for (const message of mail.sink.messages)
    expect(message.envelope.to).not.toContain('zhou.lan@platform.example');
  expect(await asWorkflow('PO-3', () => Promise.resolve(activityCompany()))).toBe('default');
});
