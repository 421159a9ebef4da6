import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { shopifyCustomersTool } from './shopify-customers.tool.js';
import { shopifyContext, shopifyStore, startShopifyDouble } from './shopify.double.test-support.js';

let shopify: Awaited<ReturnType<typeof startShopifyDouble>>;
beforeAll(async () => {
  shopify = await startShopifyDouble();
});
afterAll(() => shopify.close());

describe('shopify_customers', () => {
  it('lists customers', async () => {
    const { result } = await runTool(shopifyCustomersTool, {}, shopifyContext(shopify.origin));
    expect(shopify.requests.at(-1)).toMatchObject({ method: 'GET', path: '/admin/api/2025-01/customers.json', query: { limit: '20' } });
    expect(result).toMatchObject({
      count: 2,
      customers: [
        { id: 207119551, name: 'Bob Norman', email: 'bob.norman@mail.example.com', ordersCount: 1, totalSpent: '199.65', city: 'Ottawa', country: 'Canada' },
        { id: 207119552, name: 'Ada Lovelace', email: 'ada@example.com' },
      ],
    });
  });

  it('searches with Shopify\'s query syntax', async () => {
    const { result } = await runTool(shopifyCustomersTool, { query: 'email:ada@example.com' }, shopifyContext(shopify.origin));
    expect(shopify.requests.at(-1)).toMatchObject({ path: '/admin/api/2025-01/customers/search.json', query: { query: 'email:ada@example.com', limit: '20' } });
    expect(result).toMatchObject({ count: 1, customers: [{ id: 207119552 }] });
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(shopifyCustomersTool, {}, shopifyContext(shopify.origin, { store_url: shopifyStore, access_token: 'nope' }))).rejects.toThrow('Shopify refused the credential (401)');
  });
});
