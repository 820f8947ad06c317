/** Field schemas the state's parts share. */
import { moneySchema } from '../money';
import { z } from '../zod';

/** An ISO-8601 instant the domain wrote (from the workflow clock, or normalised to UTC). */
export const instant = z.string();
export const nullableInstant = z.nullable(instant);
export const nullableMoney = z.nullable(moneySchema);
