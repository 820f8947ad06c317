/**
 * The export declaration (出口报关单) as the broker files it: its number, date, trade mode (监管方式),
 * transport mode, destination, exit port, and per contract line the 10-digit HS code with its
 * declared elements (申报要素), quantity, value, packages and weights. Checked against the invoice
 * (the contract's lines) and the packing list, so customs, bank and buyer read the same figures.
 */
import { lineTotalMinor, positiveMoneySchema, toMinor, type Money } from './money';
import { calendarDateSchema, line, quantity, text } from './schemas/common';
import type { ValidationDetail } from './schemas/validation';
import { describe, describeCopy, z } from './zod';

/** 监管方式 with their customs codes. */
export const TRADE_MODES = {
  GENERAL_TRADE: '0110',
  PROCESSING_IMPORTED_MATERIALS: '0615',
  PROCESSING_SUPPLIED_MATERIALS: '0214',
  MARKET_PROCUREMENT: '1039',
  CROSS_BORDER_ECOMMERCE: '9610',
} as const;
export type TradeMode = keyof typeof TRADE_MODES;

/** 运输方式 with their customs codes. */
export const TRANSPORT_MODES = { SEA: '2', RAIL: '3', ROAD: '4', AIR: '5', POST: '6' } as const;
export type TransportMode = keyof typeof TRANSPORT_MODES;

const kilos = (description: string) => describe(z.number().check(z.minimum(0), z.maximum(1e9)), description);

export const declarationLineSchema = describe(
  z.strictObject({
    lineNo: describe(z.int().check(z.minimum(1), z.maximum(200)), "1-based position in the contract's lines"),
    hsCode: describe(z.string().check(z.regex(/^\d{10}$/, '10 digits')), 'Chinese HS code, 10 digits'),
    declaredElements: text(1000, 'Declared elements (申报要素): brand, model, material, use ...'),
    quantity: quantity('Declared quantity, in the contract unit'),
    value: describeCopy(positiveMoneySchema, 'Declared value (FOB or the invoice value)'),
    packages: z.optional(describe(z.int().check(z.minimum(0), z.maximum(1e9)), 'Packages')),
    netWeightKg: z.optional(kilos('Net weight, kg')),
    grossWeightKg: z.optional(kilos('Gross weight, kg')),
  }),
  'One line of the declaration',
);

/** The declaration's data beyond its number; every field optional for v1 and v2 clients. */
export const declarationFields = {
  declaredOn: describeCopy(z.optional(calendarDateSchema), 'Declaration date'),
  tradeMode: z.optional(
    describe(
      z.enum(Object.keys(TRADE_MODES) as [TradeMode, ...TradeMode[]]),
      '监管方式: GENERAL_TRADE 0110, PROCESSING_IMPORTED_MATERIALS 0615, PROCESSING_SUPPLIED_MATERIALS 0214, MARKET_PROCUREMENT 1039, CROSS_BORDER_ECOMMERCE 9610',
    ),
  ),
  transportMode: z.optional(
    describe(
      z.enum(Object.keys(TRANSPORT_MODES) as [TransportMode, ...TransportMode[]]),
      '运输方式: SEA 2, RAIL 3, ROAD 4, AIR 5, POST 6',
    ),
  ),
  destinationCountry: z.optional(
    describe(
      z.string().check(z.regex(/^[A-Z]{2}$/, 'an ISO-3166 alpha-2 country code')),
      'Country of destination',
    ),
  ),
  exitPort: z.optional(line(100, 'Customs port of exit (离境口岸), e.g. Ningbo Beilun')),
  lines: z.optional(z.array(declarationLineSchema).check(z.minLength(1), z.maxLength(200))),
};

export type DeclarationLine = z.infer<typeof declarationLineSchema>;
export interface DeclarationData {
  declaredOn?: string;
  tradeMode?: TradeMode;
  transportMode?: TransportMode;
  destinationCountry?: string;
  exitPort?: string;
  lines?: DeclarationLine[];
}

/** What the declaration's checks read of the contract: its lines with their packing. */
export interface DeclaredAgainst {
  lines: {
    quantity: number;
    unitPrice: Money;
    packing?: { packages?: number; netWeightKg?: number; grossWeightKg?: number };
  }[];
}

/** Under the document gate: an 18-digit number and the data a broker's sheet needs. */
export function gateProblems(declarationNo: string, data: DeclarationData): ValidationDetail[] {
  const problems: ValidationDetail[] = [];
  if (!/^\d{18}$/.test(declarationNo))
    problems.push({ path: 'declarationNo', message: 'must be the 18-digit customs declaration number' });
  for (const field of ['declaredOn', 'tradeMode', 'transportMode', 'lines'] as const)
    if (data[field] === undefined)
      problems.push({ path: field, message: 'required while the document gate is on' });
  return problems;
}

/**
 * The declaration against the invoice and packing list: each contract line declared once, with the
 * contract's quantity and amount, and the packing's packages and weights where the contract has them.
 */
export function crossCheck(lines: readonly DeclarationLine[], contract: DeclaredAgainst): ValidationDetail[] {
  const problems: ValidationDetail[] = [];
  const seen = new Set<number>();
  lines.forEach((declared, i) => {
    const path = `lines[${i}]`;
    const line = contract.lines[declared.lineNo - 1];
    if (!line) {
      problems.push({ path: `${path}.lineNo`, message: `the contract has ${contract.lines.length} lines` });
      return;
    }
    if (seen.has(declared.lineNo))
      problems.push({ path: `${path}.lineNo`, message: `line ${declared.lineNo} is declared twice` });
    seen.add(declared.lineNo);
    if (declared.quantity !== line.quantity)
      problems.push({ path: `${path}.quantity`, message: `the invoice says ${line.quantity}` });
    const amount = lineTotalMinor(line.unitPrice, line.quantity);
    if (declared.value.currency !== line.unitPrice.currency || toMinor(declared.value) !== amount) {
      const expected = `${line.unitPrice.currency} ${(Number(amount) / 100).toFixed(2)}`;
      problems.push({ path: `${path}.value`, message: `the invoice says ${expected}` });
    }
    for (const field of ['packages', 'netWeightKg', 'grossWeightKg'] as const) {
      const packed = line.packing?.[field];
      const value = declared[field];
      if (
        packed !== undefined &&
        value !== undefined &&
        Math.round(packed * 1000) !== Math.round(value * 1000)
      )
        problems.push({ path: `${path}.${field}`, message: `the packing list says ${packed}` });
    }
  });
  contract.lines.forEach((_, n) => {
    if (!seen.has(n + 1)) problems.push({ path: 'lines', message: `contract line ${n + 1} is not declared` });
  });
  return problems;
}
