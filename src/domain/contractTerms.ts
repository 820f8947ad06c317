/**
 * What the contract says beyond its total: its lines (what the invoice and packing list print) and
 * the trade data the shipping documents and the forwarder need. The lines default to the accepted
 * quotation's; given lines must add up to the contract total exactly (each line rounded once, as
 * `lineTotalMinor` does on the quotation).
 */
import {
  MAX_MONEY_MINOR,
  nonNegativeMoneySchema,
  formatMoney,
  fromMinor,
  lineTotalMinor,
  toMinor,
  unitPriceSchema,
  type Money,
} from './money';
import { forwarderSchema, line, quantity, text, type ProductLine } from './schemas/common';
import type { ValidationDetail } from './schemas/validation';
import type { Quotation } from './state/quotation';
import { describe, describeCopy, z } from './zod';

const kilos = (description: string) =>
  describe(z.optional(z.number().check(z.minimum(0), z.maximum(1e9))), description);

export const linePackingSchema = describe(
  z.strictObject({
    packages: describe(z.optional(z.int().check(z.minimum(0), z.maximum(1e9))), 'Number of packages'),
    netWeightKg: kilos('Net weight, kg'),
    grossWeightKg: kilos('Gross weight, kg'),
    volumeCbm: kilos('Volume, cubic metres'),
  }),
  'Packing of one line',
);

export const contractLineSchema = describe(
  z.strictObject({
    description: line(500, 'What is sold'),
    hsCode: z.optional(
      describe(z.string().check(z.regex(/^\d{4,10}$/, '4 to 10 digits')), 'HS code, 4-10 digits'),
    ),
    quantity: quantity('Contracted quantity'),
    unit: z.optional(line(32, 'Unit of measure, e.g. pcs')),
    unitPrice: unitPriceSchema,
    packing: z.optional(linePackingSchema),
  }),
  'One contract line',
);

export const contractLinesSchema = z.array(contractLineSchema).check(
  z.minLength(1),
  z.maxLength(200),
  z.refine((lines) => lines.every((l) => l.unitPrice.currency === lines[0].unitPrice.currency), {
    message: 'all lines must use the same currency',
  }),
);

export const CONTAINER_TYPES = ['20GP', '40GP', '40HQ', '45HQ', '20RF', '40RF', 'LCL'] as const;

/** Optional trade data on the contract; the documents print "—" where it is missing. */
export const contractTradeFields = {
  portOfLoading: z.optional(line(200, 'Port (or place) of loading')),
  portOfDischarge: z.optional(line(200, 'Port (or place) of discharge')),
  buyerAddress: z.optional(text(1000, "The buyer's address as the documents print it")),
  originCountry: z.optional(
    describe(
      z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO-3166 alpha-2 country code')),
      'Country of origin',
    ),
  ),
  marks: z.optional(text(1000, 'Shipping marks as printed on the packages')),
  packageType: z.optional(line(32, 'Package type of the package counts, e.g. CTNS')),
  containers: z.optional(
    describe(
      z.strictObject({
        type: z.enum(CONTAINER_TYPES),
        count: z.int().check(z.minimum(1), z.maximum(500)),
      }),
      'Equipment for the booking',
    ),
  ),
  buyerForwarder: z.optional(
    describe(forwarderSchema, "The buyer's nominated forwarder (F-terms): it gets the cargo-ready notice"),
  ),
  // Trade data a bank and customs accept
  consignee: z.optional(
    text(
      500,
      'Consignee as the B/L and documents print it, e.g. TO ORDER OF the issuing bank; default the buyer',
    ),
  ),
  notifyParty: z.optional(text(500, 'Notify party on the B/L and documents; default the buyer')),
  freight: describeCopy(
    z.optional(nonNegativeMoneySchema),
    'CFR/CIF/CPT/CIP: the freight in the price, shown apart on the invoice (customs values FOB)',
  ),
  insuranceCost: describeCopy(
    z.optional(nonNegativeMoneySchema),
    'CIF/CIP: the insurance premium in the price, shown apart on the invoice',
  ),
};

export type ContractLine = z.infer<typeof contractLineSchema>;
export type ContractTrade = z.infer<z.ZodMiniObject<typeof contractTradeFields>>;

/** The trade data of an event carrying `contractTradeFields` (and others), without the others. */
export function tradeOf(e: ContractTrade & Record<string, unknown>): ContractTrade {
  const trade: ContractTrade = {};
  for (const key of Object.keys(contractTradeFields) as (keyof ContractTrade)[]) {
    if (e[key] !== undefined) Object.assign(trade, { [key]: e[key] });
  }
  return trade;
}

interface LineSources {
  quotation: Pick<Quotation, 'lines'> | null;
  inquiry: { products: ProductLine[] };
}

/** The quotation's lines as contract lines, each with the unit the inquiry gave for its product. */
export function quotedLines(state: LineSources): ContractLine[] {
  return (state.quotation?.lines ?? []).map((l) => {
    const unit = state.inquiry.products.find((p) => p.description === l.description)?.unit;
    return {
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      ...(unit ? { unit } : {}),
    };
  });
}

/** The contract's lines: its own, or the quotation's for an order signed before contracts had lines. */
export function contractLines(
  state: LineSources & { contract: { lines?: ContractLine[] } | null },
): ContractLine[] {
  return state.contract?.lines ?? quotedLines(state);
}

const sumMinor = (lines: readonly ContractLine[]) =>
  lines.reduce((sum, l) => sum + lineTotalMinor(l.unitPrice, l.quantity), 0n);

/** Quantity x unit price of every line, each rounded once, summed exactly. */
export function linesTotal(lines: readonly ContractLine[]): Money | null {
  if (lines.length === 0) return null;
  return fromMinor(sumMinor(lines), lines[0].unitPrice.currency);
}

/** Why `lines` cannot stand under `total`: another currency, too large, or a sum that differs. */
export function linesProblems(
  lines: readonly ContractLine[],
  total: Money,
  path: string,
): ValidationDetail[] {
  if (lines.length === 0) return [];
  if (lines[0].unitPrice.currency !== total.currency)
    return [
      { path: `${path}.0.unitPrice.currency`, message: `must be the contract's currency ${total.currency}` },
    ];
  const minor = sumMinor(lines);
  if (minor > MAX_MONEY_MINOR)
    return [{ path, message: 'the lines add up to more than 1,000,000,000,000.00' }];
  if (minor !== toMinor(total))
    return [
      {
        path: 'totalAmount',
        message: `must equal the sum of the lines (${formatMoney(fromMinor(minor, total.currency))})`,
      },
    ];
  return [];
}
