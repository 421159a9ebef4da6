import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from '../../test/llm-doubles/double-server.js';
import { sendJson, startServiceDouble } from '../service-double.test-support.js';
import { createIntegrationTestContext } from '../test-support.js';

export const shopifyToken = 'shpat_test_token';
export const shopifyStore = 'https://acme-store.myshopify.com';
const prefix = '/admin/api/2025-01';

const products = [
  { id: 632910392, title: 'IPod Nano - 8GB', handle: 'ipod-nano', status: 'active', vendor: 'Apple', product_type: 'Cult Products', tags: 'Emotive, Flash Memory', updated_at: '2025-01-02T10:00:00-05:00', variants: [{ id: 808950810, title: 'Pink', price: '199.00', sku: 'IPOD2008PINK', inventory_quantity: 10 }] },
  { id: 921728736, title: 'IPod Touch 8GB', handle: 'ipod-touch', status: 'draft', vendor: 'Apple', product_type: 'Cult Products', tags: '', updated_at: '2025-01-03T10:00:00-05:00', variants: [] },
];
const orders = [
  {
    id: 450789469, name: '#1001', email: 'bob.norman@mail.example.com', created_at: '2025-01-05T10:00:00-05:00', total_price: '598.94', currency: 'USD', financial_status: 'partially_refunded', fulfillment_status: null, cancelled_at: null,
    customer: { id: 207119551, first_name: 'Bob', last_name: 'Norman', email: 'bob.norman@mail.example.com' }, line_items: [{ title: 'IPod Nano - 8GB', quantity: 1, price: '199.00', sku: 'IPOD2008PINK' }],
  },
];
const customers = [
  { id: 207119551, email: 'bob.norman@mail.example.com', first_name: 'Bob', last_name: 'Norman', phone: '+16136120707', orders_count: 1, total_spent: '199.65', state: 'disabled', tags: 'Léon, Noël', created_at: '2025-01-01T10:00:00-05:00', default_address: { city: 'Ottawa', country: 'Canada' } },
  { id: 207119552, email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', phone: null, orders_count: 0, total_spent: '0.00', state: 'enabled', tags: '', created_at: '2025-01-02T10:00:00-05:00', default_address: null },
];

function page<Row>(recorded: RecordedRequest, response: ServerResponse, key: string, rows: Row[]): void {
  const limit = Number(recorded.query.limit ?? 50);
  const start = Number(recorded.query.page_info?.replace('cursor-', '') ?? 0);
  const slice = rows.slice(start, start + limit);
  const headers: Record<string, string> = {};
  if (start + limit < rows.length) headers.link = `<${shopifyStore}${recorded.path}?limit=${limit}&page_info=cursor-${start + limit}>; rel="next"`;
  sendJson(response, 200, { [key]: slice }, headers);
}

function route(recorded: RecordedRequest, response: ServerResponse): void {
  if (recorded.method !== 'GET') return sendJson(response, 405, { errors: 'Method not allowed' });
  const { path, query } = recorded;
  if (path === `${prefix}/shop.json`) return sendJson(response, 200, { shop: { id: 548380009, name: 'Acme Store', myshopify_domain: 'acme-store.myshopify.com' } });
  if (path === `${prefix}/products.json`) return page(recorded, response, 'products', products.filter((product) => !query.status || product.status === query.status));
  if (path === `${prefix}/orders.json`) return page(recorded, response, 'orders', orders);
  if (path === `${prefix}/customers.json`) return page(recorded, response, 'customers', customers);
  if (path === `${prefix}/customers/search.json`) {
    const [field, value] = (query.query ?? '').includes(':') ? query.query!.split(':') : ['any', query.query ?? ''];
    const hits = customers.filter((customer) => (field === 'email' ? customer.email === value : JSON.stringify(customer).toLowerCase().includes(value!.toLowerCase())));
    return page(recorded, response, 'customers', hits);
  }
  sendJson(response, 404, { errors: 'Not Found' });
}

/** A Shopify Admin REST 2025-01 double: `X-Shopify-Access-Token` checked; products, orders, customers with Link paging. */
export function startShopifyDouble() {
  return startServiceDouble({
    authorize: (recorded) =>
      recorded.headers['x-shopify-access-token'] === shopifyToken ? null : { status: 401, body: { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' } },
    route,
    rateLimitBody: { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
  });
}

/** A tool context whose calls to the test store reach the double. */
export function shopifyContext(origin: string, values: Record<string, string> = { store_url: shopifyStore, access_token: shopifyToken }) {
  return createIntegrationTestContext({ baseUrls: [shopifyStore], origin, credentials: { shopify: values } });
}
