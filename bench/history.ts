import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** A workflow's history: how many events of which type, its size, and its update results' size. */
export async function historyFigures(client: Client, workflowId: string) {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const byType: Record<string, number> = {};
  let updateResultBytes = 0;
  let updates = 0;
  for (const e of history.events ?? []) {
    const name = String(temporal.api.enums.v1.EventType[e.eventType ?? 0]).replace(/^EVENT_TYPE_/, '');
    byType[name] = (byType[name] ?? 0) + 1;
    const done = e.workflowExecutionUpdateCompletedEventAttributes;
    if (done) {
      updates++;
      updateResultBytes += done.outcome?.success?.payloads?.[0]?.data?.length ?? 0;
    }
  }
  return {
    workflowId,
    events: history.events?.length ?? 0,
    bytes: temporal.api.history.v1.History.encode(history).finish().length,
    updateResultBytesMean: updates ? updateResultBytes / updates : 0,
    byType,
  };
}
