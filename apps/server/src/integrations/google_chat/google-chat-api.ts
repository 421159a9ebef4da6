import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { requireCredential } from '../require-credential.js';
import { serviceWebhookUrl } from '../webhook-url.js';

export const googleChat = { id: 'google_chat', name: 'Google Chat' } as const;

const baseValidate = serviceWebhookUrl(['chat.googleapis.com'], '/v1/spaces/', 'https://chat.googleapis.com/v1/spaces/AAAA…/messages?key=…&token=…');

/** Google Chat webhooks: `https://chat.googleapis.com/v1/spaces/<space>/messages?key=…&token=…`. */
export function validateGoogleChatWebhookUrl(value: string): string | null {
  const problem = baseValidate(value);
  if (problem) return problem;
  const url = new URL(value.trim());
  if (!/^\/v1\/spaces\/[^/]+\/messages$/.test(url.pathname) || !url.searchParams.get('key') || !url.searchParams.get('token')) {
    return 'The webhook URL must be the whole URL Google Chat gives, ending in /messages?key=…&token=…';
  }
  return null;
}

/** The webhook URL of the caller's Google Chat credential, checked again. */
export async function googleChatWebhookUrl(context: Pick<ToolContext, 'getCredential'>): Promise<string> {
  const url = (await requireCredential(context, googleChat, ['webhook_url'])).webhook_url!.trim();
  const problem = validateGoogleChatWebhookUrl(url);
  if (problem) throw new ValidationError(`The Google Chat credential's webhook URL is not valid: ${problem}`);
  return url;
}

/** The message resource Google Chat answers with. */
export interface ChatMessage {
  name: string;
  createTime?: string;
  thread?: { name: string };
  space?: { name: string; displayName?: string };
}
