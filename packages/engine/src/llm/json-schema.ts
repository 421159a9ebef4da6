/**
 * A small JSON Schema checker for the subset the reference uses for structured output and start-block input
 * (type, properties, required, additionalProperties, items, enum). Returns readable problems with paths.
 */
export type JsonSchema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, expected: string): boolean {
  const actual = typeOf(value);
  if (expected === 'number') return actual === 'number' || actual === 'integer';
  return actual === expected;
}

/** Problems of `value` against `schema`, as `path: message` strings (empty when valid; at most 20). */
export function checkJsonSchema(value: unknown, schema: JsonSchema, path = '$', problems: string[] = []): string[] {
  if (problems.length >= 20) return problems;
  const type = schema['type'];
  const types = Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
  if (types.length > 0 && !types.some((expected) => matchesType(value, expected))) {
    problems.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`);
    return problems;
  }
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    problems.push(`${path}: must be one of ${JSON.stringify(allowed)}`);
  }
  if (typeOf(value) === 'object') checkObject(value as Record<string, unknown>, schema, path, problems);
  const items = schema['items'];
  if (Array.isArray(value) && items !== null && typeof items === 'object') {
    value.forEach((item, index) => checkJsonSchema(item, items as JsonSchema, `${path}[${index}]`, problems));
  }
  return problems;
}

function checkObject(value: Record<string, unknown>, schema: JsonSchema, path: string, problems: string[]): void {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]) : [];
  for (const key of required) if (!(key in value)) problems.push(`${path}.${key}: is required`);
  for (const [key, item] of Object.entries(value)) {
    const propertySchema = properties[key];
    if (propertySchema !== undefined) checkJsonSchema(item, propertySchema, `${path}.${key}`, problems);
    else if (schema['additionalProperties'] === false) problems.push(`${path}.${key}: is not allowed`);
  }
}

/**
 * The first JSON value in a model's text: the whole text, a ```json fenced block, or the outermost {…}/[…].
 * Undefined when there is none.
 */
export function extractJson(text: string): unknown {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  if (fenced?.[1] !== undefined) candidates.push(fenced[1].trim());
  const objectStart = text.indexOf('{');
  const arrayStart = text.indexOf('[');
  const start = objectStart === -1 ? arrayStart : arrayStart === -1 ? objectStart : Math.min(objectStart, arrayStart);
  if (start !== -1) candidates.push(text.slice(start, Math.max(text.lastIndexOf('}'), text.lastIndexOf(']')) + 1));
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}
