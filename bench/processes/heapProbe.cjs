/*
 * Preloaded into the bench's worker (node --require): on SIGPWR, two full garbage collections, then
 * the heap and RSS after them, written to HEAP_PROBE_FILE. A reading with the garbage gone is what
 * shows whether memory grows with idle orders; an unforced RSS reading lands anywhere in the GC
 * cycle. SIGPWR because the Temporal runtime takes SIGUSR2 (shutdown) and node SIGUSR1 (inspector).
 */
'use strict';
const { setFlagsFromString } = require('node:v8');
const { runInNewContext } = require('node:vm');
const { renameSync, writeFileSync } = require('node:fs');

const file = process.env.HEAP_PROBE_FILE;
if (file) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  process.on('SIGPWR', () => {
    gc();
    // The second collection after the concurrent sweep of the first, so freed pages are returned.
    setTimeout(() => {
      gc();
      const { heapUsed, rss, external, arrayBuffers } = process.memoryUsage();
      writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), heapUsed, rss, external, arrayBuffers }));
      renameSync(`${file}.tmp`, file);
    }, 300);
  });
}
