import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Where the static files are: next to this module (src/console/public when run with tsx, or
 * dist/console/public when the build copies them), else the source tree (a plain `tsc` build).
 */
export function consolePublicDir(): string {
  const candidates = [
    path.join(__dirname, 'public'),
    path.resolve(__dirname, '..', '..', 'src', 'console', 'public'),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`ops console assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * The ops console: static HTML, CSS and ES modules that use only the public API (with the token the
 * user signs in with). Mount at /console. Nothing here needs a token: the data comes from /orders.
 */
export function consoleRoutes(publicDir: string = consolePublicDir()): Router {
  const router = Router();
  // /console (no slash) -> /console/, so relative module imports resolve under /console/.
  router.use((req, res, next) => {
    if (req.originalUrl === req.baseUrl && (req.method === 'GET' || req.method === 'HEAD')) {
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    next();
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
