/**
 * What the Incoterm leaves to the seller (Incoterms 2020). EXW: the buyer collects at our premises.
 * F-terms: the buyer's forwarder books the main carriage; we deliver to it. C- and D-terms: we book
 * and pay the freight; under CIF and CIP we also insure.
 */
import type { Incoterm } from './schemas/common';
import type { OrderState } from './types';

export type IncotermFamily = 'EXW' | 'F' | 'C' | 'D';

export function incotermFamily(incoterm: Incoterm): IncotermFamily {
  if (incoterm === 'EXW') return 'EXW';
  if (incoterm === 'FCA' || incoterm === 'FAS' || incoterm === 'FOB') return 'F';
  if (incoterm === 'CFR' || incoterm === 'CIF' || incoterm === 'CPT' || incoterm === 'CIP') return 'C';
  return 'D';
}

/** The order's Incoterm; the quotation sets it, and every shipping step comes after the quotation. */
export const incotermOf = (s: Pick<OrderState, 'quotation'>): Incoterm | null =>
  s.quotation?.incoterm ?? null;

export const isCollectedByBuyer = (s: Pick<OrderState, 'quotation'>) => incotermOf(s) === 'EXW';

/** C- and D-terms: we book the carriage ourselves. */
export function sellerBooks(s: Pick<OrderState, 'quotation'>): boolean {
  const incoterm = incotermOf(s);
  if (!incoterm) return true;
  const family = incotermFamily(incoterm);
  return family === 'C' || family === 'D';
}

/** CIF and CIP: the seller insures the cargo for the buyer. */
export const sellerInsures = (s: Pick<OrderState, 'quotation'>) => {
  const incoterm = incotermOf(s);
  return incoterm === 'CIF' || incoterm === 'CIP';
};

/** Who pays the main carriage, as the booking request says: prepaid by us (C/D) or collect (EXW/F). */
export const freightTerms = (s: Pick<OrderState, 'quotation'>): 'PREPAID' | 'COLLECT' =>
  sellerBooks(s) ? 'PREPAID' : 'COLLECT';

/** The minimum the CIF/CIP insurance covers: 110 % of the invoice value (Incoterms 2020 A5). */
export const MIN_INSURED_PERCENT = 110;
