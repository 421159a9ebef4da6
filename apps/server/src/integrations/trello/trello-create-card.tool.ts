import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { trelloAuth, trelloId, trelloRequest } from './trello-api.js';

interface TrelloCard {
  id: string;
  name: string;
  url?: string;
  shortUrl?: string;
  idList?: string;
  due?: string | null;
}

export const trelloCreateCardTool = defineTool({
  name: 'trello_create_card',
  displayName: 'Create Trello Card',
  description:
    'Creates a card in a Trello list (find the list id with trello_lists), with an optional description, due date ' +
    '(ISO 8601) and label ids. Returns the new card\'s id, name and URL.',
  icon: 'Plus',
  category: 'integrations',
  integration: 'trello',
  keywords: ['trello', 'card', 'create', 'task', 'add', 'todo', 'kanban'],
  inputSchema: z.object({
    list_id: trelloId('list'),
    name: z.string().min(1).max(16_384).describe('The card title'),
    desc: z.string().max(16_384).optional().describe('The card description (Markdown)'),
    due: z.iso.datetime({ offset: true }).or(z.iso.date()).optional().describe('Due date, ISO 8601 (2025-05-01 or 2025-05-01T17:00:00Z)'),
    labels: z.string().regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, 'Comma-separated label ids').optional().describe('Comma-separated label ids'),
    pos: z.enum(['top', 'bottom']).optional().describe('Where in the list (default bottom)'),
  }),
  async execute(input, context) {
    const auth = await trelloAuth(context);
    const card = await trelloRequest<TrelloCard>(context, auth, {
      method: 'POST',
      path: '/cards',
      query: { idList: input.list_id, name: input.name, desc: input.desc, due: input.due, idLabels: input.labels, pos: input.pos },
    });
    return { result: { created: true, card_id: card.id, name: card.name, url: card.url ?? card.shortUrl ?? null, list_id: card.idList ?? input.list_id, due: card.due ?? null } };
  },
});
