import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { capList, trelloAuth, trelloId, trelloRequest } from './trello-api.js';

interface TrelloList {
  id: string;
  name: string;
  closed?: boolean;
  pos?: number;
}

export const trelloListsTool = defineTool({
  name: 'trello_lists',
  displayName: 'List Trello Lists',
  description:
    'Lists the lists (columns) of a Trello board, in board order. Use it to find the list id for ' +
    'trello_create_card or trello_cards. Returns each list\'s id, name, position and whether it is archived.',
  icon: 'List',
  category: 'integrations',
  integration: 'trello',
  keywords: ['trello', 'lists', 'board', 'columns', 'kanban'],
  inputSchema: z.object({
    board_id: trelloId('board'),
    filter: z.enum(['open', 'closed', 'all']).default('open').describe('Which lists (default open)'),
  }),
  async execute(input, context) {
    const auth = await trelloAuth(context);
    const lists = await trelloRequest<TrelloList[]>(context, auth, {
      path: `/boards/${input.board_id}/lists`,
      query: { filter: input.filter, fields: 'name,closed,pos' },
    });
    const { items, truncated } = capList(lists);
    return {
      result: {
        board_id: input.board_id,
        count: lists.length,
        lists: items.map((list) => ({ id: list.id, name: list.name, pos: list.pos ?? null, closed: list.closed === true })),
        ...(truncated ? { truncated: true } : {}),
      },
    };
  },
});
