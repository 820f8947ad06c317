// The console's language: English or Simplified Chinese, chosen by the user (kept in localStorage)
// or else the browser's first language we have. Dates and times show in the browser's time zone.
// The dictionaries are the domain's (src/domain/i18n), served by the console's router as modules.
import { humanize } from './dom.js';
import en, { STAGES } from './i18n/en.js';
import zhCN from './i18n/zh-CN.js';

/** The open stages in their order (from the domain's registry). */
export { STAGES };

export const LANGUAGES = [
  { code: 'zh-CN', name: '简体中文', dictionary: zhCN },
  { code: 'en', name: 'English', dictionary: en },
];
const STORAGE_KEY = 'orderDesk.language';

/** The first of the browser's languages we have ("zh", "zh-Hans-CN" -> zh-CN); English otherwise. */
export function browserLanguage(preferred) {
  for (const tag of preferred || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    const found = LANGUAGES.find((l) => l.code.toLowerCase().split('-')[0] === base);
    if (found) return found.code;
  }
  return 'en';
}

function storedLanguage() {
  try {
    const code = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.some((l) => l.code === code) ? code : undefined;
  } catch {
    return undefined;
  }
}

let current =
  storedLanguage() ??
  browserLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
let dictionary = LANGUAGES.find((l) => l.code === current).dictionary;
document.documentElement.lang = current;

export const language = () => current;

export function setLanguage(code) {
  const found = LANGUAGES.find((l) => l.code === code);
  if (!found) return;
  current = code;
  dictionary = found.dictionary;
  document.documentElement.lang = code;
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private windows may refuse storage: the choice then lasts for this page only.
  }
}

/** The text of `key` with {name} placeholders filled; English when the key is missing. */
export function t(key, params = {}) {
  const text = dictionary[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

const named = (prefix) => (name) => {
  const key = `${prefix}.${name}`;
  return key in dictionary ? dictionary[key] : humanize(name);
};
/** Names from the API (stages, events, fields, enum values); an unknown one is spelled out from its code. */
export const stageName = named('stage');
export const statusName = named('status');
export const eventName = named('event');
export const fieldName = named('field');
export const purposeName = named('purpose');
export const roleName = named('role');
export const bucketName = named('bucket');
export const warningName = named('warning');
/** A value's name (a code people use as a code, like FOB or 40HQ, is shown as it is). */
export const enumName = (value) => {
  const v = String(value);
  for (const key of [`enum.${v}`, `doc.${v.toLowerCase().replace(/_/g, '-')}`, `event.${v}`])
    if (key in dictionary) return dictionary[key];
  return v;
};
/** Who recorded something: a user's name, or the desk itself (the workflow records as `system`). */
export const actorName = (actor) => (actor === 'system' ? t('order.system') : actor);
/** A country (ISO 3166 code, as the order stores it) by its name in the user's language; the code if unknown. */
export function countryName(code) {
  try {
    return new Intl.DisplayNames(current, { type: 'region' }).of(String(code)) ?? String(code);
  } catch {
    return String(code); // not a region code the browser knows
  }
}
/** A process-list step as a thing to do; the domain's English title when the key is unknown. */
export const stepTitle = (step) => {
  const title = dictionary[`stepTitle.${step.key}`] ?? step.title;
  // Shipments in parts: a shipment's own step says which shipment.
  return step.shipmentNo ? t('shipment.step', { number: step.shipmentNo, step: title }) : title;
};
/** What to enter in a field, by its name; nothing when the dictionary has no hint for it. */
export const fieldHint = (name) => dictionary[`hint.${name}`];
/** What an event's form records. */
export const eventHint = (type) => dictionary[`eventHint.${type}`];

/**
 * The payment plan as a sentence, as the domain words it: the deposit's words, then the method's
 * (served per method and `balanceDue` from the method's policy, so nothing here compares methods).
 */
export function paymentTermsText(plan) {
  const deposited = plan.depositPercent > 0;
  const deposit = deposited
    ? t('terms.deposit', { percent: plan.depositPercent }) +
      t('terms.balancePart', { percent: 100 - plan.depositPercent })
    : t('terms.whole');
  const method = t(`terms.${plan.balanceMethod}.${plan.balanceDue ?? 'NONE'}`, { tenorDays: plan.tenorDays });
  return `${deposit}${t('terms.separator')}${method}`;
}

/**
 * A timeline line in the user's language, from the event's type and the fields it recorded (the
 * API's `summary` is the domain's English). Money, dates and codes are shown as elsewhere;
 * `extra` adds what the payload does not hold (a correction's target, by its name).
 */
export function timelineSummary(entry, payload, view, extra = {}) {
  const params = {};
  if (entry.type === 'ORDER_CREATED') {
    params.company = view.customer.company;
    params.channel = enumName(view.inquiry.channel);
  }
  for (const [k, v] of Object.entries(payload && typeof payload === 'object' ? payload : {})) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'object' && 'amount' in v && 'currency' in v) params[k] = money(v);
    else if (Array.isArray(v)) params[k] = v.map(String).join('; ');
    else if (k === 'effect') params[k] = dictionary[`effect.${v}`] ?? humanize(String(v));
    else if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) params[k] = formatTime(v);
    else if (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) params[k] = formatDay(v);
    else if (typeof v === 'string' && /^[A-Z][A-Z0-9_]+$/.test(v)) params[k] = enumName(v);
    else if (typeof v !== 'object') params[k] = String(v);
  }
  Object.assign(params, extra);
  const template = dictionary[`summary.${entry.type}`];
  if (!template) return entry.summary || '';
  return template.replace(/\{(\w+)\}/g, (_whole, name) => (name in params ? params[name] : '—'));
}

// ---------- dates, times and money in the user's language and time zone ----------

const dateTimeFormats = new Map();
function dateTimeFormat() {
  if (!dateTimeFormats.has(current))
    dateTimeFormats.set(
      current,
      new Intl.DateTimeFormat(current, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }),
    );
  return dateTimeFormats.get(current);
}

/** An instant in the browser's time zone, e.g. "2026年11月26日 GMT+8 16:00" or "Nov 26, 2026, 04:00 PM GMT+8". */
export function formatTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return dateTimeFormat().format(d);
}

/** A calendar day (YYYY-MM-DD, no time zone) in the user's language. */
export function formatDay(day) {
  if (!day) return '—';
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return String(day);
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** "in 3 hours", "5 分钟前" */
export function relative(iso, now = Date.now()) {
  const ms = new Date(iso).getTime() - now;
  const abs = Math.abs(ms);
  const units = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  const [unit, size] = units.find(([, s]) => abs >= s) || ['second', 1000];
  const n = Math.round(ms / size);
  return new Intl.RelativeTimeFormat(current, { numeric: 'always', style: 'short' }).format(n, unit);
}

/** Money as the contract sends it ({amount: "1234.50", currency}), grouped for reading. */
export function money(m) {
  if (!m) return '—';
  const value = Number(m.amount);
  if (!Number.isFinite(value)) return `${m.amount} ${m.currency}`;
  try {
    return new Intl.NumberFormat(current, { style: 'currency', currency: m.currency }).format(value);
  } catch {
    return `${m.amount} ${m.currency}`;
  }
}
