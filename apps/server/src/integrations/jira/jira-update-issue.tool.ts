import { z } from 'zod';
import { ValidationError } from '../../platform/errors/app-error.js';
import { defineTool } from '../../tools/define-tool.js';
import { issueKeyInput, jiraAuth, jiraRequest, textToAdf, type JiraAuth } from './jira-api.js';
import type { ServiceContext } from '../call-service.js';

interface Transition {
  id: string;
  name: string;
  to?: { name?: string };
}

/** The id of the transition named (or leading to the status named), read before anything is changed. */
async function transitionId(context: ServiceContext, auth: JiraAuth, issueKey: string, wanted: string): Promise<string> {
  const { data } = await jiraRequest<{ transitions?: Transition[] }>(context, auth, { path: `/issue/${issueKey}/transitions` });
  const transitions = data.transitions ?? [];
  const match = (name: string | undefined) => name !== undefined && name.toLowerCase() === wanted.trim().toLowerCase();
  const found = transitions.find((transition) => match(transition.name)) ?? transitions.find((transition) => match(transition.to?.name));
  if (!found) {
    const names = transitions.map((transition) => `"${transition.name}"`).join(', ') || 'none';
    throw new ValidationError(`${issueKey} cannot move with "${wanted}"; the transitions open to it now are ${names}.`);
  }
  return found.id;
}

export const jiraUpdateIssueTool = defineTool({
  name: 'jira_update_issue',
  displayName: 'Update Jira Issue',
  description:
    'Changes a Jira issue: summary, description (plain text), priority, and/or moves it through its workflow with ' +
    'a transition name or target status (e.g. "Done", "In Progress"). An unknown transition fails before anything ' +
    'changes and lists the ones available. Returns what was changed.',
  icon: 'Edit',
  category: 'integrations',
  integration: 'jira',
  keywords: ['jira', 'issue', 'update', 'edit', 'modify', 'transition', 'status', 'close', 'atlassian'],
  inputSchema: z.object({
    issue_key: issueKeyInput,
    summary: z.string().min(1).max(255).optional().describe('New summary'),
    description: z.string().max(32_000).optional().describe('New description, plain text'),
    priority: z.string().max(60).optional().describe('New priority name'),
    transition: z.string().min(1).max(100).optional().describe('A transition or target status name, e.g. "Done"'),
  }),
  async execute(input, context) {
    const fields = {
      ...(input.summary ? { summary: input.summary } : {}),
      ...(input.description === undefined ? {} : { description: textToAdf(input.description) }),
      ...(input.priority ? { priority: { name: input.priority } } : {}),
    };
    if (Object.keys(fields).length === 0 && !input.transition) throw new ValidationError('Give at least one of summary, description, priority or transition.');
    const auth = await jiraAuth(context);
    const issueKey = input.issue_key.toUpperCase();
    const transition = input.transition ? await transitionId(context, auth, issueKey, input.transition) : undefined;
    if (Object.keys(fields).length > 0) await jiraRequest(context, auth, { method: 'PUT', path: `/issue/${issueKey}`, json: { fields } });
    if (transition) await jiraRequest(context, auth, { method: 'POST', path: `/issue/${issueKey}/transitions`, json: { transition: { id: transition } } });
    return {
      result: {
        updated: true,
        issue_key: issueKey,
        fields_changed: Object.keys(fields),
        ...(input.transition ? { transitioned: input.transition } : {}),
        url: `${auth.siteUrl}/browse/${issueKey}`,
      },
    };
  },
});
