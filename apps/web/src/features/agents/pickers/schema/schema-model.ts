/** The types a structured-output property can have (the engine's JSON Schema subset). */
export const propertyTypes = ['string', 'number', 'integer', 'boolean', 'object', 'array'] as const;
export type PropertyType = (typeof propertyTypes)[number];

/** A schema node as the table edits it; keywords the table does not edit (enum, format…) ride along in `extra`. */
export interface SchemaNode {
  type: PropertyType;
  description: string;
  /** Object: its fields. */
  properties: SchemaProperty[];
  /** Array: its items. */
  items: SchemaNode | undefined;
  extra: Record<string, unknown>;
}

export interface SchemaProperty {
  /** Stable key for React while names change. */
  key: string;
  name: string;
  required: boolean;
  node: SchemaNode;
}

type JsonSchema = Record<string, unknown>;

const editedKeys = new Set(['type', 'description', 'properties', 'required', 'items']);
let nextKey = 0;
const newKey = () => `property-${(nextKey += 1)}`;

export function emptyNode(type: PropertyType = 'string'): SchemaNode {
  return { type, description: '', properties: [], items: type === 'array' ? emptyNode() : undefined, extra: {} };
}

export function newProperty(name = ''): SchemaProperty {
  return { key: newKey(), name, required: true, node: emptyNode() };
}

/** The JSON Schema the engine expects: objects list their required fields and allow no others (unless said so). */
export function toJsonSchema(node: SchemaNode): JsonSchema {
  const schema: JsonSchema = { type: node.type };
  if (node.description.trim() !== '') schema['description'] = node.description;
  if (node.type === 'object') {
    schema['properties'] = Object.fromEntries(node.properties.map((property) => [property.name, toJsonSchema(property.node)]));
    schema['required'] = node.properties.filter((property) => property.required).map((property) => property.name);
    if (!('additionalProperties' in node.extra)) schema['additionalProperties'] = false;
  }
  if (node.type === 'array') schema['items'] = toJsonSchema(node.items ?? emptyNode());
  return { ...schema, ...node.extra };
}

const isObject = (value: unknown): value is JsonSchema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads a JSON Schema into table rows, or says (with its path) what the table cannot show. */
export function fromJsonSchema(schema: unknown, path = '$'): { node: SchemaNode } | { error: string } {
  if (!isObject(schema)) return { error: `${path}: a schema must be a JSON object.` };
  const type = schema['type'];
  if (typeof type !== 'string' || !(propertyTypes as readonly string[]).includes(type)) {
    return { error: `${path}: "type" must be one of ${propertyTypes.join(', ')}.` };
  }
  const description = schema['description'];
  if (description !== undefined && typeof description !== 'string') return { error: `${path}: "description" must be text.` };
  const node: SchemaNode = {
    type: type as PropertyType,
    description: description ?? '',
    properties: [],
    items: undefined,
    extra: Object.fromEntries(Object.entries(schema).filter(([key]) => !editedKeys.has(key))),
  };
  if (type === 'object') {
    const properties = schema['properties'] ?? {};
    const required = schema['required'] ?? [];
    if (!isObject(properties)) return { error: `${path}: "properties" must be an object.` };
    if (!Array.isArray(required) || required.some((name) => typeof name !== 'string')) return { error: `${path}: "required" must be a list of names.` };
    for (const [name, child] of Object.entries(properties)) {
      const read = fromJsonSchema(child, `${path}.${name}`);
      if ('error' in read) return read;
      node.properties.push({ key: newKey(), name, required: required.includes(name), node: read.node });
    }
    const unknown = (required as string[]).find((name) => !(name in properties));
    if (unknown !== undefined) return { error: `${path}: "${unknown}" is required but not a property.` };
  }
  if (type === 'array') {
    const read = fromJsonSchema(schema['items'] ?? { type: 'string' }, `${path}[]`);
    if ('error' in read) return read;
    node.items = read.node;
  }
  return { node };
}

/** The first problem of the table's rows (an empty or repeated name), with where it is. */
export function rowsProblem(node: SchemaNode, path = '$'): string | undefined {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.properties) {
      const name = property.name.trim();
      if (name === '') return `${path}: every field needs a name.`;
      if (seen.has(name)) return `${path}: "${name}" is there twice.`;
      seen.add(name);
      const inner = rowsProblem(property.node, `${path}.${name}`);
      if (inner !== undefined) return inner;
    }
  }
  if (node.type === 'array' && node.items !== undefined) return rowsProblem(node.items, `${path}[]`);
  return undefined;
}

/** A node changed to another type: object fields and array items are kept only where they still apply. */
export function withType(node: SchemaNode, type: PropertyType): SchemaNode {
  return { ...node, type, items: type === 'array' ? (node.items ?? emptyNode()) : undefined, properties: type === 'object' ? node.properties : [] };
}
