import { describe, expect, it } from 'vitest';
import { fromJsonSchema, newProperty, rowsProblem, toJsonSchema, withType, type SchemaNode } from './schema-model';

const schema = {
  type: 'object',
  properties: {
    title: { type: 'string', description: 'A short title' },
    score: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string', enum: ['news', 'sport'] } },
    author: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false },
  },
  required: ['title', 'tags'],
  additionalProperties: false,
};

function read(value: unknown): SchemaNode {
  const result = fromJsonSchema(value);
  if ('error' in result) throw new Error(result.error);
  return result.node;
}

describe('schema model', () => {
  it('reads a schema into rows and writes the same schema back (keywords it does not edit included)', () => {
    const node = read(schema);
    expect(node.properties.map((property) => [property.name, property.node.type, property.required])).toEqual([
      ['title', 'string', true],
      ['score', 'integer', false],
      ['tags', 'array', true],
      ['author', 'object', false],
    ]);
    expect(toJsonSchema(node)).toEqual(schema);
  });

  it('gives new objects additionalProperties false and every required name', () => {
    const root = withType({ type: 'string', description: '', properties: [], items: undefined, extra: {} }, 'object');
    const name = newProperty('name');
    const count = { ...newProperty('count'), required: false, node: withType(newProperty().node, 'number') };
    expect(toJsonSchema({ ...root, properties: [name, count] })).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, count: { type: 'number' } },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('says where a schema cannot be shown as a table', () => {
    expect(fromJsonSchema([])).toEqual({ error: '$: a schema must be a JSON object.' });
    expect(fromJsonSchema({ type: 'object', properties: { a: { type: 'date' } } })).toEqual({ error: '$.a: "type" must be one of string, number, integer, boolean, object, array.' });
    expect(fromJsonSchema({ type: 'object', properties: {}, required: ['ghost'] })).toEqual({ error: '$: "ghost" is required but not a property.' });
    expect(fromJsonSchema({ type: 'array', items: { type: 'object', properties: { x: 1 } } })).toEqual({ error: '$[].x: a schema must be a JSON object.' });
  });

  it('finds empty and repeated names, nested ones with their path', () => {
    const node = read(schema);
    expect(rowsProblem(node)).toBeUndefined();
    node.properties[3]!.node.properties.push(newProperty(''));
    expect(rowsProblem(node)).toBe('$.author: every field needs a name.');
    node.properties[3]!.node.properties.pop();
    node.properties.push(newProperty('title'));
    expect(rowsProblem(node)).toBe('$: "title" is there twice.');
  });
});
