// The public HTTP API, called with the token from sessionStorage (this browser tab's session only),
// or with the cookie of a sign-in at the company's identity provider (writes then carry its CSRF token).

const TOKEN_KEY = 'orderDesk.token';
const COMPANY_KEY = 'orderDesk.company';

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  /** The cookie session after a sign-in at the identity provider: { csrfToken }, or null. */
  cookie: null,
  get signedIn() {
    return Boolean(this.token || this.cookie);
  },
  /** The company this tab works in (X-Company), for people of several companies. */
  get company() {
    return sessionStorage.getItem(COMPANY_KEY);
  },
  chooseCompany(id) {
    if (id) sessionStorage.setItem(COMPANY_KEY, id);
    else sessionStorage.removeItem(COMPANY_KEY);
  },
  signIn(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(COMPANY_KEY);
    this.cookie = null;
  },
};

/** Asks the API whether this browser has a signed-in session; answers { signedIn, signInUrl, ... }. */
export async function loadCookieSession() {
  const answer = await api('GET', '/auth/session', { token: null });
  session.cookie = answer.signedIn ? { csrfToken: answer.csrfToken } : null;
  return answer;
}

/** The headers every call carries: the token or the session's CSRF token, and the chosen company. */
function authHeaders(method, token) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  else if (session.cookie && method !== 'GET' && method !== 'HEAD')
    headers['X-CSRF-Token'] = session.cookie.csrfToken;
  if (session.company) headers['X-Company'] = session.company;
  return headers;
}

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
  const headers = { Accept: 'application/json', ...authHeaders(method, token) };
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
    res = await fetch(path, { headers: authHeaders('GET', session.token) });
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

/**
 * The new-inquiry form's schema: the customer typed in (the API links it to the matching customer
 * record, or creates one); the form's customer picker sends customerId instead.
 */
export async function newOrderSchema() {
  const doc = await openApiDocument();
  const {
    oneOf: _either,
    properties,
    required = [],
    ...schema
  } = doc.paths['/orders'].post.requestBody.content['application/json'].schema;
  const { customerId: _byRecord, ...fields } = properties;
  return {
    ...schema,
    properties: fields,
    required: ['customer', ...required.filter((r) => r !== 'customer')],
  };
}

/** The customer forms' schemas: a new record (POST /customers, its optional id left out) and a replacement (PUT). */
export async function customerSchemas() {
  const doc = await openApiDocument();
  const { id: _given, ...fields } =
    doc.paths['/customers'].post.requestBody.content['application/json'].schema.properties;
  const create = doc.paths['/customers'].post.requestBody.content['application/json'].schema;
  const replace = doc.paths['/customers/{customerId}'].put.requestBody.content['application/json'].schema;
  return { create: { ...create, properties: fields }, replace };
}
