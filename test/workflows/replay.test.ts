/**
 * Replays every recorded history (test/histories, from real runs of each released workflow version)
 * against the current workflow code. A change that would alter the commands of a running order
 * fails here with a DeterminismViolationError: put such a change behind patched().
 */
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataConverterFor } from '../../src/codec/dataConverter';
import { loadConfig } from '../../src/config/env';
import { ORDER_WORKFLOW_SOURCE } from '../../src/workflowBundle';
import { HISTORY_CODEC_ENV } from '../../harness/codecKeys';

const historiesDir = join(__dirname, '..', 'histories');
const files = readdirSync(historiesDir).filter((name) => name.endsWith('.json'));
/** Every release whose workflow code may still run an order: each one's lives are recorded (HISTORY_VERSION). */
const RELEASES = ['r1.0', 'r1.1'];

describe('replay of recorded order histories', () => {
  it.each(RELEASES)(
    "has %s's lives to replay: each payment method, two shipments, corrections, continue-as-new, reminders, the money tail, a second company",
    (release) => {
      const prefix = `${release}-`;
      const lives = new Set(
        files
          .filter((f) => f.startsWith(prefix))
          .map((f) => f.slice(prefix.length).replace(/-[0-9a-f]{12}\.json$/, '')),
      );
      const required = [
        ...['tt', 'tt-before-shipment', 'lc', 'dp', 'da', 'oa'].map((p) => `plan-${p}`),
        'full-life',
        'two-shipments',
        'corrections',
        'continue-as-new',
        'stall-reminders-and-cancel',
        'money-tail',
        'second-company',
      ];
      expect(required.filter((life) => !lives.has(life))).toEqual([]);
    },
  );

  it('replays every history without a determinism violation', async () => {
    const histories = files.map((file) => ({
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(readFileSync(join(historiesDir, file), 'utf8'))),
    }));
    const results = Worker.runReplayHistories(
      // Plain histories pass the codec as they are; encrypted ones need the key they were recorded under.
      {
        ...ORDER_WORKFLOW_SOURCE,
        dataConverter: dataConverterFor(loadConfig(HISTORY_CODEC_ENV)),
      },
      histories,
    );
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of results) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  });
});
