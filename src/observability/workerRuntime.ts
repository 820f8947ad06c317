import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { WorkerConfig } from '../config/workerEnv';
import { writeJsonLogLine } from './jsonLog';

const MEMORY_EVERY_MS = 10_000;

/**
 * The SDK's runtime for the worker process, installed before any connection: JSON log lines, and
 * with `WORKER_METRICS_PORT` the SDK's Prometheus exporter (`/metrics`) with its own telemetry
 * (workflow task failures, schedule-to-start latency, sticky cache, pollers, slots) plus the
 * process's memory, which the SDK does not report.
 */
export function installWorkerRuntime(config: Pick<WorkerConfig, 'worker' | 'logLevel'>): void {
  const bindAddress = config.worker.metricsAddress;
  Runtime.install({
    logger: new DefaultLogger(config.logLevel, writeJsonLogLine),
    telemetryOptions: {
      // The native core's own warnings go through the same JSON logger.
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(bindAddress && { metrics: { prometheus: { bindAddress, useSecondsForDurations: true } } }),
    },
  });
  if (bindAddress) reportMemory();
}

function reportMemory(): void {
  const meter = Runtime.instance().metricMeter;
  const rss = meter.createGauge('orderdesk_worker_memory_rss_bytes', 'int', 'bytes', 'resident set size');
  const heap = meter.createGauge('orderdesk_worker_memory_heap_used_bytes', 'int', 'bytes', 'V8 heap in use');
  const sample = () => {
    const usage = process.memoryUsage();
    rss.set(usage.rss);
    heap.set(usage.heapUsed);
  };
  sample();
  setInterval(sample, MEMORY_EVERY_MS).unref();
}
