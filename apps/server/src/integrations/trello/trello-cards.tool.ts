import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { capList, trelloAuth, trelloId, trelloRequest } from './trello-api.js';

interface TrelloCard {
  id: string;
  name: string;
  desc?: string;
  url?: string;
  due?: string | null;
  dueComplete?: boolean;
  closed?: boolean;
  idList?: string;
  labels?: Array<{ id: string; name?: string; color?: string | null }>;
  dateLastActivity?: string;
}

const maxDescriptionChars = 500;

export const trelloCardsTool = defineTool({
  name: 'trello_cards',
  displayName: 'List Trello Cards',
  description:
    'Lists the open cards of a Trello list (list_id) or of a whole board (board_id). Returns each card\'s id, name, ' +
    'description (cut at 500 characters), URL, due date, list id and labels (at most 100 cards).',
  icon: 'CreditCard',
  category: 'integrations',
  integration: 'trello',
  keywords: ['trello', 'cards', 'tasks', 'items', 'kanban', 'todo'],
  inputSchema: z.object({
    board_id: trelloId('board').optional(),
    list_id: trelloId('list').optional().describe('The list id; takes precedence over board_id'),
  }),
  async execute(input, context) {
    if (!input.list_id && !input.board_id) throw new ValidationError('Give list_id (cards of one list) or board_id (cards of the whole board).');
    const auth = await trelloAuth(context);
    const cards = await trelloRequest<TrelloCard[]>(context, auth, {
      path: input.list_id ? `/lists/${input.list_id}/cards` : `/boards/${input.board_id}/cards`,
      query: { fields: 'name,desc,url,due,dueComplete,closed,idList,labels,dateLastActivity' },
    });
    const { items, truncated } = capList(cards);
    return {
      result: {
        ...(input.list_id ? { list_id: input.list_id } : { board_id: input.board_id }),
        count: cards.length,
        cards: items.map((card) => ({
          id: card.id,
          name: card.name,
          description: (card.desc ?? '').slice(0, maxDescriptionChars),
          url: card.url ?? null,
          due: card.due ?? null,
          due_complete: card.dueComplete === true,
          list_id: card.idList ?? null,
          labels: (card.labels ?? []).map((label) => label.name || label.color || label.id),
        })),
        ...(truncated ? { truncated: true } : {}),
      },
    };
  },
});
