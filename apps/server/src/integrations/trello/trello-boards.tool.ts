import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { capList, trelloAuth, trelloRequest } from './trello-api.js';

interface TrelloBoard {
  id: string;
  name: string;
  desc?: string;
  url?: string;
  closed?: boolean;
  dateLastActivity?: string | null;
}

export const trelloBoardsTool = defineTool({
  name: 'trello_boards',
  displayName: 'List Trello Boards',
  description:
    'Lists the Trello boards of the connected account (open ones by default). Use it to find a board id for ' +
    'trello_lists or trello_cards. Returns each board\'s id, name, description, URL, whether it is closed and its last activity (at most 100).',
  icon: 'Layout',
  category: 'integrations',
  integration: 'trello',
  keywords: ['trello', 'boards', 'list', 'project', 'kanban'],
  inputSchema: z.object({
    filter: z.enum(['open', 'closed', 'starred', 'all']).default('open').describe('Which boards (default open)'),
  }),
  async execute(input, context) {
    const auth = await trelloAuth(context);
    const boards = await trelloRequest<TrelloBoard[]>(context, auth, {
      path: '/members/me/boards',
      query: { filter: input.filter, fields: 'name,desc,url,closed,dateLastActivity' },
    });
    const { items, truncated } = capList(boards);
    return {
      result: {
        count: boards.length,
        boards: items.map((board) => ({
          id: board.id,
          name: board.name,
          description: board.desc ?? '',
          url: board.url ?? null,
          closed: board.closed === true,
          last_activity: board.dateLastActivity ?? null,
        })),
        ...(truncated ? { truncated: true } : {}),
      },
    };
  },
});
