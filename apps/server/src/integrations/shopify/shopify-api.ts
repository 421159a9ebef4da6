import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';

/** The Admin REST API version the tools speak (reference §4.3). */
export const shopifyApiVersion = '2025-01';

const storeName = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * The store's `https://<store>.myshopify.com` origin from what a person types: `acme`, `acme.myshopify.com` or
 * `https://acme.myshopify.com/`. Null for anything else (a custom domain, a path, another host), so a credential
 * cannot send the token elsewhere.
 */
export function shopifyStoreOrigin(value: string): string | null {
  let text = value.trim().toLowerCase().replace(/\/+$/, '');
  if (text.startsWith('https://')) text = text.slice('https://'.length);
  const name = text.endsWith('.myshopify.com') ? text.slice(0, -'.myshopify.com'.length) : text;
  return storeName.test(name) ? `https://${name}.myshopify.com` : null;
}

/** `validate` of the store_url field. */
export function validateStoreUrl(value: string): string | null {
  return shopifyStoreOrigin(value) ? null : 'Give the store\'s myshopify address, like https://your-store.myshopify.com (custom domains do not serve the Admin API).';
}

export interface ShopifyCredential {
  origin: string;
  token: string;
}

/** Reads and checks the store address and Admin API token. @throws ValidationError naming what is missing */
export function shopifyCredentialOf(values: Readonly<Record<string, string>>): ShopifyCredential {
  const token = values.access_token?.trim();
  if (!values.store_url?.trim()) throw new ValidationError('The Shopify credential has no store_url; edit it on the Credentials page.');
  const origin = shopifyStoreOrigin(values.store_url);
  if (!origin) throw new ValidationError(validateStoreUrl(values.store_url)!);
  if (!token) throw new ValidationError('The Shopify credential has no access_token; edit it on the Credentials page.');
  return { origin, token };
}

/** The user's Shopify credential. @throws ValidationError when absent or incomplete */
export async function shopifyCredential(context: ToolContext): Promise<ShopifyCredential> {
  if (!context.getCredential) throw new ValidationError('Add a Shopify credential on the Credentials page to use this tool.');
  return shopifyCredentialOf(await context.getCredential('shopify'));
}

/** The `page_info` cursor of the `rel="next"` link of Shopify's `Link` header, if any. */
export function nextPageInfo(linkHeader: string | undefined): string | undefined {
  for (const part of (linkHeader ?? '').split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return new URL(match[1]!).searchParams.get('page_info') ?? undefined;
  }
  return undefined;
}

/**
 * GETs `/admin/api/2025-01/<resource>.json` with the `X-Shopify-Access-Token` header. With `page_info` Shopify
 * accepts only `limit` (and `fields`), so the other filters are dropped then.
 */
export async function shopifyGet<Data>(
  context: ServiceContext,
  credential: ShopifyCredential,
  resource: string,
  query: Record<string, string | number | undefined>,
  pageInfo?: string,
): Promise<{ data: Data; nextPageInfo?: string }> {
  const paged = pageInfo ? { limit: query.limit, page_info: pageInfo } : query;
  const response = await callService<Data>(context, {
    service: 'Shopify',
    url: `${credential.origin}/admin/api/${shopifyApiVersion}/${resource}.json`,
    query: paged,
    headers: { 'x-shopify-access-token': credential.token },
  });
  const next = nextPageInfo(response.headers.link);
  return { data: response.data, ...(next ? { nextPageInfo: next } : {}) };
}
