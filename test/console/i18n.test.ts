/**
 * The console's dictionaries: the same keys in every language, no empty text, the same {params} in
 * each translation, and a name for every stage, event, email purpose and age bucket the API knows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { EmailPurpose } from '../../src/activities';
import { ORDER_EVENT_TYPES, STAGES, SYSTEM_EVENT_TYPES } from '../../src/domain';
import { AGE_BUCKET_KEYS } from '../../src/domain/receivables';

const DIR = path.resolve(__dirname, '..', '..', 'src', 'console', 'public', 'i18n');

/** A dictionary module (`export default { ... }`) read as the browser would evaluate its object. */
function dictionary(file: string): Record<string, unknown> {
  const source = readFileSync(path.join(DIR, file), 'utf8');
  const body = source.slice(source.indexOf('export default') + 'export default'.length).replace(/;\s*$/, '');
  return runInNewContext(`(${body})`) as Record<string, unknown>;
}

const en = dictionary('en.js');
const zh = dictionary('zh-CN.js');
const params = (text: unknown) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// The payment-plan events the lead is adding: named before their forms arrive.
const PAYMENT_PLAN_EVENTS = [
  'PAYMENT_RECEIVED',
  'LC_RECEIVED',
  'LC_AMENDED',
  'DOCUMENTS_PRESENTED',
  'DISCREPANCY_NOTICED',
  'DISCREPANCY_RESOLVED',
  'LC_HONOURED',
  'SENT_FOR_COLLECTION',
  'DRAFT_ACCEPTED',
  'COLLECTION_PAID',
  'RELEASE_APPROVED',
  'PAYMENT_WRITTEN_OFF',
];

describe('console dictionaries', () => {
  it('have identical key sets', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty value, and the same placeholders in each language', () => {
    for (const [key, text] of Object.entries(en)) {
      expect({ key, ok: typeof text === 'string' && text.trim() !== '' }).toEqual({ key, ok: true });
      expect({ key, zh: typeof zh[key] === 'string' && String(zh[key]).trim() !== '' }).toEqual({
        key,
        zh: true,
      });
      expect({ key, params: params(zh[key]) }).toEqual({ key, params: params(text) });
    }
  });

  it('name every stage, event, email purpose and age bucket', () => {
    const needed = [
      ...STAGES.map((s) => `stage.${s}`),
      ...['ORDER_CREATED', ...ORDER_EVENT_TYPES, ...SYSTEM_EVENT_TYPES, ...PAYMENT_PLAN_EVENTS].map(
        (e) => `event.${e}`,
      ),
      ...Object.values(EmailPurpose).map((p) => `purpose.${p}`),
      ...AGE_BUCKET_KEYS.map((b) => `bucket.${b}`),
    ];
    expect(needed.filter((key) => !(key in en))).toEqual([]);
  });

  it('use the trade terms Chinese exporters use', () => {
    expect(
      [
        'INQUIRY',
        'QUOTATION',
        'SAMPLE',
        'CONTRACT',
        'DEPOSIT',
        'PRODUCTION',
        'SHIPPING',
        'BALANCE',
        'DOCUMENTS',
      ].map((s) => zh[`stage.${s}`]),
    ).toEqual(['询盘', '报价', '打样', '合同', '预付款', '生产', '订舱/报关/提单', '尾款', '放单']);
    expect(zh['enum.TELEX_RELEASE']).toBe('电放');
    expect(Object.values(zh).join('')).not.toContain('定金');
  });
});
