import type { z } from 'zod';
import { ConfigError } from './errors';

/**
 * One environment variable: how it is read, and what the configuration reference
 * (docs/configuration.md, written by scripts/config-doc.ts) says about it.
 */
export interface EnvVariable<S extends z.ZodType = z.ZodType> {
  schema: S;
  description: string;
  /** What applies when it is unset, where that is not the schema's own default (derived, or off). */
  whenUnset?: string;
}

export type EnvVariables = Record<string, EnvVariable>;

export const envVariable = <S extends z.ZodType>(
  schema: S,
  description: string,
  whenUnset?: string,
): EnvVariable<S> => ({ schema, description, ...(whenUnset !== undefined && { whenUnset }) });

type ShapeOf<V extends EnvVariables> = { [K in keyof V]: V[K]['schema'] };

/** The zod object shape of a set of variables. */
export function shapeOf<V extends EnvVariables>(variables: V): ShapeOf<V> {
  const entries = Object.entries(variables).map(([name, v]) => [name, v.schema] as const);
  return Object.fromEntries(entries) as ShapeOf<V>;
}

/** The values read from a set of variables. */
export type EnvOf<V extends EnvVariables> = z.output<z.ZodObject<ShapeOf<V>>>;

/** The default as the reference prints it: `whenUnset`, else the schema's own default, else none. */
export function defaultText(variable: EnvVariable): string | null {
  if (variable.whenUnset !== undefined) return variable.whenUnset;
  const def = variable.schema._zod.def as { type: string; defaultValue?: unknown };
  if (def.type !== 'default') return null;
  const value = def.defaultValue;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? `\`${String(value)}\``
    : null;
}

/** Every problem the schemas find in the environment, one line per variable (each line once). */
export function envProblems(schemas: readonly z.ZodType[], env: NodeJS.ProcessEnv): string[] {
  const lines = schemas.flatMap(
    (schema) => schema.safeParse(env).error?.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`) ?? [],
  );
  return [...new Set(lines)];
}

/** Throws a ConfigError naming every wrong variable. */
export function refuseProblems(lines: readonly string[]): void {
  if (lines.length) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/** Reads and validates the environment against one process's schema; throws naming the variables. */
export function readEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) refuseProblems(envProblems([schema], env));
  return parsed.data as z.output<S>;
}
