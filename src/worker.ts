/**
 * The order worker: runs order workflows and their activities on TEMPORAL_TASK_QUEUE. Stateless, so
 * any number of them may run against one cluster. Stops gracefully on SIGINT/SIGTERM (the SDK's
 * default shutdown signals): running activities finish, nothing is lost.
 */
import { NativeConnection, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createActivities, createMailTransport, type ReminderNotice } from './activities';
import { createThreadRenderer, type DocumentRenderer } from './documents/renderThreads';
import { withHeartbeats } from './activities/heartbeats';
import { createReadModelActivities } from './activities/readModel';
import { activityCompany } from './activities/company';
import { inCompany } from './readModel/companyScope';
import { companySettings } from './activities/companySettings';
import { dataConverterFor } from './codec/dataConverter';
import { loadChatWebhooks } from './config/chatWebhooks';
import { ConfigError } from './config/errors';
import { loadWorkerConfig, type WorkerConfig } from './config/workerEnv';
import { trackingLinks } from './tracking/token';
import { requestIdActivityInterceptor } from './observability/activityRequestId';
import { installWorkerRuntime } from './observability/workerRuntime';
import { temporalConnectionOptions } from './config/temporalConnection';
import { createReadModel, migrateWhenReachable, type ReadModel } from './readModel';
import { ORDER_WORKFLOW_SOURCE } from './workflowBundle';

/**
 * Built code (dist/worker.js) runs the bundle `npm run build` put beside it and starts in
 * milliseconds; from source (tsx) the worker bundles the current workflow code at start, so a
 * developer never runs a stale bundle.
 */
export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const prebuilt = join(__dirname, 'workflow-bundle.js');
  return existsSync(prebuilt) ? { workflowBundle: { codePath: prebuilt } } : ORDER_WORKFLOW_SOURCE;
}

/**
 * The worker with its activities; `readModel` and `renderer` are the caller's to close after the
 * worker stops. Without a renderer, documents render on the worker's main thread.
 */
export async function createOrderWorker(
  config: WorkerConfig,
  connection: NativeConnection,
  readModel: ReadModel,
  renderer?: DocumentRenderer,
): Promise<Worker> {
  const transport = createMailTransport(config.mail.smtpUrl);
  const links = trackingLinks(config.tracking);
  const activities = createActivities({
    transport,
    mailFrom: config.mail.from,
    exporter: config.exporter,
    temporalUiUrl: config.temporal.uiUrl,
    publicBaseUrl: config.tracking.baseUrl,
    namespace: config.temporal.namespace,
    chatWebhooks: loadChatWebhooks(config.chatWebhooksFile),
    trackingLink: (orderId, issuedAt) => links.issue(activityCompany(), orderId, issuedAt).url,
    company: companySettings(readModel, config.exporter),
    keepIssued: (document) => inCompany(activityCompany(), () => readModel.keepIssued(document)),
    ...(renderer && { renderDocument: (model, mark) => renderer.render(model, mark) }),
  });
  const source = workflowSource();
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
    stickyQueueScheduleToStartTimeout: config.worker.stickyQueueTimeoutMs,
    ...source,
    // Request ids in workflow and activity logs; a prebuilt bundle has the workflow part built in.
    interceptors: {
      activity: [requestIdActivityInterceptor],
      ...(source.workflowsPath && { workflowModules: ORDER_WORKFLOW_SOURCE.interceptors.workflowModules }),
    },
    dataConverter: dataConverterFor(config),
    activities: {
      ...withHeartbeats(activities),
      // Heartbeats of its own: their details say which robots an earlier attempt reached.
      notifyChat: (notice: ReminderNotice) => activities.notifyChat(notice),
      ...createReadModelActivities(readModel),
    },
  });
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  installWorkerRuntime(config);
  const log = Runtime.instance().logger;
  // The read model's schema is brought up to date beside the worker (several workers may race here):
  // a worker restarted while PostgreSQL is down still takes events; its read-model writes retry.
  void migrateWhenReachable(config.database.url, {
    onRetry: (err) => {
      log.warn('read model migrations wait for the database', { cause: String(err) });
    },
  });
  const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
  const readModel = createReadModel({ url: config.database.url });
  const renderer = createThreadRenderer();
  try {
    const worker = await createOrderWorker(config, connection, readModel, renderer);
    // Always printed (whatever LOG_LEVEL): `npm start` and the tests wait for this line.
    console.log(
      JSON.stringify({
        level: 'info',
        message: `order worker polling ${config.temporal.taskQueue}`,
        temporal: config.temporal.address,
        metrics: config.worker.metricsAddress && `http://${config.worker.metricsAddress}/metrics`,
      }),
    );
    await worker.run();
  } finally {
    await Promise.all([connection.close(), readModel.close(), renderer.close()]);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
