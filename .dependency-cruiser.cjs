// The layer rules (issue 28), checked by `npm run layers` and in CI (.ci/run):
//   domain <- workflows <- worker;  domain <- api;  nothing imports upward.
// Shared below both processes: src/text (formatting, escaping), src/documents (the PDF engine),
// src/i18n, src/tracking, src/config, src/readModel, src/codec.
// Type-only imports count (tsPreCompilationDeps): they tie modules together as much as value imports
// do, and a cycle of types is a cycle. The one allowance: workflows may `import type` the activities'
// interfaces (src/activities) and the documents' input types (src/documents), which are erased from
// the workflow bundle.

/** The entry points: processes start here, nothing imports them. */
const ENTRY_POINTS = '^src/(worker[.]ts|api/server[.]ts|dev/(stack|cluster)[.]ts)$';

/** What the workflow shares with its clients (message and search attribute definitions, inputs). */
const WORKFLOW_CONTRACTS = '^src/workflows/(messages|searchAttributes|input|requestIdHeader)[.]ts$';

/** The dictionaries the API generates from src/domain/i18n and serves beside the console (src/console/router.ts). */
const SERVED_DICTIONARIES = '^[.]/i18n/[A-Za-z-]+[.]js$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere in src/, type-only imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'The domain imports only itself and zod: no Temporal, node, I/O, nor other layers.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'workflows-run-on-the-domain',
      comment:
        'Workflow code (the deterministic sandbox) imports the domain, @temporalio/workflow and ' +
        '@temporalio/common; activities and documents only as types.',
      severity: 'error',
      from: { path: '^src/workflows/' },
      to: {
        pathNot: [
          '^src/(workflows|domain)/',
          '(^|/)node_modules/@temporalio/(workflow|common)/',
          '(^|/)node_modules/zod/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'workflows-not-even-types-from-processes',
      comment: 'Not even types from the API, config, read model, tracking or the processes.',
      severity: 'error',
      from: { path: '^src/workflows/' },
      to: { path: '^src/', pathNot: ['^src/(workflows|domain|activities|documents)/'] },
    },
    {
      name: 'api-not-worker-side',
      comment: 'The API never imports activities, the worker, or the workflow implementation.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: ['^src/(activities|workflowBundle|observability)/', '^src/worker[.]ts$'] },
    },
    {
      name: 'api-only-workflow-contracts',
      comment:
        'The API takes from src/workflows only what the workflow shares with clients (and the ' +
        "workflow's type, as a type).",
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/workflows/', pathNot: WORKFLOW_CONTRACTS, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'activities-not-upward',
      comment: 'Activities run under the worker: they import neither the API nor the workflows.',
      severity: 'error',
      from: { path: '^src/activities/' },
      to: { path: '^src/(api|workflows|workflowBundle|dev)/' },
    },
    {
      name: 'shared-not-upward',
      comment:
        'What both processes use (domain, text, documents, i18n, tracking, config, read model, codec) ' +
        'imports neither process: not activities, workflows, the API, the worker nor dev tools.',
      severity: 'error',
      from: { path: '^src/(domain|text|documents|i18n|tracking|config|readModel|codec)/' },
      to: {
        path: [
          '^src/(activities|workflows|api|workflowBundle|observability|dev|console)/',
          '^src/worker[.]ts$',
        ],
      },
    },
    {
      name: 'no-import-of-entry-points',
      comment: 'Processes start at their entry points; nothing imports them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'dev-tools-stay-in-dev',
      comment: 'Only the dev stack imports src/dev.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/dev/' },
      to: { path: '^src/dev/' },
    },
    {
      name: 'console-public-is-static',
      comment: 'The console is static files the API serves as they are: they import only each other.',
      severity: 'error',
      from: { path: '^src/console/public/' },
      to: { pathNot: ['^src/console/public/', SERVED_DICTIONARIES] },
    },
    {
      name: 'nothing-imports-console-public',
      comment: 'The console is served, never imported.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/console/public/' },
      to: { path: '^src/console/public/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a typo in a path, or a package missing from package.json).',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: SERVED_DICTIONARIES },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
