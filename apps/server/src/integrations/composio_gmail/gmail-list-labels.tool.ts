import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { capped, objectOf, pick } from '../composio/composio-tool.js';
import { gmail, runGmailAction } from './gmail-api.js';

const maxLabels = 500;

/** Lists the user's Gmail labels (Composio `GMAIL_LIST_LABELS`). */
export const gmailListLabelsTool = defineTool({
  name: 'gmail_list_labels',
  displayName: 'List Gmail Labels',
  description:
    'Lists the labels of the user\'s connected Gmail, system (INBOX, STARRED…) and their own. Use it to find a ' +
    'label id for gmail_add_label or gmail_fetch_emails. Returns each label\'s id, name and type.',
  icon: 'Tags',
  category: 'integrations',
  integration: gmail.id,
  keywords: ['gmail', 'labels', 'folders', 'list', 'tags', 'google'],
  inputSchema: z.object({}),
  async execute(_input, context) {
    const data = await runGmailAction(context, 'GMAIL_LIST_LABELS', {});
    const raw = pick(data, 'labels');
    const { items, truncated } = capped(Array.isArray(raw) ? raw : [], maxLabels);
    return {
      result: {
        count: items.length,
        labels: items.map((item) => {
          const label = objectOf(item);
          return { id: label.id ?? null, name: label.name ?? null, type: label.type ?? null };
        }),
        ...(truncated ? { truncated: true } : {}),
      },
    };
  },
});
