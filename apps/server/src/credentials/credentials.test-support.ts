import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { callService } from '../integrations/call-service.js';
import { defineIntegration } from '../integrations/define-integration.js';
import { defineTool } from '../tools/define-tool.js';

/** The documented base URL of the example service; tests redirect it to their double. */
export const exampleChatApi = 'https://api.example-chat.test';

/** A tool of the example integration: reports which credential values it got (for the resolver's wiring). */
export const exampleChatPostTool = defineTool({
  name: 'example_chat_post',
  displayName: 'Example Chat Post',
  description: 'Posts to Example Chat (test integration).',
  icon: 'MessageSquare',
  category: 'integrations',
  integration: 'example_chat',
  keywords: ['example'],
  inputSchema: z.object({ text: z.string() }),
  async execute(input, context) {
    const values = await context.getCredential!('example_chat');
    return { result: { text: input.text, workspace: values.workspace ?? null } };
  },
});

/** A tool of the example integration that asks for another integration's credential (it must be refused). */
export const exampleChatPeekTool = defineTool({
  name: 'example_chat_peek',
  displayName: 'Example Chat Peek',
  description: 'Tries to read the Example Notes token (test integration).',
  icon: 'Eye',
  category: 'integrations',
  integration: 'example_chat',
  keywords: ['example'],
  inputSchema: z.object({}),
  async execute(_input, context) {
    return { result: await context.getCredential!('example_notes') };
  },
});

/**
 * A small integration for the credentials domain's tests, with one field of each kind that matters: a webhook
 * URL with its own check, an API key, plain text, a select with a default and JSON. Its live test calls
 * `GET https://api.example-chat.test/v1/auth.test` with the key as a bearer token.
 */
export const exampleChatIntegration = defineIntegration({
  id: 'example_chat',
  name: 'Example Chat',
  description: 'A chat service used by tests.',
  icon: 'MessageSquare',
  category: 'communication',
  docsUrl: 'https://docs.example-chat.test/tokens',
  fields: [
    {
      key: 'webhook_url', label: 'Webhook URL', type: 'webhook_url', required: true, sensitive: true,
      validate: (value) => (value.startsWith('https://hooks.example-chat.test/') ? null : 'Use the https://hooks.example-chat.test/… URL of your channel'),
    },
    { key: 'api_key', label: 'API key', type: 'api_key', required: true, sensitive: true, helpText: 'Settings → API' },
    { key: 'workspace', label: 'Workspace', type: 'text', required: false, sensitive: false },
    { key: 'mode', label: 'Mode', type: 'select', required: true, sensitive: false, options: ['bot', 'user'], default: 'bot' },
    { key: 'extra', label: 'Extra settings', type: 'json', required: false, sensitive: false },
  ],
  tools: [exampleChatPostTool, exampleChatPeekTool],
  async test(values, context) {
    const { data } = await callService<{ team: string; user: string }>(context, {
      service: 'Example Chat', url: `${exampleChatApi}/v1/auth.test`, headers: { authorization: `Bearer ${values.api_key}` },
    });
    return { message: `Connected to workspace "${data.team}" as ${data.user}`, details: { team: data.team } };
  },
});

/** An integration with no live test and one plain field. */
export const exampleNotesIntegration = defineIntegration({
  id: 'example_notes',
  name: 'Example Notes',
  description: 'A notes service used by tests.',
  icon: 'StickyNote',
  category: 'productivity',
  docsUrl: 'https://docs.example-notes.test',
  fields: [{ key: 'token', label: 'Token', type: 'token', required: true, sensitive: true }],
  tools: [],
});

/** An integration that needs Composio (unset in tests). */
export const exampleComposioIntegration = defineIntegration({
  id: 'example_composio',
  name: 'Example Composio',
  description: 'Connected through Composio.',
  icon: 'Mail',
  category: 'communication',
  docsUrl: 'https://docs.composio.dev',
  fields: [{ key: 'composio_entity_id', label: 'Entity', type: 'text', required: true, sensitive: false }],
  tools: [],
  requiresInstanceConfig: 'composio',
});

export const exampleIntegrations = [exampleChatIntegration, exampleNotesIntegration, exampleComposioIntegration];

/** Fresh secret values for the example integration (each test its own, so a dump can be searched for them). */
export function exampleChatValues() {
  return {
    webhook_url: `https://hooks.example-chat.test/services/T01/B02/${randomBytes(16).toString('hex')}`,
    api_key: `xoxb-${randomBytes(20).toString('hex')}`,
    workspace: 'acme',
  };
}
