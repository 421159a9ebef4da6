import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { shopifyCredential, shopifyGet } from './shopify-api.js';

interface ShopifyCustomer {
  id: number;
  email?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  phone?: string | null;
  orders_count?: number;
  total_spent?: string;
  state?: string;
  tags?: string;
  created_at?: string;
  default_address?: { city?: string | null; country?: string | null } | null;
}

/** Lists or searches a Shopify store's customers (`customers.json`, `customers/search.json`). */
export const shopifyCustomersTool = defineTool({
  name: 'shopify_customers',
  displayName: 'Shopify Customers',
  description:
    'Lists customers of the connected Shopify store, or searches them with a query (e.g. "email:ada@example.com", ' +
    '"country:Canada", or a name). Returns each customer\'s id, name, email, phone, order count, total spent, state, ' +
    'tags and city/country. When more exist, pass nextPageInfo as page_info for the next page.',
  icon: 'Users',
  category: 'integrations',
  integration: 'shopify',
  keywords: ['shopify', 'customers', 'buyers', 'clients', 'ecommerce', 'search'],
  inputSchema: z.object({
    query: z.string().max(500).optional().describe('Shopify customer search query; omit to list all'),
    limit: z.number().int().min(1).max(250).default(20).describe('Customers per page, at most 250'),
    page_info: z.string().max(500).optional().describe('The nextPageInfo of the previous page'),
  }),
  async execute(input, context) {
    const credential = await shopifyCredential(context);
    const query = input.query?.trim();
    const { data, nextPageInfo } = await shopifyGet<{ customers?: ShopifyCustomer[] }>(
      context,
      credential,
      query ? 'customers/search' : 'customers',
      { limit: input.limit, ...(query ? { query } : {}) },
      input.page_info,
    );
    const customers = (data.customers ?? []).map((customer) => ({
      id: customer.id,
      name: [customer.first_name, customer.last_name].filter(Boolean).join(' ') || undefined,
      email: customer.email ?? undefined,
      phone: customer.phone ?? undefined,
      ordersCount: customer.orders_count,
      totalSpent: customer.total_spent,
      state: customer.state,
      tags: customer.tags || undefined,
      city: customer.default_address?.city ?? undefined,
      country: customer.default_address?.country ?? undefined,
      createdAt: customer.created_at,
    }));
    return { result: { customers, count: customers.length, ...(nextPageInfo ? { nextPageInfo } : {}) } };
  },
});
