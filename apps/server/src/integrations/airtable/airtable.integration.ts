import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { airtableApiBase, airtableOwner, airtableRequest, baseIdProblem } from './airtable-api.js';
import { airtableCreateTool } from './airtable-create.tool.js';
import { airtableListTool } from './airtable-list.tool.js';
import { airtableReadTool } from './airtable-read.tool.js';
import { airtableUpdateTool } from './airtable-update.tool.js';

/** Airtable: records of a base's tables through a personal access token (reference §4.3). */
export const airtableIntegration = defineIntegration({
  id: 'airtable',
  name: 'Airtable',
  description: 'List, read, create and update records in Airtable bases.',
  icon: 'Table',
  category: 'productivity',
  docsUrl: 'https://airtable.com/developers/web/guides/personal-access-tokens',
  fields: [
    {
      key: 'api_key',
      label: 'Personal access token',
      type: 'api_key',
      required: true,
      sensitive: true,
      placeholder: 'pat…',
      helpText: 'Create one at airtable.com/create/tokens with the data.records:read and data.records:write scopes and access to your bases.',
    },
    {
      key: 'base_id',
      label: 'Default base id',
      type: 'text',
      required: false,
      sensitive: false,
      placeholder: 'appXXXXXXXXXXXXXX',
      helpText: 'Used when a tool call names no base; it is in the base\'s URL.',
      validate: baseIdProblem,
    },
  ],
  tools: [airtableListTool, airtableReadTool, airtableCreateTool, airtableUpdateTool],
  /** Who the token belongs to (GET /v0/meta/whoami): the cheapest call that proves the token works. */
  async test(values, context) {
    const token = requireValues(values, airtableOwner, ['api_key']).api_key!.trim();
    const who = await airtableRequest<{ id: string; email?: string; scopes?: string[] }>(context, token, { url: `${airtableApiBase}/meta/whoami` });
    return {
      message: `Connected to Airtable as ${who.email ?? who.id}.`,
      details: { userId: who.id, ...(who.scopes ? { scopes: who.scopes } : {}) },
    };
  },
});
