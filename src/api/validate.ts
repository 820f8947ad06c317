import type { z } from 'zod/mini';
import {
  orderLimitViolations,
  toValidationDetails,
  type NewOrder,
  type OrderLimits,
  type ValidationDetail,
} from '../domain';
import { ApiError } from './errors';

const AMOUNT = /^-?(0|[1-9]\d{0,12})(\.\d{1,2})?$/;

/** Every `{ amount, currency }` object whose amount is not a valid decimal string, with its path. */
function badMoneyAmounts(
  value: unknown,
  path: string[] = [],
  found: ValidationDetail[] = [],
): ValidationDetail[] {
  if (found.length >= 50 || path.length > 32) return found;
  if (Array.isArray(value)) value.forEach((v, i) => badMoneyAmounts(v, [...path, String(i)], found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (
      'amount' in record &&
      'currency' in record &&
      !(typeof record.amount === 'string' && AMOUNT.test(record.amount))
    )
      found.push({
        path: [...path, 'amount'].join('.'),
        message: 'a decimal string with at most 2 fractional digits, e.g. "12345.60"',
      });
    for (const [k, v] of Object.entries(record)) badMoneyAmounts(v, [...path, k], found);
  }
  return found;
}

/**
 * safeParse that never throws: a refinement in the domain that throws on a value an earlier check
 * already refused (e.g. a money amount with 3 decimals) is still the client's 400, not a 500.
 */
export function parseOr400<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query',
): z.output<S> {
  let result: z.util.SafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(input);
  } catch {
    const details = badMoneyAmounts(input);
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `the ${where} does not match the schema`,
      details.length ? details : [{ path: '', message: 'invalid value' }],
    );
  }
  if (!result.success)
    throw new ApiError(
      400,
      'VALIDATION_FAILED',
      `the ${where} does not match the schema`,
      toValidationDetails(result.error),
    );
  return result.data;
}

/** 400 naming each field of a new order that breaks the deployment's limits (see orderLimitViolations). */
export function refuseOrderBeyondLimits(
  order: Pick<NewOrder, 'accountManager' | 'stageTimeLimits' | 'reminderPolicy'>,
  limits: OrderLimits,
): void {
  const details = orderLimitViolations(order, limits);
  if (details.length)
    throw new ApiError(400, 'VALIDATION_FAILED', "the order is outside this deployment's limits", details);
}
