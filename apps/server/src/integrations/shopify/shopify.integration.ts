import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { shopifyApiVersion, shopifyCredentialOf, validateStoreUrl } from './shopify-api.js';
import { shopifyCustomersTool } from './shopify-customers.tool.js';
import { shopifyOrdersTool } from './shopify-orders.tool.js';
import { shopifyProductsTool } from './shopify-products.tool.js';

/** A Shopify store through a custom app's Admin API access token (reference §4.3). */
export const shopifyIntegration = defineIntegration({
  id: 'shopify',
  name: 'Shopify',
  description: 'Read products, orders and customers of your Shopify store.',
  icon: 'ShoppingBag',
  category: 'ecommerce',
  docsUrl: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin',
  fields: [
    {
      key: 'store_url',
      label: 'Store URL',
      type: 'text',
      required: true,
      placeholder: 'https://your-store.myshopify.com',
      helpText: 'Your store\'s myshopify.com address.',
      sensitive: false,
      validate: validateStoreUrl,
    },
    {
      key: 'access_token',
      label: 'Admin API Access Token',
      type: 'api_key',
      required: true,
      placeholder: 'shpat_…',
      helpText: 'Shopify admin → Settings → Apps → Develop apps → your app → API credentials (read_products, read_orders, read_customers).',
      sensitive: true,
    },
  ],
  tools: [shopifyProductsTool, shopifyOrdersTool, shopifyCustomersTool],
  async test(values, context) {
    const { origin, token } = shopifyCredentialOf(values);
    const { data } = await callService<{ shop?: { name?: string; myshopify_domain?: string } }>(context, {
      service: 'Shopify',
      url: `${origin}/admin/api/${shopifyApiVersion}/shop.json`,
      headers: { 'x-shopify-access-token': token },
    });
    return { message: `Connected to the Shopify store "${data.shop?.name ?? new URL(origin).hostname}".` };
  },
});
