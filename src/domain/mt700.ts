/**
 * A documentary credit from the SWIFT MT700 text the advising bank forwards (and the changes of an
 * MT707 amendment). Reads the tags the order needs; a mandatory tag missing or a value that does not
 * parse is a problem naming the tag. What the message cannot say (the issuing bank when only the
 * sender's header names it; a single latest date when 44D gives a period) stays null, for the
 * caller to give beside it.
 */
import { toMinor, type Money } from './money';

export const PARTIAL_OR_TRANSHIPMENT = ['ALLOWED', 'NOT_ALLOWED', 'CONDITIONAL'] as const;
export type ShipmentPermission = (typeof PARTIAL_OR_TRANSHIPMENT)[number];

export interface CreditTerms {
  lcNo: string;
  /** 31C, YYYY-MM-DD. */
  issueDate: string;
  /** 31D. */
  expiryDate: string;
  expiryPlace: string;
  /** 32B. */
  amount: Money;
  /** 39A, percent either way; null when the credit allows none. */
  tolerance: { plusPercent: number; minusPercent: number } | null;
  /** 43P and 43T; null when the message is silent (UCP 600 art. 31a: partial shipments allowed). */
  partialShipments: ShipmentPermission | null;
  transhipment: ShipmentPermission | null;
  /** 44C; null when 44D gives a shipment period instead. */
  latestShipmentDate: string | null;
  /** 44D, as worded. */
  shipmentPeriod: string | null;
  /** 44E and 44F. */
  portOfLoading: string | null;
  portOfDischarge: string | null;
  /** 45A, 46A, 47A. */
  goodsDescription: string;
  documentsRequired: string | null;
  additionalConditions: string | null;
  /** 48, days after shipment; null when silent (UCP 600 art. 14c: 21 days). */
  presentationDays: number | null;
  /** 52A (a BIC) or 52D (name and address); null when the message does not hold it. */
  issuingBank: string | null;
}

export interface TagProblem {
  tag: string;
  message: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: TagProblem[] };

/** An MT700 holds at most 10,000 characters of text; with its headers and line ends, well below this. */
export const MT700_MAX_LENGTH = 20_000;
const MAX_TEXT = MT700_MAX_LENGTH;

/** The text block (`{4: ... -}`) or the whole text, as tag -> value (continuation lines joined with \n). */
export function readTags(message: string): { tags: Map<string, string>; problems: TagProblem[] } {
  const tags = new Map<string, string>();
  const problems: TagProblem[] = [];
  const block = /\{4:([\s\S]*?)(?:-\}|$)/.exec(message);
  const body = (block ? block[1] : message).replace(/\r\n?/g, '\n');
  let current: string | null = null;
  for (const raw of body.split('\n')) {
    const start = /^:(\d{2}[A-Z]?):(.*)$/.exec(raw);
    if (start) {
      current = start[1];
      if (tags.has(current)) problems.push({ tag: current, message: 'appears more than once' });
      tags.set(current, start[2]);
    } else if (current !== null && raw.trim() !== '' && raw.trim() !== '-}') {
      tags.set(current, `${tags.get(current)}\n${raw}`);
    }
  }
  for (const [tag, value] of tags) tags.set(tag, value.trim());
  return { tags, problems };
}

