import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { OPEN_STAGES } from '../domain';
import { flatDictionary } from '../domain/i18n';
import { LANGUAGES } from '../domain/schemas/common';

/**
 * Where the static files are: next to this module (src/console/public when run with tsx, or
 * dist/console/public when the build copies them), else the source tree (a plain `tsc` build).
 */
export function consolePublicDir(): string | undefined {
  const candidates = [
    path.join(__dirname, 'public'),
    path.resolve(__dirname, '..', '..', 'src', 'console', 'public'),
  ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

/** Chart.js's browser build (UMD: a classic script that defines window.Chart). */
export function chartLibraryFile(): string {
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

/**
 * The console's words as ES modules, one per language, made once from the domain's dictionaries:
 * `export default` is the flat `prefix.key` map `t()` reads; `STAGES` the open stages in order.
 */
export function dictionaryModules(): Map<string, string> {
  return new Map(
    LANGUAGES.map((language) => [
      `${language}.js`,
      `export const STAGES = ${JSON.stringify(OPEN_STAGES)};\nexport default ${JSON.stringify(flatDictionary(language))};\n`,
    ]),
  );
}

/**
 * The ops console: static HTML, CSS and ES modules that use only the public API (with the token the
 * user signs in with). Mount at /console. Nothing here needs a token: the data comes from /orders.
 */
export function consoleRoutes(publicDir: string | undefined = consolePublicDir()): Router {
  const router = Router();
  if (!publicDir) {
    // A build without the static files still serves the API; the console says what is missing.
    router.use((_req, res) => {
      res
        .status(404)
        .type('text')
        .send('The ops console is not installed: copy src/console/public to dist/console/public.');
    });
    return router;
  }
  // /console (no slash) -> /console/, so relative module imports resolve under /console/.
  router.use((req, res, next) => {
    if (req.originalUrl === req.baseUrl && (req.method === 'GET' || req.method === 'HEAD')) {
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    next();
  });
  // The chart library, from the installed package (pinned in package.json), never from a CDN.
  const chartJs = chartLibraryFile();
  router.get('/vendor/chart.umd.min.js', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(chartJs, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });
  // The dictionaries (no static copies): express adds an ETag, so a revalidation is a 304.
  const dictionaries = dictionaryModules();
  router.get('/i18n/:file', (req, res, next) => {
    const body = dictionaries.get(req.params.file);
    if (body === undefined) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/javascript; charset=utf-8').send(body);
  });
  router.use(
    express.static(publicDir, {
      index: 'index.html',
      redirect: false,
      fallthrough: true,
      // Small files, changed on deploy: revalidate each time (ETag keeps that cheap).
      maxAge: 0,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  return router;
}
