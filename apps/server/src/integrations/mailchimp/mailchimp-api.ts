import { ValidationError } from '../../platform/errors/app-error.js';
import type { ToolContext } from '../../tools/define-tool.js';
import { callService, type ServiceContext, type ServiceRequest } from '../call-service.js';
import { requireCredential } from '../require-credential.js';

export const mailchimp = { id: 'mailchimp', name: 'Mailchimp' } as const;

/** A Marketing API key ends in its data center: `…-us21`. */
const apiKeyPattern = /^[A-Za-z0-9]{8,64}-([a-z]{2,4}\d{1,3})$/;

/** `validate` of the api_key field (its suffix becomes part of the API host, so it must be a data center). */
export function validateMailchimpKey(value: string): string | null {
  return apiKeyPattern.test(value.trim()) ? null : 'A Mailchimp API key ends in its data center, like 0123…abcd-us21.';
}

/** The caller's Mailchimp key, checked. */
export async function mailchimpKey(context: Pick<ToolContext, 'getCredential'>): Promise<string> {
  const key = (await requireCredential(context, mailchimp, ['api_key'])).api_key!.trim();
  const problem = validateMailchimpKey(key);
  if (problem) throw new ValidationError(`The Mailchimp credential's API key is not valid. ${problem}`);
  return key;
}

/**
 * Calls the Marketing API of the key's data center (`https://<dc>.api.mailchimp.com/3.0<path>`) with Basic auth
 * (any user name, the key as password).
 */
export async function mailchimpApi<Data>(context: ServiceContext, key: string, request: Omit<ServiceRequest, 'service' | 'url' | 'headers'> & { path: string }): Promise<Data> {
  const dataCenter = apiKeyPattern.exec(key)![1]!;
  const { path, ...rest } = request;
  const { data } = await callService<Data>(context, {
    service: 'Mailchimp',
    url: `https://${dataCenter}.api.mailchimp.com/3.0${path}`,
    headers: { authorization: `Basic ${Buffer.from(`claraverse:${key}`).toString('base64')}` },
    ...rest,
  });
  return data;
}

