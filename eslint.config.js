// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const { builtinModules } = require('node:module');

// Workflow code runs in Temporal's deterministic sandbox: no Node built-ins and no packages with
// I/O. Only the workflow SDK, @temporalio/common, our pure domain and zod may be imported there.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const forbiddenInWorkflows = [
  ...nodeBuiltins.map((name) => ({
    name,
    message: 'Node built-ins are not deterministic: not in workflow code.',
  })),
];
const forbiddenPackagePatterns = [
  {
    group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
    message: 'Workflow code may use only @temporalio/workflow and @temporalio/common.',
  },
  {
    group: [
      'express',
      'express-*',
      'nodemailer',
      'pdfkit',
      'helmet',
      '**/activities',
      '**/activities/*',
      '**/api/*',
    ],
    message: 'Workflow code may not import I/O packages or other layers (use `import type` for activities).',
    allowTypeImports: true,
  },
];

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'coverage',
      '.temporal-venv',
      // the contract fuzzer's Python environment (.ci/run makes it after the lint)
      '.fuzz-venv',
      '.data',
      'artifacts',
      '*.js',
      // the layer rules' configuration (plain CommonJS, read by dependency-cruiser)
      '.dependency-cruiser.cjs',
      // plain CommonJS preloaded into a built worker by the bench
      'bench/processes/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/workflows/**/*.ts', 'src/domain/**/*.ts', 'test/**/*Workflow.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: forbiddenInWorkflows, patterns: forbiddenPackagePatterns },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@temporalio/*', 'express', 'nodemailer'], message: 'The domain is pure.' }] },
      ],
      // The workflow bundle preloads the domain once for every cached order (src/workflowBundle):
      // module state would be shared between orders.
      'no-restricted-syntax': [
        'error',
        {
          selector: ":matches(Program, ExportNamedDeclaration) > VariableDeclaration[kind!='const']",
          message: 'No module state in the domain: it is shared by every cached order.',
        },
        {
          selector:
            ':matches(Program, ExportNamedDeclaration) > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet)$/]',
          message: 'No module state in the domain: it is shared by every cached order.',
        },
      ],
    },
  },
  {
    // The ops console: plain browser ES modules, served as they are (no build, no type information).
    files: ['src/console/public/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'location',
          'sessionStorage',
          'localStorage',
          'navigator',
          'fetch',
          'URLSearchParams',
          'Node',
          'CSS',
          'crypto',
          'URL',
          'setTimeout',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // jest's expect(...).rejects and mocks trip these without making tests less safe.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
