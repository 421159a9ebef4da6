import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { shopifyCredential, shopifyGet } from './shopify-api.js';

interface ShopifyProduct {
  id: number;
  title: string;
  handle?: string;
  status?: string;
  vendor?: string;
  product_type?: string;
  tags?: string;
  updated_at?: string;
  variants?: Array<{ id: number; title?: string; price?: string; sku?: string | null; inventory_quantity?: number }>;
}

/** Lists a Shopify store's products (`GET /admin/api/2025-01/products.json`, cursor paging). */
export const shopifyProductsTool = defineTool({
  name: 'shopify_products',
  displayName: 'Shopify Products',
  description:
    'Lists products of the connected Shopify store, optionally filtered by status, title, vendor or product type. ' +
    'Returns each product\'s id, title, handle, status, vendor, type, tags and its variants (price, SKU, inventory). ' +
    'When more exist, nextPageInfo is returned: pass it as page_info for the next page.',
  icon: 'Package',
  category: 'integrations',
  integration: 'shopify',
  keywords: ['shopify', 'products', 'catalog', 'inventory', 'store', 'ecommerce', 'stock', 'prices'],
  inputSchema: z.object({
    limit: z.number().int().min(1).max(250).default(20).describe('Products per page, at most 250'),
    status: z.enum(['active', 'archived', 'draft']).optional().describe('Only products with this status'),
    title: z.string().max(255).optional().describe('Only products whose title matches'),
    vendor: z.string().max(255).optional(),
    product_type: z.string().max(255).optional(),
    page_info: z.string().max(500).optional().describe('The nextPageInfo of the previous page'),
  }),
  async execute(input, context) {
    const credential = await shopifyCredential(context);
    const { data, nextPageInfo } = await shopifyGet<{ products?: ShopifyProduct[] }>(
      context,
      credential,
      'products',
      { limit: input.limit, status: input.status, title: input.title, vendor: input.vendor, product_type: input.product_type },
      input.page_info,
    );
    const products = (data.products ?? []).map((product) => ({
      id: product.id,
      title: product.title,
      handle: product.handle,
      status: product.status,
      vendor: product.vendor || undefined,
      type: product.product_type || undefined,
      tags: product.tags || undefined,
      variants: (product.variants ?? []).slice(0, 20).map((variant) => ({
        id: variant.id, title: variant.title, price: variant.price, sku: variant.sku || undefined, inventory: variant.inventory_quantity,
      })),
      updatedAt: product.updated_at,
    }));
    return { result: { products, count: products.length, ...(nextPageInfo ? { nextPageInfo } : {}) } };
  },
});
