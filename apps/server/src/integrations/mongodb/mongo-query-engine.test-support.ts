/**
 * The part of MongoDB's query language the wire double evaluates (for the integration tests only): filters with
 * equality and the common comparison operators, projections, sorts, a few update operators and aggregation stages.
 */
export type Document = Record<string, unknown>;

function valueAt(document: Document, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Document)[key] : undefined), document);
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (value !== null && typeof value === 'object' && '_bsontype' in value) return String(value);
  return value;
}

function equal(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && !Array.isArray(right)) return left.some((item) => equal(item, right));
  return JSON.stringify(comparable(left)) === JSON.stringify(comparable(right));
}

function compare(left: unknown, right: unknown): number {
  const a = comparable(left) as number | string;
  const b = comparable(right) as number | string;
  return a < b ? -1 : a > b ? 1 : 0;
}

function matchesCondition(value: unknown, condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object' || condition instanceof Date || '_bsontype' in condition || Array.isArray(condition)) return equal(value, condition);
  return Object.entries(condition as Document).every(([operator, operand]) => {
    switch (operator) {
      case '$eq': return equal(value, operand);
      case '$ne': return !equal(value, operand);
      case '$gt': return value !== undefined && compare(value, operand) > 0;
      case '$gte': return value !== undefined && compare(value, operand) >= 0;
      case '$lt': return value !== undefined && compare(value, operand) < 0;
      case '$lte': return value !== undefined && compare(value, operand) <= 0;
      case '$in': return (operand as unknown[]).some((item) => equal(value, item));
      case '$nin': return !(operand as unknown[]).some((item) => equal(value, item));
      case '$exists': return (value !== undefined) === Boolean(operand);
      case '$regex': return new RegExp(String(operand)).test(String(value ?? ''));
      default: throw new Error(`unknown operator ${operator}`);
    }
  });
}

/** Does `document` match `filter`? */
export function matches(document: Document, filter: Document): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return (condition as Document[]).every((part) => matches(document, part));
    if (key === '$or') return (condition as Document[]).some((part) => matches(document, part));
    return matchesCondition(valueAt(document, key), condition);
  });
}

/** Applies an inclusion or exclusion projection. */
export function project(document: Document, projection: Document): Document {
  const entries = Object.entries(projection);
  const including = entries.some(([key, value]) => key !== '_id' && Boolean(value));
  if (including) {
    const shown: Document = projection._id === 0 ? {} : { _id: document._id };
    for (const [key, value] of entries) if (value && key !== '_id') shown[key] = valueAt(document, key);
    return shown;
  }
  return Object.fromEntries(Object.entries(document).filter(([key]) => projection[key] === undefined || Boolean(projection[key])));
}

/** Sorts by the sort document's keys in order. */
export function sortDocuments(documents: Document[], sort: Document): Document[] {
  return [...documents].sort((left, right) => {
    for (const [key, direction] of Object.entries(sort)) {
      const order = compare(valueAt(left, key), valueAt(right, key));
      if (order !== 0) return Number(direction) < 0 ? -order : order;
    }
    return 0;
  });
}

/** Applies $set, $inc, $unset, $push; true when the document changed. */
export function applyUpdate(document: Document, update: Document): boolean {
  const before = JSON.stringify(document);
  for (const [operator, fields] of Object.entries(update)) {
    for (const [key, value] of Object.entries(fields as Document)) {
      if (operator === '$set') document[key] = value;
      else if (operator === '$inc') document[key] = Number(document[key] ?? 0) + Number(value);
      else if (operator === '$unset') delete document[key];
      else if (operator === '$push') document[key] = [...((document[key] as unknown[]) ?? []), value];
      else throw new Error(`unknown update operator ${operator}`);
    }
  }
  return JSON.stringify(document) !== before;
}

function accumulate(group: Document[], spec: Document): unknown {
  const [operator, operand] = Object.entries(spec)[0]!;
  const values = group.map((document) => (typeof operand === 'string' && operand.startsWith('$') ? valueAt(document, operand.slice(1)) : operand));
  if (operator === '$sum') return values.reduce<number>((total, value) => total + Number(value ?? 0), 0);
  if (operator === '$avg') return values.reduce<number>((total, value) => total + Number(value ?? 0), 0) / (values.length || 1);
  if (operator === '$max') return values.reduce((best, value) => (best === undefined || compare(value, best) > 0 ? value : best), undefined);
  if (operator === '$min') return values.reduce((best, value) => (best === undefined || compare(value, best) < 0 ? value : best), undefined);
  throw new Error(`unknown accumulator ${operator}`);
}

/** Runs $match, $sort, $skip, $limit, $project, $count and $group stages. */
export function runPipeline(documents: Document[], pipeline: Document[]): Document[] {
  let current = documents;
  for (const stage of pipeline) {
    const [name, spec] = Object.entries(stage)[0]!;
    if (name === '$match') current = current.filter((document) => matches(document, spec as Document));
    else if (name === '$sort') current = sortDocuments(current, spec as Document);
    else if (name === '$skip') current = current.slice(Number(spec));
    else if (name === '$limit') current = current.slice(0, Number(spec));
    else if (name === '$project') current = current.map((document) => project(document, spec as Document));
    else if (name === '$count') current = [{ [String(spec)]: current.length }];
    else if (name === '$group') {
      const { _id: key, ...accumulators } = spec as Document;
      const groups = new Map<string, { id: unknown; members: Document[] }>();
      for (const document of current) {
        const id = typeof key === 'string' && key.startsWith('$') ? valueAt(document, key.slice(1)) : key;
        const entry = groups.get(JSON.stringify(id)) ?? { id, members: [] };
        entry.members.push(document);
        groups.set(JSON.stringify(id), entry);
      }
      current = [...groups.values()].map(({ id, members }) => ({ _id: id, ...Object.fromEntries(Object.entries(accumulators).map(([field, accumulator]) => [field, accumulate(members, accumulator as Document)])) }));
    } else throw new Error(`Unrecognized pipeline stage name: '${name}'`);
  }
  return current;
}
