import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { requireCredential } from '../require-credential.js';

export const teams = { id: 'teams', name: 'Microsoft Teams' } as const;

/** Hosts of Teams incoming webhooks: Office 365 connectors and the Power Automate "Workflows" that replace them. */
const teamsHost = /^(?:[a-z0-9-]+\.webhook\.office\.com|outlook\.office(?:365)?\.com|[a-z0-9-]+\.[a-z0-9-]+\.logic\.azure\.com|[a-z0-9.-]+\.api\.powerplatform\.com)$/;

/** `validate` of the webhook_url field: https on a Teams webhook host, nothing else. */
export function validateTeamsWebhookUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Give the whole webhook URL, like https://acme.webhook.office.com/webhookb2/…';
  }
  const portIsFine = url.port === '' || url.port === '443';
  if (url.protocol !== 'https:' || !portIsFine || url.username || url.password || !teamsHost.test(url.hostname.toLowerCase()) || url.pathname.length < 2) {
    return 'The webhook URL must be a Teams incoming webhook (https://….webhook.office.com/webhookb2/…) or a Workflows URL (https://….logic.azure.com/workflows/…).';
  }
  return null;
}

/** The webhook URL of the caller's Teams credential, checked again. */
export async function teamsWebhookUrl(context: Pick<ToolContext, 'getCredential'>): Promise<string> {
  const url = (await requireCredential(context, teams, ['webhook_url'])).webhook_url!.trim();
  const problem = validateTeamsWebhookUrl(url);
  if (problem) throw new ValidationError(`The Teams credential's webhook URL is not valid: ${problem}`);
  return url;
}

/** A legacy actionable MessageCard (what Teams incoming webhooks render). */
export function messageCard(card: { text: string; title?: string; themeColor?: string; buttons?: Array<{ text: string; url: string }> }) {
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: card.title ?? card.text.slice(0, 80),
    ...(card.themeColor ? { themeColor: card.themeColor } : {}),
    ...(card.title ? { title: card.title } : {}),
    text: card.text,
    ...(card.buttons?.length
      ? { potentialAction: card.buttons.map((button) => ({ '@type': 'OpenUri', name: button.text, targets: [{ os: 'default', uri: button.url }] })) }
      : {}),
  };
}
