// The public HTTP API, called with the token from sessionStorage (this browser tab's session only).

const TOKEN_KEY = 'orderDesk.token';

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  signIn(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** A non-2xx answer: status plus the contract's { error: { code, message, details } }. */
export class ApiError extends Error {
  constructor(status, body) {
    const error = (body && body.error) || {};
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.code = error.code || `HTTP_${status}`;
    this.details = error.details;
  }
}

export async function api(method, path, { body, token = session.token } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    throw new ApiError(0, {
      error: { code: 'NETWORK', message: `The API cannot be reached (${err.message})` },
    });
  }
  const text = await res.text();
  let parsed;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!res.ok) throw new ApiError(res.status, parsed);
  return parsed;
}

/**
 * Fetches a file with the session's token and hands it to the browser as a download (a plain link
 * cannot carry the Authorization header).
 */
export async function download(path, fallbackName) {
  let res;
  try {
    res = await fetch(path, { headers: { Authorization: `Bearer ${session.token}` } });
  } catch (err) {
    throw new ApiError(0, { error: { code: 'NETWORK', message: err.message } });
  }
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '');
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = named ? named[1] : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

let openApi;
/** The OpenAPI document (cached): event and inquiry forms are built from its request schemas. */
export async function openApiDocument() {
  openApi ??= api('GET', '/openapi.json', { token: null }).catch((err) => {
    openApi = undefined;
    throw err;
  });
  return openApi;
}

export async function eventSchemas() {
  const doc = await openApiDocument();
  const schema = doc.paths['/orders/{orderId}/events'].post.requestBody.content['application/json'].schema;
  const byType = {};
  for (const variant of schema.oneOf || []) byType[variant.properties.type.enum[0]] = variant;
  return byType;
}

export async function newOrderSchema() {
  const doc = await openApiDocument();
  return doc.paths['/orders'].post.requestBody.content['application/json'].schema;
}
