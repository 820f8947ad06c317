import { z } from 'zod';

export type SchemaObject = z.core.JSONSchema.BaseSchema;

/**
 * Zod schemas as OpenAPI 3.0 schema objects, through zod's own `z.toJSONSchema`. Every schema is taken
 * as an opaque zod core schema (no method is called on it), so classic and `zod/mini` schemas both
 * work; descriptions come from zod's global registry. `io` is 'input' for what a client sends (defaults
 * make a field optional) and 'output' for what the API answers.
 *
 * `components` (answers, converted with io 'output') become `$ref`s wherever they appear.
 */
export function openApiSchemas(components: Record<string, z.core.$ZodType>) {
  const names = new Map(Object.entries(components).map(([name, schema]) => [schema, name]));
  const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` });

  function convert(root: z.core.$ZodType, io: 'input' | 'output'): SchemaObject {
    const json = z.toJSONSchema(root, {
      target: 'openapi-3.0',
      io,
      override: ({ zodSchema, jsonSchema }) => {
        const name = names.get(zodSchema);
        if (name !== undefined && zodSchema !== root) {
          for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
          Object.assign(jsonSchema, ref(name));
        } else tidy(zodSchema, jsonSchema, io);
      },
    });
    return inlineDefinitions(json);
  }

  return {
    /** The schema object for one place in the document: a `$ref` for a component, else inline. */
    schema(schema: z.core.$ZodType, io: 'input' | 'output'): SchemaObject {
      const name = names.get(schema);
      return name === undefined ? convert(schema, io) : ref(name);
    },
    /** `components.schemas` of the document. */
    components(): Record<string, SchemaObject> {
      return Object.fromEntries([...names].map(([schema, name]) => [name, convert(schema, 'output')]));
    },
  };
}

/** Where zod's OpenAPI 3.0 output says less (or other) than the schema means. Mutates `json`. */
function tidy(schema: z.core.$ZodTypes, json: SchemaObject, io: 'input' | 'output'): void {
  const def = schema._zod.def;
  // zod closes every object of an output schema; answers may gain fields (the contract extends).
  if (io === 'output' && def.type === 'object' && !def.catchall) delete json.additionalProperties;
  // The variants of a discriminated union exclude each other (and the console looks for oneOf).
  if (def.type === 'union' && 'discriminator' in def && json.anyOf) {
    json.oneOf = json.anyOf;
    delete json.anyOf;
  }
  // A record keyed by an enum has known properties (all of them required unless it is partial).
  if (def.type === 'record') {
    const keys = z.toJSONSchema(def.keyType, { target: 'openapi-3.0' }).enum?.map(String);
    if (keys) {
      json.properties = Object.fromEntries(keys.map((key) => [key, json.additionalProperties ?? {}]));
      json.additionalProperties = false;
      if (def.keyType._zod.values) json.required = keys;
    }
  }
  // Anything goes, null too; and in OpenAPI 3.0 a nullable enum lists null.
  if (def.type === 'unknown' || def.type === 'any') json.nullable = true;
  if (json.nullable && json.enum && !json.enum.includes(null)) json.enum = [...json.enum, null];
  // zod checks an email with its own pattern, which takes addresses `format: email` (RFC 5321) does
  // not (a domain label ending in "-"): the pattern alone says what the validation accepts, and
  // x-format tells the console to offer an email field.
  if (json.format === 'email' && json.pattern) {
    delete json.format;
    json['x-format'] = 'email';
  }
  // z.int()'s safe-integer bounds say no more than "integer".
  if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
}

/**
 * zod moves a schema with an `id` in its metadata (or a cycle) to `definitions` and points at it with
 * `#/definitions/...`, neither of which OpenAPI 3.0 knows; the ops console also builds its forms from
 * request bodies without `$ref`s. So definitions are inlined (and the `id` keyword dropped).
 */
function inlineDefinitions({ definitions, ...root }: SchemaObject): SchemaObject {
  const defs = (definitions ?? {}) as Record<string, SchemaObject>;
  const withoutId = ({ id: _id, ...schema }: SchemaObject) => schema;
  const inline = (node: unknown, path: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => inline(item, path));
    if (node === null || typeof node !== 'object') return node;
    const { $ref } = node as SchemaObject;
    if (typeof $ref === 'string' && !$ref.startsWith('#/components/')) {
      const id = $ref.replace('#/definitions/', '');
      if (!(id in defs) || path.includes(id)) throw new Error(`cannot inline schema $ref ${$ref}`);
      return inline(withoutId(defs[id]), [...path, id]);
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inline(value, path)]));
  };
  return inline(withoutId(root), []) as SchemaObject;
}
