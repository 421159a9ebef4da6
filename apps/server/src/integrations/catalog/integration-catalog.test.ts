import { readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrationFieldTypes, integrationSchema } from '@claraverse/shared';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { toolCatalog } from '../../tools/catalog/index.js';
import type { AnyToolDefinition } from '../../tools/define-tool.js';
import { integrationCategories } from '../define-integration.js';
import { createIntegrationDirectory } from '../integration-directory.js';
import { integrationCatalog, integrationTools } from './index.js';

// Guards the catalogue: the reference's 34 integrations with their 97 tools plus SMTP, and every
// integration complete (a live credential test and its test file, valid fields), every tool of an
// integration belongs to it, lives in its own file with a test beside it, and has a name no other tool has.
const integrationsDir = dirname(dirname(fileURLToPath(import.meta.url)));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}
const files = filesUnder(integrationsDir);
const toolFiles = files.filter((file) => file.endsWith('.tool.ts'));
const kebab = (name: string) => name.replaceAll('_', '-');

/** Reference §4.3, integration by integration, plus `smtp` (issue 5: send_email_smtp as an integration of its own). */
const referenceTools: Record<string, string[]> = {
  discord: ['send_discord_message'], slack: ['send_slack_message'], telegram: ['send_telegram_message'], teams: ['send_teams_message'],
  google_chat: ['send_google_chat_message'], zoom: ['zoom_meeting'], twilio: ['twilio_send_sms', 'twilio_send_whatsapp'],
  referralmonk: ['referralmonk_whatsapp'],
  composio_gmail: [
    'gmail_send_email', 'gmail_fetch_emails', 'gmail_get_message', 'gmail_reply_to_thread', 'gmail_create_draft', 'gmail_send_draft',
    'gmail_list_drafts', 'gmail_add_label', 'gmail_list_labels', 'gmail_move_to_trash',
  ],
  notion: ['notion_search', 'notion_query_database', 'notion_create_page', 'notion_update_page'],
  airtable: ['airtable_list', 'airtable_read', 'airtable_create', 'airtable_update'],
  trello: ['trello_boards', 'trello_lists', 'trello_cards', 'trello_create_card'],
  clickup: ['clickup_tasks', 'clickup_create_task', 'clickup_update_task'],
  calendly: ['calendly_events', 'calendly_event_types', 'calendly_invitees'],
  composio_googlesheets: [
    'googlesheets_read', 'googlesheets_write', 'googlesheets_append', 'googlesheets_create', 'googlesheets_get_info', 'googlesheets_list_sheets',
    'googlesheets_search', 'googlesheets_clear', 'googlesheets_add_sheet', 'googlesheets_delete_sheet', 'googlesheets_find_replace',
    'googlesheets_upsert_rows',
  ],
  github: ['github_create_issue', 'github_list_issues', 'github_get_repo', 'github_add_comment'],
  gitlab: ['gitlab_projects', 'gitlab_issues', 'gitlab_mrs'],
  linear: ['linear_issues', 'linear_create_issue', 'linear_update_issue'],
  jira: ['jira_issues', 'jira_create_issue', 'jira_update_issue'],
  hubspot: ['hubspot_contacts', 'hubspot_deals', 'hubspot_companies'],
  leadsquared: ['leadsquared_leads', 'leadsquared_create_lead', 'leadsquared_activities'],
  sendgrid: ['send_email'], brevo: ['send_brevo_email'], mailchimp: ['mailchimp_lists', 'mailchimp_add_subscriber'],
  mixpanel: ['mixpanel_track', 'mixpanel_user_profile'], posthog: ['posthog_capture', 'posthog_identify', 'posthog_query'],
  shopify: ['shopify_products', 'shopify_orders', 'shopify_customers'], netlify: ['netlify_sites', 'netlify_deploys', 'netlify_trigger_build'],
  aws_s3: ['s3_list', 's3_upload', 's3_download', 's3_delete'],
  x_twitter: ['x_search_posts', 'x_post_tweet', 'x_get_user', 'x_get_user_posts'],
  custom_webhook: ['send_webhook'], rest_api: ['api_request'],
  mongodb: ['mongodb_query', 'mongodb_write'], redis: ['redis_read', 'redis_write'],
  smtp: ['send_email_smtp'],
};

