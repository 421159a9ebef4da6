import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { refuseHtmlAnswer } from '../webhook-url.js';
import { slack, slackWebhookUrl } from './slack-api.js';

/**
 * Posts a message through the user's Slack incoming webhook (`POST <webhook>` with a JSON payload; Slack
 * answers `ok` as text). `blocks` are Block Kit blocks; `text` is then the notification fallback.
 */
export const sendSlackMessageTool = defineTool({
  name: 'send_slack_message',
  displayName: 'Send Slack Message',
  description:
    'Posts a message to the Slack channel of the user\'s incoming webhook. Use it to notify a team or share a result ' +
    'in Slack. Supports Slack mrkdwn in text (*bold*, _italic_, <https://x|links>) and optional Block Kit blocks. ' +
    'Returns whether Slack accepted it.',
  icon: 'Hash',
  category: 'integrations',
  integration: slack.id,
  keywords: ['slack', 'message', 'send', 'channel', 'notify', 'notification', 'workspace', 'team', 'post'],
  inputSchema: z.object({
    text: z.string().max(40_000).optional().describe('The message (Slack mrkdwn); required unless blocks are given'),
    blocks: z.array(z.record(z.string(), z.unknown())).max(50).optional().describe('Block Kit blocks, e.g. [{"type":"section","text":{"type":"mrkdwn","text":"*Hi*"}}]'),
    channel: z.string().max(100).optional().describe('Channel override (#name); only legacy webhooks honour it'),
    username: z.string().max(80).optional().describe('Sender name override (legacy webhooks)'),
    icon_emoji: z.string().max(100).optional().describe('Sender icon as an emoji, e.g. :robot_face:'),
  }),
  async execute(input, context) {
    if (!input.text?.trim() && !input.blocks?.length) throw new ValidationError('Give the message text (or Block Kit blocks).');
    const url = await slackWebhookUrl(context);
    const payload = {
      ...(input.text ? { text: input.text } : {}),
      ...(input.blocks?.length ? { blocks: input.blocks } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
      ...(input.username ? { username: input.username } : {}),
      ...(input.icon_emoji ? { icon_emoji: input.icon_emoji } : {}),
    };
    refuseHtmlAnswer('Slack', await callService(context, { service: 'Slack', method: 'POST', url, json: payload, expect: 'any' }));
    return { result: { sent: true, ...(input.channel ? { channel: input.channel } : {}), characters: input.text?.length ?? 0 } };
  },
});
