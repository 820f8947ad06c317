/**
 * Prints what an engineer sees of one order in the Temporal UI, read back through the client API:
 * search attributes, static summary, current details and the history's timer and activity summaries.
 *   npx tsx scripts/describe-order.ts PO-2026-0001
 */
import { DEFAULT_COMPANY, orderWorkflowId } from '../src/domain/company';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { payloadCodecFor, dataConverterFor } from '../src/codec/dataConverter';
import { loadConfig } from '../src/config/env';
import { temporalConnectionOptions } from '../src/config/temporalConnection';
import { orderSearchAttributeKeys } from '../src/workflows/searchAttributes';

async function main(orderId: string): Promise<void> {
  const config = loadConfig();
  const connection = await Connection.connect(temporalConnectionOptions(config.temporal));
  try {
    const client = new Client({
      connection,
      namespace: config.temporal.namespace,
      dataConverter: dataConverterFor(config),
    });
    const codec = payloadCodecFor(config);
    const handle = client.workflow.getHandle(orderWorkflowId(DEFAULT_COMPANY, orderId));
    const description = await handle.describe();
    console.log(`# ${orderId} (${description.status.name}, ${description.historyLength} history events)\n`);
    console.log('## Search attributes');
    for (const key of orderSearchAttributeKeys) {
      console.log(`- ${key.name}: ${JSON.stringify(description.typedSearchAttributes.get(key))}`);
    }
    console.log(`\n## Static summary\n${(await description.staticSummary()) ?? '(none)'}`);
    const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
    console.log(`\n## Current details\n${metadata.currentDetails ?? '(none)'}`);
    console.log('\n## History summaries');
    const history = await handle.fetchHistory();
    for (const event of history.events ?? []) {
      const payload = event.userMetadata?.summary;
      if (!payload) continue;
      // History events come as stored: encrypted summaries are decoded here.
      const [decoded] = await codec.decode([payload]);
      const summary = defaultPayloadConverter.fromPayload<string>(decoded);
      const type = temporal.api.enums.v1.EventType[event.eventType ?? 0].replace('EVENT_TYPE_', '');
      console.log(`- #${String(event.eventId)} ${type}: ${summary}`);
    }
  } finally {
    await connection.close();
  }
}

const orderId = process.argv[2];
if (!orderId) {
  console.error('usage: npx tsx scripts/describe-order.ts ORDER_ID');
  process.exit(2);
}
main(orderId).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
