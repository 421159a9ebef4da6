import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { shopifyOrdersTool } from './shopify-orders.tool.js';
import { shopifyContext, shopifyStore, startShopifyDouble } from './shopify.double.test-support.js';

let shopify: Awaited<ReturnType<typeof startShopifyDouble>>;
beforeAll(async () => {
  shopify = await startShopifyDouble();
});
afterAll(() => shopify.close());

describe('shopify_orders', () => {
  it('lists orders of every status with their customer, total and items', async () => {
    const { result } = await runTool(shopifyOrdersTool, { financial_status: 'paid', limit: 5 }, shopifyContext(shopify.origin));
    expect(shopify.requests.at(-1)).toMatchObject({ method: 'GET', path: '/admin/api/2025-01/orders.json', query: { limit: '5', status: 'any', financial_status: 'paid' } });
    expect(result).toEqual({
      orders: [{
        id: 450789469, name: '#1001', createdAt: '2025-01-05T10:00:00-05:00', email: 'bob.norman@mail.example.com', customer: 'Bob Norman', total: '598.94', currency: 'USD',
        financialStatus: 'partially_refunded', fulfillmentStatus: 'unfulfilled', cancelled: false, items: [{ title: 'IPod Nano - 8GB', quantity: 1, price: '199.00' }],
      }],
      count: 1,
    });
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(shopifyOrdersTool, {}, shopifyContext(shopify.origin, { store_url: shopifyStore, access_token: 'nope' }))).rejects.toThrow('Shopify refused the credential (401)');
  });
});
