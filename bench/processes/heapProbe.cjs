/*
 * Preloaded into the bench's worker (node --require), which also loads it into every worker thread:
 * the SDK runs the workflows in a thread of their own, whose heap the main thread's figures do not
 * include. On SIGPWR the main thread asks every thread (over a BroadcastChannel) for two full
 * garbage collections and its heap after them, collects itself the same way, and writes the heaps
 * by thread, their sum and the process's RSS to HEAP_PROBE_FILE. A reading with the garbage gone is
 * what shows whether memory grows with idle orders; an unforced RSS reading lands anywhere in the GC
 * cycle. SIGPWR because the Temporal runtime takes SIGUSR2 (shutdown) and node SIGUSR1 (inspector).
 */
'use strict';
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');
const { renameSync, writeFileSync } = require('node:fs');
const { BroadcastChannel, isMainThread, threadId } = require('node:worker_threads');

const file = process.env.HEAP_PROBE_FILE;
// a thread's answer waits for this long after the last one before the main thread writes
const QUIET_MS = 700;

if (file) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  // The second collection after the concurrent sweep of the first, so freed pages are returned.
  const collect = (then) => {
    gc();
    setTimeout(() => {
      gc();
      then(process.memoryUsage().heapUsed);
    }, 300);
  };
  // unref'd after each listener (a listener refs it again): the probe keeps no thread alive
  const channel = new BroadcastChannel('bench-heap-probe');
  channel.unref();
  if (isMainThread) {
    process.on('SIGPWR', () => {
      const heapByThread = {};
      let quiet;
      const write = () => {
        channel.onmessage = null;
        collect((heapUsed) => {
          heapByThread[threadId] = heapUsed;
          const { rss, external, arrayBuffers } = process.memoryUsage();
          const total = Object.values(heapByThread).reduce((s, h) => s + h, 0);
          const reading = { at: Date.now(), heapUsed: total, heapByThread, rss, external, arrayBuffers };
          writeFileSync(`${file}.tmp`, JSON.stringify(reading));
          renameSync(`${file}.tmp`, file);
        });
      };
      channel.onmessage = ({ data }) => {
        if (data && data.kind === 'heap') {
          heapByThread[data.threadId] = data.heapUsed;
          clearTimeout(quiet);
          quiet = setTimeout(write, QUIET_MS);
        }
      };
      channel.unref();
      channel.postMessage({ kind: 'probe' });
      quiet = setTimeout(write, QUIET_MS + 1_000);
    });
  } else {
    channel.onmessage = ({ data }) => {
      if (data && data.kind === 'probe') {
        collect((heapUsed) => channel.postMessage({ kind: 'heap', threadId, heapUsed }));
      }
    };
    channel.unref();
  }
}
