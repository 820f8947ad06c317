import type { BundleOptions, WorkerOptions } from '@temporalio/worker';

type WebpackConfigHook = NonNullable<BundleOptions['webpackConfigHook']>;

/**
 * The domain is preloaded: evaluated once per worker and shared by every cached order, where each
 * order would otherwise evaluate its own copy of every zod schema (about 2.8 MB per cached order
 * against 0.3). That is safe because the domain is pure: no module state, no workflow API. The
 * SDK deep-freezes what it shares, so a domain function that mutated a module-level object would
 * fail loudly rather than leak between orders.
 */
// Every domain entry point the workflow imports: a module reached only through one left out would
// be evaluated again for each order.
const preloadModules = [require.resolve('../domain'), require.resolve('../domain/effects')];

/**
 * zod resets a pattern's `lastIndex` before each test, which throws on the frozen patterns of a
 * preloaded schema. The reset only matters to global or sticky patterns (none of the domain's), so
 * the bundle's copy of zod makes it conditional (see zodPatternResets.ts).
 */
const webpackConfigHook: WebpackConfigHook = (config) => ({
  ...config,
  module: {
    ...config.module,
    rules: [
      ...(config.module?.rules ?? []),
      {
        test: /[\\/]zod[\\/]v4[\\/]core[\\/](checks|schemas)\.c?js$/,
        use: [require.resolve('./zodPatternResets')],
      },
    ],
  },
});

/**
 * What goes into the order workflows' bundle, for the worker, `npm run build`, the history
 * recorder, the tests and the benchmark alike.
 */
export const ORDER_WORKFLOW_BUNDLE = {
  workflowsPath: require.resolve('../workflows'),
  // Request ids in workflow logs.
  workflowInterceptorModules: [require.resolve('../workflows/interceptors')],
  preloadModules,
  webpackConfigHook,
} satisfies BundleOptions;

/** The same, as options of a worker that bundles at start (run from source) or of a replayer. */
export const ORDER_WORKFLOW_SOURCE = {
  workflowsPath: ORDER_WORKFLOW_BUNDLE.workflowsPath,
  bundlerOptions: { preloadModules, webpackConfigHook },
  interceptors: { workflowModules: ORDER_WORKFLOW_BUNDLE.workflowInterceptorModules },
} satisfies Partial<WorkerOptions>;
