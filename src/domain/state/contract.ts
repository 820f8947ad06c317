/** The signed contract. */
import { contractLineSchema, contractTradeFields } from '../contractTerms';
import { moneySchema } from '../money';
import { describe, z } from '../zod';
import { instant } from './common';

export const contractSchema = z.object({
  contractNo: z.string(),
  totalAmount: moneySchema,
  depositPercent: z.number(),
  signedAt: instant,
  /** The given lines, or the accepted quotation's; absent in orders signed before lines. */
  lines: describe(z.optional(z.array(contractLineSchema)), "The contract's lines, as amended"),
  trade: describe(
    z.optional(z.object(contractTradeFields)),
    "Ports, origin, marks, buyer address, equipment, the buyer's forwarder",
  ),
  amendments: describe(z.optional(z.number()), 'How many change orders (CONTRACT_AMENDED)'),
  /** CNY per unit of the contract's currency on the contract date, when recorded: FX gain or loss is measured against it. */
  fxRate: describe(z.optional(z.string()), "The contract date's exchange rate (CNY per unit)"),
  /** Absent in orders from before: ALLOWED. */
  partialShipments: describe(
    z.optional(z.enum(['ALLOWED', 'NOT_ALLOWED'])),
    'Whether the contract may ship in more than one part',
  ),
});
export type ContractState = z.output<typeof contractSchema>;
