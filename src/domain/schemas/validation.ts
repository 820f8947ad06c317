import type { z } from '../zod';

/** One bad field, as the contract's VALIDATION_FAILED `details` lists them. */
export interface ValidationDetail {
  path: string;
  message: string;
}

export function toValidationDetails(error: z.core.$ZodError): ValidationDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
