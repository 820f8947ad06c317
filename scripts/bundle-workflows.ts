// Prebuilds the workflow bundle so production workers start without webpack (npm run build).
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ORDER_WORKFLOW_BUNDLE } from '../src/workflowBundle';
import { join, resolve } from 'node:path';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const { code } = await bundleWorkflowCode(ORDER_WORKFLOW_BUNDLE);
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'workflow-bundle.js'), code);
  console.log(`workflow bundle: dist/workflow-bundle.js (${(code.length / 1024).toFixed(0)} kB)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
