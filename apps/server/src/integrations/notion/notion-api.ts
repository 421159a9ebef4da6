import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';
import { requireCredential } from '../require-credential.js';

/** The Notion integration as messages name it. */
export const notionOwner = { id: 'notion', name: 'Notion' } as const;

/** Notion's REST API (https://developers.notion.com/reference/intro). */
export const notionApiBase = 'https://api.notion.com/v1';
/** The API version every request names (`Notion-Version`); databases are queried with `/databases/{id}/query`. */
export const notionVersion = '2022-06-28';

/** Calls Notion's API with the integration secret (Bearer) and the pinned `Notion-Version`. */
export async function notionRequest<Data>(
  context: ServiceContext,
  apiKey: string,
  request: { method?: string; path: string; json?: unknown },
): Promise<Data> {
  const response = await callService<Data>(context, {
    service: 'Notion',
    method: request.method ?? 'GET',
    url: `${notionApiBase}${request.path}`,
    headers: { authorization: `Bearer ${apiKey}`, 'notion-version': notionVersion },
    ...(request.json === undefined ? {} : { json: request.json }),
  });
  return response.data;
}

/** The caller's Notion integration secret. @throws ValidationError without a credential or its `api_key` */
export async function notionApiKey(context: ToolContext): Promise<string> {
  return (await requireCredential(context, notionOwner, ['api_key'])).api_key!.trim();
}

/**
 * A Notion page or database id from what people paste: the id with or without dashes, or a notion.so URL that
 * ends with it. Returned as 32 hex digits, so it can be put in a path as is.
 * @throws ValidationError when no id can be found
 */
export function notionId(value: string, what: string): string {
  const compact = value.trim().split(/[?#]/)[0]!.replaceAll('-', '');
  const match = /([0-9a-f]{32})$/i.exec(compact);
  if (!match) throw new ValidationError(`"${value}" is not a Notion ${what} id (32 hexadecimal digits, or the page's URL).`);
  return match[1]!.toLowerCase();
}

interface RichText {
  plain_text?: string;
}

/** A Notion page as the API returns it (the parts read here). */
export interface NotionPage {
  object?: string;
  id: string;
  url?: string;
  created_time?: string;
  last_edited_time?: string;
  archived?: boolean;
  in_trash?: boolean;
  icon?: { type?: string; emoji?: string } | null;
  title?: RichText[];
  properties?: Record<string, Record<string, unknown> & { type?: string }>;
}

function plainText(parts: unknown): string {
  return Array.isArray(parts) ? (parts as RichText[]).map((part) => part.plain_text ?? '').join('') : '';
}

/** A property's value in plain terms (text, names, numbers, dates); undefined for kinds not worth showing. */
function propertyValue(property: Record<string, unknown> & { type?: string }): unknown {
  const value = property[property.type ?? ''];
  switch (property.type) {
    case 'title':
    case 'rich_text':
      return plainText(value);
    case 'select':
    case 'status':
      return (value as { name?: string } | null)?.name ?? null;
    case 'multi_select':
      return Array.isArray(value) ? (value as Array<{ name?: string }>).map((option) => option.name) : [];
    case 'date':
      return value ? { start: (value as { start?: string }).start, end: (value as { end?: string | null }).end ?? null } : null;
    case 'people':
      return Array.isArray(value) ? (value as Array<{ name?: string; id?: string }>).map((person) => person.name ?? person.id) : [];
    case 'relation':
      return Array.isArray(value) ? (value as Array<{ id?: string }>).map((related) => related.id) : [];
    case 'checkbox':
    case 'number':
    case 'url':
    case 'email':
    case 'phone_number':
    case 'created_time':
    case 'last_edited_time':
      return value ?? null;
    case 'formula':
      return value && typeof value === 'object' ? (value as Record<string, unknown>)[(value as { type?: string }).type ?? ''] : null;
    default:
      return undefined;
  }
}

/** A page or database in the compact shape the model reads: id, title, URL, plain property values, times. */
export function simplifyNotionObject(page: NotionPage): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  let title = plainText(page.title);
  for (const [name, property] of Object.entries(page.properties ?? {})) {
    if (property.type === 'title' && page.object !== 'database') title = plainText(property.title);
    const value = propertyValue(property);
    if (value !== undefined && page.object !== 'database') properties[name] = value;
  }
  return {
    object: page.object ?? 'page',
    id: page.id,
    title,
    url: page.url ?? null,
    ...(page.icon?.emoji ? { icon: page.icon.emoji } : {}),
    ...(page.object === 'database' ? { properties: Object.keys(page.properties ?? {}) } : { properties }),
    created_time: page.created_time ?? null,
    last_edited_time: page.last_edited_time ?? null,
    ...(page.archived || page.in_trash ? { archived: true } : {}),
  };
}

/** One Notion list answer (search, database query). */
export interface NotionList {
  results: NotionPage[];
  has_more?: boolean;
  next_cursor?: string | null;
}
