/** How the order ended, when it was cancelled. */
import { z } from '../zod';
import { instant, nullableInstant } from './common';

/** What happens to money already received when an order is cancelled. */
export const DEPOSIT_HANDLINGS = ['REFUND', 'FORFEIT', 'CREDIT_NOTE'] as const;
export type DepositHandling = (typeof DEPOSIT_HANDLINGS)[number];

export const cancellationSchema = z.object({
  reason: z.string(),
  cancelledAt: instant,
  notifiedAt: nullableInstant,
  /** null when nothing was received. */
  depositHandling: z.nullable(z.enum(DEPOSIT_HANDLINGS)),
});
export type Cancellation = z.output<typeof cancellationSchema>;
