import { Router } from 'express';

// A small self-contained docs page: nothing loads from the internet, and the script is a file of
// its own so helmet's default Content-Security-Policy (script-src 'self') stays on.
const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Export order desk API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 1rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
.op { border: 1px solid #ccd; border-radius: 6px; margin: .6rem 0; }
.op > summary { cursor: pointer; padding: .5rem .7rem; }
.op > div { padding: .3rem .9rem .9rem; }
.m { display: inline-block; min-width: 3.6rem; font-weight: 700; text-transform: uppercase; }
.get { color: #1565c0; } .post { color: #2e7d32; }
pre { background: #f5f6f8; padding: .6rem; overflow: auto; max-height: 24rem; }
textarea { width: 100%; min-height: 8rem; font-family: monospace; }
input[type=text] { width: 22rem; }
label { display: block; margin: .3rem 0; }
</style>
</head>
<body>
<h1>Export order desk API</h1>
<p>Generated from <a href="/openapi.json">/openapi.json</a>.
<label>Bearer token <input type="text" id="token" placeholder="local-ops-token" autocomplete="off"></label></p>
<div id="ops">Loading…</div>
<script src="/docs/app.js"></script>
</body>
</html>`;

const script = `'use strict';
(async function () {
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => (k === 'class' ? (node.className = v) : node.setAttribute(k, v)));
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  };
  const token = document.getElementById('token');
  token.value = sessionStorage.getItem('token') || '';
  token.addEventListener('change', () => sessionStorage.setItem('token', token.value));
  const doc = await (await fetch('/openapi.json')).json();
  const root = document.getElementById('ops');
  root.textContent = '';
  const resolve = (schema) => {
    if (schema && schema.$ref) return doc.components.schemas[schema.$ref.split('/').pop()];
    return schema;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters || []).map((p) =>
        el('label', {}, p.in + ' ', el('code', {}, p.name), ' ', el('input', { type: 'text', 'data-in': p.in, 'data-name': p.name, placeholder: (p.schema && p.schema.enum ? p.schema.enum.join('|') : p.description || '') })),
      );
      const bodySchema = op.requestBody && op.requestBody.content['application/json'].schema;
      const body = bodySchema ? el('textarea', { spellcheck: 'false' }) : null;
      const out = el('pre', {}, '');
      const send = el('button', {}, 'Send');
      send.addEventListener('click', async () => {
        let url = path;
        const query = new URLSearchParams();
        for (const input of root.querySelectorAll('[data-op="' + method + path + '"] input')) {
          if (!input.value) continue;
          if (input.dataset.in === 'path') url = url.replace('{' + input.dataset.name + '}', encodeURIComponent(input.value));
          else query.set(input.dataset.name, input.value);
        }
        if ([...query].length) url += '?' + query;
        const headers = {};
        if (token.value) headers.Authorization = 'Bearer ' + token.value;
        if (body) headers['Content-Type'] = 'application/json';
        const res = await fetch(url, { method: method.toUpperCase(), headers, body: body ? body.value : undefined });
        const text = await res.text();
        let shown = text;
        try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
        out.textContent = res.status + ' ' + res.statusText + '\\n' + shown;
      });
      const responses = Object.entries(op.responses || {}).map(([code, r]) => el('li', {}, el('b', {}, code), ' ', r.description));
      root.append(
        el('details', { class: 'op', 'data-op': method + path },
          el('summary', {}, el('span', { class: 'm ' + method }, method), ' ', el('code', {}, path), ' — ', op.summary || ''),
          el('div', {},
            params,
            bodySchema ? [el('p', {}, 'Body schema:'), el('pre', {}, JSON.stringify(resolve(bodySchema), null, 2)), body] : [],
            el('p', {}, 'Responses:'), el('ul', {}, responses),
            send, out)),
      );
    }
  }
  const schemas = el('details', { class: 'op' }, el('summary', {}, 'Schemas'), el('div', {}, el('pre', {}, JSON.stringify(doc.components.schemas, null, 2))));
  root.append(el('h2', {}, 'Components'), schemas);
})().catch((err) => { document.getElementById('ops').textContent = 'Could not load /openapi.json: ' + err; });
`;

/** GET /docs (and /docs/app.js): the interactive documentation page. */
export function docsRoutes(): Router {
  const router = Router();
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  router.get('/docs/app.js', (_req, res) => {
    res.type('application/javascript').send(script);
  });
  return router;
}
