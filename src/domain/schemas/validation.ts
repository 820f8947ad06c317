import type { z } from '../zod';

/** One bad field, as the contract's VALIDATION_FAILED `details` lists them. */
export interface ValidationDetail {
  path: string;
  message: string;
}

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Each issue with its path; an unknown field is named by its own path, one detail per field. */
export function toValidationDetails(error: z.core.$ZodError): ValidationDetail[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: joinPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: joinPath(issue.path), message: issue.message }],
  );
}
