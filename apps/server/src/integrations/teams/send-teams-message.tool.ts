import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { refuseHtmlAnswer } from '../webhook-url.js';
import { messageCard, teams, teamsWebhookUrl } from './teams-api.js';

/** Posts a MessageCard to the user's Teams incoming webhook (Teams answers `1` as text, Workflows `202`). */
export const sendTeamsMessageTool = defineTool({
  name: 'send_teams_message',
  displayName: 'Send Teams Message',
  description:
    'Posts a message card to the Microsoft Teams channel of the user\'s incoming webhook: text (simple markdown), an ' +
    'optional title, accent colour and a link button. Use it to notify a team in Teams. Returns whether Teams accepted it.',
  icon: 'Users',
  category: 'integrations',
  integration: teams.id,
  keywords: ['teams', 'microsoft', 'message', 'send', 'channel', 'notify', 'notification', 'card', 'office'],
  inputSchema: z.object({
    text: z.string().trim().min(1, 'Give the message text').max(20_000).describe('The message (markdown)'),
    title: z.string().max(200).optional().describe('Card title'),
    theme_color: z.string().regex(/^#?[0-9a-fA-F]{6}$/, 'A hex colour like #0078D4').optional().describe('Accent colour, hex like #0078D4'),
    button_text: z.string().max(100).optional().describe('Label of a link button'),
    button_url: z.url({ protocol: /^https?$/ }).optional().describe('Where the button opens'),
  }),
  async execute(input, context) {
    if (Boolean(input.button_text) !== Boolean(input.button_url)) throw new ValidationError('Give both button_text and button_url, or neither.');
    const url = await teamsWebhookUrl(context);
    const card = messageCard({
      text: input.text,
      ...(input.title ? { title: input.title } : {}),
      ...(input.theme_color ? { themeColor: input.theme_color.replace(/^#/, '') } : {}),
      ...(input.button_text && input.button_url ? { buttons: [{ text: input.button_text, url: input.button_url }] } : {}),
    });
    const response = await callService(context, { service: 'Microsoft Teams', method: 'POST', url, json: card, expect: 'any' });
    refuseHtmlAnswer('Microsoft Teams', response);
    return { result: { sent: true, status: response.status, ...(input.title ? { title: input.title } : {}) } };
  },
});
