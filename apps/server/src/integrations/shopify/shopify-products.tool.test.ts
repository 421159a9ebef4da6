import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../test-support.js';
import { shopifyProductsTool } from './shopify-products.tool.js';
import { shopifyContext, shopifyStore, shopifyToken, startShopifyDouble } from './shopify.double.test-support.js';

let shopify: Awaited<ReturnType<typeof startShopifyDouble>>;
beforeAll(async () => {
  shopify = await startShopifyDouble();
});
afterAll(() => shopify.close());

describe('shopify_products', () => {
  it('lists products with the access token header and follows the Link header\'s cursor', async () => {
    const context = shopifyContext(shopify.origin);
    const first = await runTool(shopifyProductsTool, { limit: 1, vendor: 'Apple' }, context);
    const request = shopify.requests.at(-1)!;
    expect(request).toMatchObject({ method: 'GET', path: '/admin/api/2025-01/products.json', query: { limit: '1', vendor: 'Apple' } });
    expect(request.headers['x-shopify-access-token']).toBe(shopifyToken);
    expect(request.headers.authorization).toBeUndefined();
    expect(first.result).toEqual({
      products: [{
        id: 632910392, title: 'IPod Nano - 8GB', handle: 'ipod-nano', status: 'active', vendor: 'Apple', type: 'Cult Products', tags: 'Emotive, Flash Memory',
        variants: [{ id: 808950810, title: 'Pink', price: '199.00', sku: 'IPOD2008PINK', inventory: 10 }], updatedAt: '2025-01-02T10:00:00-05:00',
      }],
      count: 1,
      nextPageInfo: 'cursor-1',
    });
    const second = await runTool(shopifyProductsTool, { limit: 1, vendor: 'Apple', page_info: 'cursor-1' }, context);
    // With page_info Shopify accepts only limit: the filters are not sent again.
    expect(shopify.requests.at(-1)!.query).toEqual({ limit: '1', page_info: 'cursor-1' });
    expect(second.result).toMatchObject({ count: 1, products: [{ id: 921728736 }] });
    expect(second.result).not.toHaveProperty('nextPageInfo');
  });

  it('says the credential was refused on a 401', async () => {
    await expect(runTool(shopifyProductsTool, {}, shopifyContext(shopify.origin, { store_url: shopifyStore, access_token: 'shpat_wrong' }))).rejects.toThrow('Shopify refused the credential (401)');
  });

  it('waits out a 429 with Retry-After and retries once', async () => {
    shopify.failNext('rate-limit');
    const before = shopify.requests.length;
    const { result } = await runTool(shopifyProductsTool, { status: 'draft' }, shopifyContext(shopify.origin));
    expect(shopify.requests.length - before).toBe(2);
    expect(result).toMatchObject({ count: 1, products: [{ status: 'draft' }] });
  });

  it('refuses an HTML page where JSON was expected', async () => {
    shopify.failNext('html');
    await expect(runTool(shopifyProductsTool, {}, shopifyContext(shopify.origin))).rejects.toThrow('Shopify answered with an HTML page instead of JSON');
  });

  it('refuses a store address that is not a myshopify.com store, and a missing token, sending nothing', async () => {
    const before = shopify.requests.length;
    await expect(runTool(shopifyProductsTool, {}, shopifyContext(shopify.origin, { store_url: 'https://evil.example.com', access_token: shopifyToken }))).rejects.toThrow('myshopify address');
    await expect(runTool(shopifyProductsTool, {}, shopifyContext(shopify.origin, { store_url: shopifyStore }))).rejects.toThrow('no access_token');
    await expect(runTool(shopifyProductsTool, {}, shopifyContext(shopify.origin, { access_token: shopifyToken }))).rejects.toThrow('no store_url');
    expect(shopify.requests.length).toBe(before);
  });
});