describe('the integration catalogue', () => {
  it("holds the reference's 34 integrations with their 97 tools, plus SMTP", () => {
    const actual = Object.fromEntries(integrationCatalog.map((integration) => [integration.id, integration.tools.map((tool) => tool.name).sort()]));
    const expected = Object.fromEntries(Object.entries(referenceTools).map(([id, names]) => [id, [...names].sort()]));
    expect(actual).toEqual(expected);
    expect(Object.keys(expected)).toHaveLength(35);
    expect(Object.values(expected).flat()).toHaveLength(98);
  });

  it('has unique snake_case ids in known categories, each shown through the API contract', () => {
    expect(integrationCatalog.length).toBeGreaterThan(0);
    const ids = integrationCatalog.map((integration) => integration.id);
    expect(new Set(ids).size).toBe(ids.length);
    const directory = createIntegrationDirectory(integrationCatalog, { isComposioConfigured: true });
    for (const integration of integrationCatalog) {
      expect(integration.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(integrationCategories.map((category) => category.id)).toContain(integration.category);
      expect(integration.name.trim(), integration.id).not.toBe('');
      expect(integration.description.length, `${integration.id} description`).toBeGreaterThan(10);
      expect(integration.icon, `${integration.id} icon`).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(() => new URL(integration.docsUrl), `${integration.id} docsUrl`).not.toThrow();
      expect(integration.docsUrl).toMatch(/^https:\/\//);
      expect(integration.tools.length, `${integration.id} has no tools`).toBeGreaterThan(0);
      expect(integrationSchema.safeParse(directory.present(integration)).success, integration.id).toBe(true);
    }
  });

  it('gives every integration a live credential test and an <id>.integration.test.ts', () => {
    const testFiles = new Set(files.filter((file) => file.endsWith('.integration.test.ts')).map((file) => basename(file, '.integration.test.ts')));
    for (const integration of integrationCatalog) {
      expect(typeof integration.test, `${integration.id} has no credential test`).toBe('function');
      expect(testFiles.has(integration.id) || testFiles.has(kebab(integration.id)), `${integration.id}.integration.test.ts is missing`).toBe(true);
    }
  });

  it('has valid fields: unique snake_case keys, secrets marked sensitive, selects with options, defaults that pass', () => {
    for (const integration of integrationCatalog) {
      const keys = integration.fields.map((field) => field.key);
      expect(new Set(keys).size, `${integration.id} repeats a field key`).toBe(keys.length);
      expect(integration.fields.some((field) => field.required), `${integration.id} requires no field`).toBe(true);
      for (const field of integration.fields) {
        const where = `${integration.id}.${field.key}`;
        expect(field.key, where).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(field.label.trim(), where).not.toBe('');
        expect(integrationFieldTypes, where).toContain(field.type);
        if (field.type === 'api_key' || field.type === 'token' || field.type === 'webhook_url') expect(field.sensitive, `${where} is a secret`).toBe(true);
        if (field.type === 'select') expect(field.options?.length, `${where} has no options`).toBeGreaterThan(0);
        else expect(field.options, `${where} has options but is not a select`).toBeUndefined();
        if (field.default !== undefined) {
          if (field.options) expect(field.options, where).toContain(field.default);
          if (field.type === 'json') expect(() => JSON.parse(field.default!), where).not.toThrow();
          expect(field.validate?.(field.default) ?? null, `${where} default fails its own check`).toBeNull();
        }
      }
    }
  });

  it("makes every tool of an integration an `integrations` tool of that integration, with its own file and a test beside it", async () => {
    const owned = new Map<AnyToolDefinition, string>();
    for (const integration of integrationCatalog) {
      for (const tool of integration.tools) {
        expect(tool.integration, tool.name).toBe(integration.id);
        expect(tool.category, tool.name).toBe('integrations');
        expect(tool.name).toMatch(/^[a-z][a-z0-9_]*$/);
        owned.set(tool, integration.id);
        const file = toolFiles.find((candidate) => basename(candidate) === `${kebab(tool.name)}.tool.ts`);
        expect(file, `${tool.name} has no ${kebab(tool.name)}.tool.ts`).toBeDefined();
        expect(files, `${tool.name} has no test beside its file`).toContain(file!.replace(/\.tool\.ts$/, '.tool.test.ts'));
        expect(z.toJSONSchema(tool.inputSchema, { io: 'input', unrepresentable: 'any' }), tool.name).toMatchObject({ type: 'object' });
      }
    }
    // And the other way round: a tool file nobody registered is a forgotten line in an integration.
    for (const file of toolFiles) {
      const module = (await import(file)) as Record<string, unknown>;
      const exported = Object.values(module).filter((value) => owned.has(value as AnyToolDefinition));
      expect(exported, `${relative(integrationsDir, file)} exports no tool of an integration in the catalogue`).toHaveLength(1);
    }
  });

  it('has tool names unique across built-in and integration tools', () => {
    const names = [...toolCatalog, ...integrationTools].map((tool) => tool.name);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([]);
  });
});
