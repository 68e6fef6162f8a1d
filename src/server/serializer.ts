import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';

type JsonSchema = Record<string, unknown>;
type CompilerInput = Parameters<typeof zodSerializerCompiler>[0];

/**
 * Responses are written by a serializer compiled from each route's response schema
 * (fast-json-stringify over the schema's JSON Schema form), not by re-parsing every
 * response through zod: on a page of 50 customers zod's encode cost more than the
 * rest of the request after the query. Only the declared properties are written, so
 * nothing undeclared leaks. Handlers are typed against the same schemas, so what zod
 * would check at runtime is checked at compile time. A schema that has no JSON Schema
 * form (a transform, a date object) keeps zod's serializer.
 */
export function serializerCompiler(input: CompilerInput): (data: unknown) => string {
  const schema = zodSchemaOf(input.schema);
  if (!schema) return zodSerializerCompiler(input);
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-7' }) as JsonSchema;
  } catch {
    return zodSerializerCompiler(input);
  }
  delete json.$schema;
  return fastJson(simplify(json) as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
}

function zodSchemaOf(schema: unknown): z.ZodType | null {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties instanceof z.ZodType ? properties : null;
}

const PRIMITIVE = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/** Whether a schema describes only primitives (or lists of them): safe to write with JSON.stringify. */
function isPlain(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const s = schema as JsonSchema;
  if (Object.keys(s).length === 0 || (Object.keys(s).length === 1 && 'description' in s)) return true; // any value
  if (Array.isArray(s.anyOf)) return s.anyOf.every(isPlain);
  if (Array.isArray(s.type)) return s.type.every((t) => PRIMITIVE.has(t as string));
  if (s.type === 'array') return isPlain(s.items);
  return typeof s.type === 'string' && PRIMITIVE.has(s.type);
}

/**
 * Unions are the slow part of a compiled serializer (each value is matched against every
 * branch). A nullable value becomes a type list, and a union of primitives is written as is.
 */
function simplify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(simplify);
  if (typeof node !== 'object' || node === null) return node;
  const s = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, simplify(v)])) as JsonSchema;
  if (!Array.isArray(s.anyOf)) return s;
  const branches = s.anyOf as JsonSchema[];
  const { anyOf: _anyOf, ...rest } = s;
  if (branches.every(isPlain)) return rest; // any primitive value, written as JSON.stringify would
  const others = branches.filter((b) => b.type !== 'null');
  if (others.length === 1 && others.length < branches.length && typeof others[0]!.type === 'string') {
    return { ...rest, ...others[0], type: [others[0]!.type, 'null'] };
  }
  return s;
}
