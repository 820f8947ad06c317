// Values from the API as people read them: money, times and codes in the user's language.
import { enumName, fieldName, formatTime, money, t } from './i18n.js';

/** A value from the view as text: money, times and codes in the user's language, objects flattened. */
export function show(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'object' && 'amount' in v && 'currency' in v) return money(v);
  if (Array.isArray(v)) return v.map(show).join(', ') || '—';
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${fieldName(k)}: ${show(x)}`)
      .join('; ');
  if (typeof v === 'boolean') return v ? t('order.yes') : t('order.no');
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return formatTime(v);
  if (typeof v === 'string' && /^[A-Z][A-Z0-9_]+$/.test(v)) return enumName(v);
  return String(v);
}
