import { defineIntegration } from '../define-integration.js';
import { trelloAuthOf, trelloRequest } from './trello-api.js';
import { trelloBoardsTool } from './trello-boards.tool.js';
import { trelloCardsTool } from './trello-cards.tool.js';
import { trelloCreateCardTool } from './trello-create-card.tool.js';
import { trelloListsTool } from './trello-lists.tool.js';

/** Trello: boards, lists and cards through an API key and a user token (reference §4.3). */
export const trelloIntegration = defineIntegration({
  id: 'trello',
  name: 'Trello',
  description: 'List boards, lists and cards in Trello and create cards.',
  icon: 'SquareKanban',
  category: 'productivity',
  docsUrl: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/api-introduction/',
  fields: [
    {
      key: 'api_key',
      label: 'API key',
      type: 'api_key',
      required: true,
      sensitive: true,
      helpText: 'The API key of your Power-Up (trello.com/power-ups/admin → your Power-Up → API key).',
    },
    {
      key: 'token',
      label: 'Token',
      type: 'token',
      required: true,
      sensitive: true,
      helpText: 'A user token authorised for that key (the "Token" link next to the API key).',
    },
  ],
  tools: [trelloBoardsTool, trelloListsTool, trelloCardsTool, trelloCreateCardTool],
  /** The token's member (GET /1/members/me): the cheapest call that proves key and token work together. */
  async test(values, context) {
    const member = await trelloRequest<{ id: string; username: string; fullName?: string }>(context, trelloAuthOf(values), {
      path: '/members/me',
      query: { fields: 'username,fullName' },
    });
    return {
      message: `Connected to Trello as ${member.fullName ? `${member.fullName} (@${member.username})` : `@${member.username}`}.`,
      details: { memberId: member.id, username: member.username },
    };
  },
});
