/** Getting the goods away: booking, customs, the B/L, or the buyer's collection (EXW); insurance (CIF/CIP). */
import { moneySchema } from '../money';
import { describe, z } from '../zod';
import { instant, nullableInstant } from './common';

/** Institute Cargo Clauses: A all risks, B and C named perils. */
export const INSURANCE_COVERS = ['ICC_A', 'ICC_B', 'ICC_C'] as const;
export type InsuranceCover = (typeof INSURANCE_COVERS)[number];

/** The transport document: original B/Ls, a telex release (电放), or a sea waybill. */
export const BL_TYPES = ['ORIGINAL', 'TELEX_RELEASE', 'SEA_WAYBILL'] as const;
export type BlType = (typeof BL_TYPES)[number];

/** EXW: the buyer's carrier collected the goods at our premises. */
export const goodsCollectionSchema = z.object({
  collectedBy: z.string(),
  vehicleOrContainer: z.nullable(z.string()),
  collectedAt: instant,
  /** The collection date (YYYY-MM-DD): under EXW the payment plan counts from it as from a B/L date. */
  collectedOn: z.string(),
});
export type GoodsCollection = z.output<typeof goodsCollectionSchema>;

/** CIF/CIP: the cargo insurance we arranged for the buyer. */
export const insurancePolicySchema = z.object({
  policyNo: z.string(),
  insurer: z.string(),
  cover: z.enum(INSURANCE_COVERS),
  insuredAmount: moneySchema,
  arrangedAt: instant,
});
export type InsurancePolicy = z.output<typeof insurancePolicySchema>;

export const bookingDetailsSchema = z.object({
  forwarder: z.string(),
  vessel: z.string(),
  voyage: z.string(),
  etd: z.string(),
  containerNos: z.array(z.string()),
  /** In the order of `containerNos`; absent where none were given. */
  sealNos: z.optional(z.array(z.string())),
  confirmedAt: instant,
});
export type BookingDetails = z.output<typeof bookingDetailsSchema>;

export const billOfLadingSchema = z.object({
  blNo: z.string(),
  blType: z.enum(BL_TYPES),
  issuedAt: instant,
  /** YYYY-MM-DD: OA due dates and L/C presentation periods count from it. */
  issuedOn: describe(z.string(), 'The B/L date'),
});

/** The declaration's data as CUSTOMS_DECLARED gave it (src/domain/customsDeclaration.ts). */
export const declarationStateSchema = z.object({
  declaredOn: z.optional(z.string()),
  tradeMode: z.optional(z.string()),
  transportMode: z.optional(z.string()),
  destinationCountry: z.optional(z.string()),
  exitPort: z.optional(z.string()),
  lines: z.optional(
    z.array(
      z.object({
        lineNo: z.number(),
        hsCode: z.string(),
        declaredElements: z.string(),
        quantity: z.number(),
        value: moneySchema,
        packages: z.optional(z.number()),
        netWeightKg: z.optional(z.number()),
        grossWeightKg: z.optional(z.number()),
      }),
    ),
  ),
});

export const shippingSchema = z.object({
  /** Absent in orders from before. */
  collected: describe(z.optional(z.nullable(goodsCollectionSchema)), 'EXW: the collection at our premises'),
  /** Absent in orders from before. */
  insurance: describe(z.optional(z.nullable(insurancePolicySchema)), 'CIF/CIP: the cargo insurance'),
  /** Absent in orders from before. */
  cargoReadyNoticeAt: describe(
    z.optional(nullableInstant),
    'F-terms and EXW: when the cargo-ready notice went',
  ),
  booking: z.object({ requestedAt: nullableInstant, confirmed: z.nullable(bookingDetailsSchema) }),
  customs: z.nullable(
    z.object({
      declarationNo: z.string(),
      declaredAt: instant,
      /** Absent when only the number was given (v1 and v2 clients, and orders from before). */
      declaration: describe(z.optional(declarationStateSchema), "The export declaration's data"),
    }),
  ),
  billOfLading: z.nullable(billOfLadingSchema),
});
export type ShippingState = z.output<typeof shippingSchema>;
