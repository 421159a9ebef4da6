import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContextOf } from '../test-support.js';
import { shopifyStoreOrigin } from './shopify-api.js';
import { shopifyIntegration } from './shopify.integration.js';
import { shopifyContext, shopifyStore, shopifyToken, startShopifyDouble } from './shopify.double.test-support.js';

let shopify: Awaited<ReturnType<typeof startShopifyDouble>>;
beforeAll(async () => {
  shopify = await startShopifyDouble();
});
afterAll(() => shopify.close());

describe('shopify credential test', () => {
  it('reads the shop and names it', async () => {
    const result = await shopifyIntegration.test!({ store_url: 'acme-store.myshopify.com', access_token: shopifyToken }, testContextOf(shopifyContext(shopify.origin)));
    expect(shopify.requests.at(-1)).toMatchObject({ method: 'GET', path: '/admin/api/2025-01/shop.json' });
    expect(result.message).toBe('Connected to the Shopify store "Acme Store".');
  });

  it('fails for a wrong token', async () => {
    await expect(shopifyIntegration.test!({ store_url: shopifyStore, access_token: 'wrong' }, testContextOf(shopifyContext(shopify.origin)))).rejects.toThrow('Shopify refused the credential (401)');
  });

  it('validates the store address so the token cannot be sent to another host', () => {
    const storeField = shopifyIntegration.fields.find((field) => field.key === 'store_url')!;
    for (const good of ['acme-store', 'acme-store.myshopify.com', 'https://acme-store.myshopify.com/', 'HTTPS://Acme-Store.myshopify.com']) expect(storeField.validate!(good)).toBeNull();
    for (const bad of ['http://acme.myshopify.com', 'https://acme.myshopify.com.evil.test', 'https://shop.example.com', 'https://acme.myshopify.com/admin', 'acme@evil.test', '']) {
      expect(storeField.validate!(bad)).toMatch(/myshopify address/);
    }
    expect(shopifyStoreOrigin('Acme-Store')).toBe('https://acme-store.myshopify.com');
  });
});
