import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext } from '../call-service.js';
import type { CredentialValues } from '../define-integration.js';
import { requireCredential } from '../require-credential.js';

export const twilio = { id: 'twilio', name: 'Twilio' } as const;

/** `validate` of account_sid (it goes into the URL path): `AC` + 32 hex digits. */
export function validateAccountSid(value: string): string | null {
  return /^AC[0-9a-fA-F]{32}$/.test(value.trim()) ? null : 'An Account SID looks like AC followed by 32 hex characters.';
}

/** The caller's Twilio credential, with a checked Account SID. */
export async function twilioCredential(context: Pick<ToolContext, 'getCredential'>): Promise<CredentialValues> {
  const values = await requireCredential(context, twilio, ['account_sid', 'auth_token']);
  const problem = validateAccountSid(values.account_sid!);
  if (problem) throw new ValidationError(`The Twilio credential's Account SID is not valid. ${problem}`);
  return values;
}

/** Basic auth of Twilio's REST API: Account SID and Auth Token. */
export function twilioAuthorization(values: CredentialValues): string {
  return `Basic ${Buffer.from(`${values.account_sid!.trim()}:${values.auth_token!.trim()}`).toString('base64')}`;
}

interface TwilioMessage {
  sid: string;
  status: string;
  to: string;
  from: string;
  num_segments?: string;
  date_created?: string;
  error_code?: number | null;
  error_message?: string | null;
}

/**
 * Creates a message (`POST /2010-04-01/Accounts/{sid}/Messages.json`, form body) and returns what the model needs:
 * its SID, status and the numbers.
 */
export async function sendTwilioMessage(
  context: ServiceContext,
  values: CredentialValues,
  message: { to: string; from: string; body: string; mediaUrl?: string | undefined },
) {
  const sid = values.account_sid!.trim();
  const { data } = await callService<TwilioMessage>(context, {
    service: 'Twilio',
    method: 'POST',
    url: `https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json`,
    headers: { authorization: twilioAuthorization(values) },
    form: { To: message.to, From: message.from, Body: message.body, MediaUrl: message.mediaUrl },
  });
  return {
    sent: true,
    messageSid: data.sid,
    status: data.status,
    to: data.to,
    from: data.from,
    ...(data.num_segments ? { segments: Number(data.num_segments) } : {}),
    ...(data.error_message ? { error: data.error_message } : {}),
  };
}

/** A phone number in E.164 (`+14155550100`), as Twilio wants it. */
export const e164 = /^\+[1-9]\d{6,14}$/;

/** The sender: the call's `from`, else the credential's `from_number`. @throws ValidationError when neither */
export function senderNumber(from: string | undefined, values: CredentialValues): string {
  const number = (from ?? values.from_number ?? '').trim().replace(/^whatsapp:/, '');
  if (!number) throw new ValidationError('Give a from number (a Twilio number), or set a default From Number in the Twilio credential.');
  if (!e164.test(number)) throw new ValidationError(`The from number ${number} is not in E.164 form (like +14155550100).`);
  return number;
}
