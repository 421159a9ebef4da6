import { describe, expect, it } from 'vitest';
import type { RegisteredTool } from '../../tools/tool-registry.js';
import { formatCatalogue, formatToolDetails, listBuilderTools, setupRequiredFor, toolsUsedBy, type BuilderToolsDeps } from './builder-tools.js';

const tool = (name: string, category: string, integration?: string): RegisteredTool => ({
  name, displayName: name, description: `Does ${name}.\nSecond line.`, icon: 'x', category: category as RegisteredTool['category'], keywords: [],
  ...(integration ? { integration } : {}), source: 'builtin', interactive: false,
  inputJsonSchema: { type: 'object', properties: { text: { type: 'string', description: 'What to send' }, channel: { type: 'string' } }, required: ['text'] },
  run: () => Promise.reject(new Error('not run here')),
});

function depsWith(credentials: Record<string, string>): BuilderToolsDeps {
  return {
    listTools: () => Promise.resolve([tool('calculate_math', 'math'), tool('send_slack_message', 'integrations', 'slack'), tool('send_teams_message', 'integrations', 'teams'), tool('composio_gmail_send', 'integrations', 'gmail')]),
    // Gmail is not offered by this instance (no Composio): its tools are left out.
    integrationOf: (id) => ({ slack: { name: 'Slack', category: 'communication' }, teams: { name: 'Microsoft Teams', category: 'communication' } } as Record<string, { name: string; category: string }>)[id],
    credentialIntegrations: () => Promise.resolve(new Map(Object.entries(credentials))),
  };
}

describe('the builder’s tools', () => {
  it('groups the catalogue by category (integration tools under their integration’s), leaving out unoffered integrations', async () => {
    const tools = await listBuilderTools(depsWith({}), 'user-1');
    expect([...tools.keys()]).toEqual(['calculate_math', 'send_slack_message', 'send_teams_message']);
    expect(formatCatalogue(tools.values())).toBe([
      '## communication',
      '- send_slack_message (Slack): Does send_slack_message. Second line.',
      '- send_teams_message (Microsoft Teams): Does send_teams_message. Second line.',
      '## math',
      '- calculate_math: Does calculate_math. Second line.',
    ].join('\n'));
    expect(formatToolDetails([tools.get('send_slack_message')!])).toBe(
      '- send_slack_message [Slack] — Does send_slack_message. Second line. — parameters: text: string (What to send); channel?: string',
    );
  });

  it('lists the used tools whose integration the user has no credential for', async () => {
    const deps = depsWith({ 'cred-1': 'teams' });
    const tools = await listBuilderTools(deps, 'user-1');
    const workflow = {
      blocks: [
        { type: 'llm_inference', config: { enabledTools: ['send_slack_message', 'calculate_math'], requiredTools: ['send_slack_message'] } },
        { type: 'code_block', config: { toolName: 'send_teams_message' } },
      ],
    };
    expect(toolsUsedBy(workflow).sort()).toEqual(['calculate_math', 'send_slack_message', 'send_teams_message']);
    expect(await setupRequiredFor(deps, 'user-1', workflow, tools)).toEqual([{ toolId: 'send_slack_message', integrationId: 'slack', integrationName: 'Slack' }]);
    expect(await setupRequiredFor(depsWith({ a: 'teams', b: 'slack' }), 'user-1', workflow, tools)).toEqual([]);
  });
});
