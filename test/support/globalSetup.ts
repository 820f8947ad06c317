import { startDevServer } from '../../src/dev/devServer';

// One real Temporal dev server for the whole jest run; test files isolate themselves with their
// own task queues and workflow ids. Tests that kill or restart a server start their own.
export default async function globalSetup(): Promise<void> {
  const server = await startDevServer({ logFile: 'artifacts/temporal-dev-server.log' });
  process.env.TEMPORAL_TEST_ADDRESS = server.address;
  process.env.TEMPORAL_TEST_NAMESPACE = server.namespace;
  (globalThis as { __devServer?: typeof server }).__devServer = server;
}
