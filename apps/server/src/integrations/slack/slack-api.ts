import { ValidationError } from '../../platform/errors/app-error.js';
import { requireCredential } from '../require-credential.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { serviceWebhookUrl } from '../webhook-url.js';

export const slack = { id: 'slack', name: 'Slack' } as const;

/** Slack incoming webhooks live under `https://hooks.slack.com/services/…`. */
export const validateSlackWebhookUrl = serviceWebhookUrl(['hooks.slack.com'], '/services/', 'https://hooks.slack.com/services/T…/B…/…');

/** The webhook URL of the caller's Slack credential, checked again (a stored value is not trusted blindly). */
export async function slackWebhookUrl(context: Pick<ToolContext, 'getCredential'>): Promise<string> {
  const values = await requireCredential(context, slack, ['webhook_url']);
  const url = values.webhook_url!.trim();
  const problem = validateSlackWebhookUrl(url);
  if (problem) throw new ValidationError(`The Slack credential's webhook URL is not valid: ${problem}`);
  return url;
}
