import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';
import type { CredentialValues } from '../define-integration.js';
import { requireCredential } from '../require-credential.js';

export const telegram = { id: 'telegram', name: 'Telegram' } as const;

/** A bot token as BotFather gives it: `<bot id>:<secret>`. */
const botTokenPattern = /^\d{3,}:[A-Za-z0-9_-]{20,}$/;

/** `validate` of the bot_token field (it goes into the URL path, so nothing else may pass). */
export function validateBotToken(value: string): string | null {
  return botTokenPattern.test(value.trim()) ? null : 'A bot token looks like 123456789:AA… (from @BotFather).';
}

/** The caller's Telegram credential: a checked bot token and the default chat. */
export async function telegramCredential(context: Pick<ToolContext, 'getCredential'>): Promise<CredentialValues> {
  const values = await requireCredential(context, telegram, ['bot_token', 'chat_id']);
  const problem = validateBotToken(values.bot_token!);
  if (problem) throw new ValidationError(`The Telegram credential's bot token is not valid. ${problem}`);
  return values;
}

/** Telegram's envelope: `{ ok: true, result }` or `{ ok: false, error_code, description }`. */
interface TelegramAnswer<Result> {
  ok: boolean;
  result: Result;
  description?: string;
}

/** Calls a Bot API method (`https://api.telegram.org/bot<token>/<method>`) and returns its `result`. */
export async function callBotApi<Result>(context: ServiceContext, botToken: string, method: string, json?: unknown): Promise<Result> {
  const { data } = await callService<TelegramAnswer<Result>>(context, {
    service: 'Telegram',
    method: json === undefined ? 'GET' : 'POST',
    url: `https://api.telegram.org/bot${botToken.trim()}/${method}`,
    ...(json === undefined ? {} : { json }),
  });
  if (!data?.ok) throw new ValidationError(`Telegram did not accept the request${data?.description ? `: ${data.description}` : ''}.`);
  return data.result;
}