/** SWIFT dates are YYMMDD; years 00-79 are 20xx (credits are never that old). */
export function swiftDate(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})/.exec(text);
  if (!m) return null;
  const year = Number(m[1]) < 80 ? 2000 + Number(m[1]) : 1900 + Number(m[1]);
  const iso = `${year}-${m[2]}-${m[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** `USD123456,78` (SWIFT's decimal comma, at most two decimals). */
export function swiftAmount(text: string): Money | null {
  const m = /^([A-Z]{3})(\d{1,15}),(\d{0,2})$/.exec(text.replace(/\s/g, ''));
  if (!m) return null;
  const money = { amount: `${m[2]}.${m[3].padEnd(2, '0')}`.replace(/^0+(?=\d)/, ''), currency: m[1] };
  return toMinor(money) > 0n ? money : null;
}

function permission(text: string): ShipmentPermission | null {
  const word = text
    .toUpperCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
  if (/^(NOT ALLOWED|PROHIBITED|NOT PERMITTED)/.test(word)) return 'NOT_ALLOWED';
  if (/^(ALLOWED|PERMITTED)/.test(word)) return 'ALLOWED';
  if (/^CONDITIONAL/.test(word)) return 'CONDITIONAL';
  return null;
}

/** 48: `21/FROM THE DATE OF SHIPMENT` (SR 2018) or the older free text "WITHIN 21 DAYS AFTER ...". */
function presentationDays(text: string): number | null {
  const m = /^(\d{1,3})(?:\/|\s|$)/.exec(text) ?? /WITHIN\s+(\d{1,3})\s+DAYS/i.exec(text);
  if (!m) return null;
  const days = Number(m[1]);
  return days >= 1 && days <= 180 ? days : null;
}

function textTag(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

const MANDATORY = ['20', '31C', '31D', '32B', '45A'] as const;

/** An MT700's credit terms, or the tags that are missing or bad. */
export function parseMt700(message: string): Parsed<CreditTerms> {
  if (message.length > MAX_TEXT) {
    return { ok: false, problems: [{ tag: 'mt700', message: `longer than ${MAX_TEXT} characters` }] };
  }
  const { tags, problems } = readTags(message);
  for (const tag of MANDATORY) {
    if (!tags.get(tag)) problems.push({ tag, message: 'mandatory tag missing' });
  }
  const bad = (tag: string, why: string) => problems.push({ tag, message: why });

  const lcNo = tags.get('20') ?? '';
  if (lcNo !== '' && !/^[A-Za-z0-9/\-?:().,'+ ]{1,16}$/.test(lcNo)) bad('20', 'at most 16 SWIFT characters');

  const issueDate = tags.has('31C') ? swiftDate(tags.get('31C') ?? '') : '';
  if (issueDate === null) bad('31C', 'date of issue must be YYMMDD');

  const expiry = tags.get('31D') ?? '';
  const expiryDate = tags.has('31D') ? swiftDate(expiry) : '';
  if (expiryDate === null) bad('31D', 'must be YYMMDD followed by the place of expiry');

  const amount = tags.has('32B') ? swiftAmount(tags.get('32B') ?? '') : null;
  if (tags.has('32B') && amount === null)
    bad('32B', 'must be a currency and a positive amount, e.g. USD12345,67');

  let tolerance: CreditTerms['tolerance'] = null;
  if (tags.has('39A')) {
    const m = /^(\d{1,2})\/(\d{1,2})$/.exec(tags.get('39A') ?? '');
    if (m) tolerance = { plusPercent: Number(m[1]), minusPercent: Number(m[2]) };
    else bad('39A', 'must be plus/minus percent, e.g. 05/05');
  }

  const allowance = (tag: string): ShipmentPermission | null => {
    if (!tags.has(tag)) return null;
    const value = permission(tags.get(tag) ?? '');
    if (value === null) bad(tag, 'must be ALLOWED, NOT ALLOWED or CONDITIONAL');
    return value;
  };
  const partialShipments = allowance('43P');
  const transhipment = allowance('43T');

  let latestShipmentDate: string | null = null;
  if (tags.has('44C')) {
    latestShipmentDate = swiftDate(tags.get('44C') ?? '');
    if (latestShipmentDate === null) bad('44C', 'latest date of shipment must be YYMMDD');
  }
  if (tags.has('44C') && tags.has('44D')) bad('44D', 'not with 44C: a credit gives one or the other');

  let days: number | null = null;
  if (tags.has('48')) {
    days = presentationDays(tags.get('48') ?? '');
    if (days === null) bad('48', 'must give the days for presentation (1-180)');
  }

  let issuingBank: string | null = null;
  if (tags.has('52A') && tags.has('52D')) bad('52D', 'not with 52A: one option of the issuing bank');
  if (tags.has('52A')) {
    const bic = (tags.get('52A') ?? '').split('\n').pop()?.trim() ?? '';
    if (!/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) bad('52A', 'must be a BIC, e.g. DEUTDEFFXXX');
    else issuingBank = bic;
  } else if (tags.has('52D')) {
    issuingBank = textTag(tags.get('52D')?.replace(/\n/g, ', '));
  }

  if (problems.length > 0 || !amount || !issueDate || !expiryDate) {
    return { ok: false, problems };
  }
  if (expiryDate < issueDate)
    return { ok: false, problems: [{ tag: '31D', message: 'expiry before the date of issue (31C)' }] };
  if (latestShipmentDate !== null && latestShipmentDate > expiryDate) {
    return { ok: false, problems: [{ tag: '44C', message: 'latest shipment date after the expiry (31D)' }] };
  }
  return {
    ok: true,
    value: {
      lcNo,
      issueDate,
      expiryDate,
      expiryPlace: expiry.slice(6).trim(),
      amount,
      tolerance,
      partialShipments,
      transhipment,
      latestShipmentDate,
      shipmentPeriod: textTag(tags.get('44D')),
      portOfLoading: textTag(tags.get('44E')),
      portOfDischarge: textTag(tags.get('44F')),
      goodsDescription: tags.get('45A') ?? '',
      documentsRequired: textTag(tags.get('46A')),
      additionalConditions: textTag(tags.get('47A')),
      presentationDays: days,
      issuingBank,
    },
  };
}

/** What an MT707 amendment changes. */
export interface CreditAmendment {
  lcNo: string;
  amendmentNo: number | null;
  expiryDate?: string;
  latestShipmentDate?: string;
  /** 32B increase or 33B decrease of the credit amount. */
  increase?: Money;
  decrease?: Money;
}

/** An MT707's changes: 20 (or the credit's number in 21), 26E, 31E, 32B, 33B, 44C. */
export function parseMt707(message: string): Parsed<CreditAmendment> {
  const { tags, problems } = readTags(message);
  const lcNo = tags.get('21') ?? tags.get('20') ?? '';
  if (lcNo === '') problems.push({ tag: '20', message: 'mandatory tag missing' });
  const amendment: CreditAmendment = { lcNo, amendmentNo: null };
  if (tags.has('26E')) {
    const n = Number(tags.get('26E'));
    if (Number.isInteger(n) && n >= 1 && n <= 999) amendment.amendmentNo = n;
    else problems.push({ tag: '26E', message: 'must be the number of the amendment' });
  }
  const date = (tag: string, key: 'expiryDate' | 'latestShipmentDate') => {
    if (!tags.has(tag)) return;
    const value = swiftDate(tags.get(tag) ?? '');
    if (value === null) problems.push({ tag, message: 'must be YYMMDD' });
    else amendment[key] = value;
  };
  date('31E', 'expiryDate');
  date('44C', 'latestShipmentDate');
  for (const [tag, key] of [
    ['32B', 'increase'],
    ['33B', 'decrease'],
  ] as const) {
    if (!tags.has(tag)) continue;
    const value = swiftAmount(tags.get(tag) ?? '');
    if (value === null) problems.push({ tag, message: 'must be a currency and a positive amount' });
    else amendment[key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: amendment };
}
