import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { shopifyCredential, shopifyGet } from './shopify-api.js';

interface ShopifyOrder {
  id: number;
  name?: string;
  email?: string | null;
  created_at?: string;
  total_price?: string;
  currency?: string;
  financial_status?: string | null;
  fulfillment_status?: string | null;
  cancelled_at?: string | null;
  customer?: { id?: number; first_name?: string | null; last_name?: string | null; email?: string | null } | null;
  line_items?: Array<{ title?: string; quantity?: number; price?: string; sku?: string | null }>;
}

/** Lists a Shopify store's orders (`GET /admin/api/2025-01/orders.json`, cursor paging). */
export const shopifyOrdersTool = defineTool({
  name: 'shopify_orders',
  displayName: 'Shopify Orders',
  description:
    'Lists orders of the connected Shopify store, newest first, filtered by status (open, closed, cancelled, any), ' +
    'payment and fulfilment status, or creation date. Returns each order\'s id, name (#1001), customer, total, ' +
    'currency, statuses and line items. When more exist, pass nextPageInfo as page_info for the next page.',
  icon: 'ShoppingCart',
  category: 'integrations',
  integration: 'shopify',
  keywords: ['shopify', 'orders', 'sales', 'purchases', 'fulfillment', 'ecommerce', 'revenue'],
  inputSchema: z.object({
    limit: z.number().int().min(1).max(250).default(20).describe('Orders per page, at most 250'),
    status: z.enum(['open', 'closed', 'cancelled', 'any']).default('any'),
    financial_status: z.enum(['authorized', 'pending', 'paid', 'partially_paid', 'refunded', 'voided', 'partially_refunded', 'unpaid', 'any']).optional(),
    fulfillment_status: z.enum(['shipped', 'partial', 'unshipped', 'unfulfilled', 'any']).optional(),
    created_at_min: z.string().max(40).optional().describe('Only orders created at or after this ISO 8601 time'),
    page_info: z.string().max(500).optional().describe('The nextPageInfo of the previous page'),
  }),
  async execute(input, context) {
    const credential = await shopifyCredential(context);
    const { data, nextPageInfo } = await shopifyGet<{ orders?: ShopifyOrder[] }>(
      context,
      credential,
      'orders',
      { limit: input.limit, status: input.status, financial_status: input.financial_status, fulfillment_status: input.fulfillment_status, created_at_min: input.created_at_min },
      input.page_info,
    );
    const orders = (data.orders ?? []).map((order) => ({
      id: order.id,
      name: order.name,
      createdAt: order.created_at,
      email: order.email ?? order.customer?.email ?? undefined,
      customer: order.customer ? [order.customer.first_name, order.customer.last_name].filter(Boolean).join(' ') || undefined : undefined,
      total: order.total_price,
      currency: order.currency,
      financialStatus: order.financial_status ?? undefined,
      fulfillmentStatus: order.fulfillment_status ?? 'unfulfilled',
      cancelled: Boolean(order.cancelled_at),
      items: (order.line_items ?? []).slice(0, 20).map((item) => ({ title: item.title, quantity: item.quantity, price: item.price })),
    }));
    return { result: { orders, count: orders.length, ...(nextPageInfo ? { nextPageInfo } : {}) } };
  },
});
