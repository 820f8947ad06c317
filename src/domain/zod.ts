/**
 * The domain's zod: `zod/mini`, whose schemas carry no methods. The workflow bundle shares one copy
 * of the domain among all cached orders (src/workflowBundle); the API and every other process load
 * it too, and the classic API cost about 4x the memory for the same schemas.
 */
import * as z from 'zod/mini';

// zod/mini ships without messages; VALIDATION_FAILED details must say what is wrong in words.
z.config(z.locales.en());

/** Attaches a description (for the OpenAPI document) to a schema made for this one place. */
export function describe<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** A described copy of a schema shared by several fields, each with its own description. */
export function describeCopy<T extends z.ZodMiniType>(schema: T, description: string): T {
  return describe(z.clone(schema), description);
}

export { z };
