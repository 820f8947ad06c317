/**
 * The worker metrics the dashboard and the alert rules use. workflowTaskFailures.test.ts checks
 * each is on a real worker's endpoint; alertRules.test.ts checks the rules use no other.
 */
export const WORKER_METRICS = [
  'temporal_workflow_task_execution_failed',
  'temporal_workflow_task_schedule_to_start_latency_bucket',
  'temporal_activity_execution_failed',
  'temporal_sticky_cache_size',
  'temporal_num_pollers',
  'temporal_worker_task_slots_available',
  'orderdesk_worker_memory_rss_bytes',
  'orderdesk_worker_memory_heap_used_bytes',
] as const;
