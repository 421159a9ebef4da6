import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool, type ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';

/** HubSpot's API root; `INTEGRATION_BASE_URLS` may point it at a double. */
export const hubspotApi = 'https://api.hubapi.com';

/** The private-app access token of the user's HubSpot credential. @throws ValidationError when absent */
export async function hubspotToken(context: ToolContext): Promise<string> {
  if (!context.getCredential) throw new ValidationError('Add a HubSpot credential on the Credentials page to use this tool.');
  const token = (await context.getCredential('hubspot')).access_token?.trim();
  if (!token) throw new ValidationError('The HubSpot credential has no access_token; edit it on the Credentials page.');
  return token;
}

/** Calls HubSpot with the Bearer token (CRM v3). */
export function hubspotCall<Data>(context: ServiceContext, token: string, request: { method?: string; path: string; query?: Record<string, string | number | undefined>; json?: unknown }) {
  return callService<Data>(context, {
    service: 'HubSpot',
    method: request.method ?? 'GET',
    url: `${hubspotApi}${request.path}`,
    query: request.query,
    headers: { authorization: `Bearer ${token}` },
    json: request.json,
  });
}

interface CrmObject {
  id: string;
  properties?: Record<string, string | null>;
  createdAt?: string;
  updatedAt?: string;
}
interface CrmPage {
  total?: number;
  results?: CrmObject[];
  paging?: { next?: { after?: string } };
}

/** What a CRM object type needs: its path segment, the properties shown, and the ones `create` accepts by name. */
export interface CrmObjectKind {
  toolName: string;
  displayName: string;
  /** `contacts`, `deals`, `companies` (the `/crm/v3/objects/<type>` segment). */
  objectType: string;
  /** Singular, for descriptions. */
  noun: string;
  icon: string;
  keywords: readonly string[];
  /** Properties asked for and returned (HubSpot returns only a few by default). */
  properties: readonly string[];
  /** The properties `create` takes as named parameters, with what each means. */
  createFields: Readonly<Record<string, string>>;
  /** The property a new object cannot do without (`email`, `dealname`, `name`). */
  requiredOnCreate: string;
}

const maxLimit = 100;

function compact(object: CrmObject, properties: readonly string[]) {
  const shown: Record<string, string> = {};
  for (const key of properties) {
    const value = object.properties?.[key];
    if (value !== null && value !== undefined && value !== '') shown[key] = value;
  }
  return { id: object.id, ...shown, ...(object.updatedAt ? { updatedAt: object.updatedAt } : {}) };
}

function pageResult(page: CrmPage, kind: CrmObjectKind, properties: readonly string[]) {
  const results = (page.results ?? []).map((object) => compact(object, properties));
  const after = page.paging?.next?.after;
  return { [kind.objectType]: results, count: results.length, ...(page.total !== undefined ? { total: page.total } : {}), ...(after ? { nextAfter: after } : {}) };
}

/**
 * One HubSpot CRM object tool (contacts, deals, companies): `list` pages through `GET /crm/v3/objects/<type>`,
 * `search` sends `POST …/search` with a free-text query, `create` sends `POST /crm/v3/objects/<type>`.
 */
export function defineCrmObjectTool(kind: CrmObjectKind) {
  const createShape = Object.fromEntries(Object.entries(kind.createFields).map(([key, description]) => [key, z.string().max(2_000).optional().describe(description)]));
  return defineTool({
    name: kind.toolName,
    displayName: kind.displayName,
    description:
      `Lists, searches or creates HubSpot ${kind.objectType}. action "list" pages through them (limit, after), "search" finds ` +
      `${kind.objectType} matching a text query, "create" adds a ${kind.noun} from the named fields (or "properties"). Returns ` +
      `each ${kind.noun}'s id and main properties, the total for a search, and nextAfter to fetch the next page.`,
    icon: kind.icon,
    category: 'integrations',
    integration: 'hubspot',
    keywords: ['hubspot', 'crm', ...kind.keywords],
    inputSchema: z.object({
      action: z.enum(['list', 'search', 'create']).default('list').describe('What to do'),
      query: z.string().max(500).optional().describe('Text to search for (action "search")'),
      limit: z.number().int().min(1).max(maxLimit).default(10).describe(`How many to return, at most ${maxLimit}`),
      after: z.string().max(200).optional().describe('The nextAfter cursor of the previous page'),
      ...createShape,
      properties: z.record(z.string(), z.string().max(5_000)).optional().describe('Other HubSpot properties to set on create (internal names)'),
    }),
    async execute(input, context) {
      const token = await hubspotToken(context);
      const path = `/crm/v3/objects/${kind.objectType}`;
      const fields = input as Record<string, unknown>;
      if (input.action === 'create') {
        const properties: Record<string, string> = { ...input.properties };
        for (const key of Object.keys(kind.createFields)) if (typeof fields[key] === 'string') properties[key] = fields[key] as string;
        if (!properties[kind.requiredOnCreate]) throw new ValidationError(`Give ${kind.requiredOnCreate} to create a HubSpot ${kind.noun}.`);
        const { data } = await hubspotCall<CrmObject>(context, token, { method: 'POST', path, json: { properties } });
        return { result: { created: true, ...compact(data, [...new Set([...kind.properties, ...Object.keys(properties)])]) } };
      }
      if (input.action === 'search') {
        if (!input.query?.trim()) throw new ValidationError('Give a query to search HubSpot.');
        const json = { query: input.query.trim(), limit: input.limit, properties: kind.properties, ...(input.after ? { after: input.after } : {}) };
        const { data } = await hubspotCall<CrmPage>(context, token, { method: 'POST', path: `${path}/search`, json });
        return { result: pageResult(data, kind, kind.properties) };
      }
      const query = { limit: input.limit, after: input.after, properties: kind.properties.join(','), archived: 'false' };
      const { data } = await hubspotCall<CrmPage>(context, token, { path, query });
      return { result: pageResult(data, kind, kind.properties) };
    },
  });
}
