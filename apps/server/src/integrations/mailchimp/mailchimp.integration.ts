import { AppError } from '../../platform/errors/app-error.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { mailchimp, mailchimpApi, validateMailchimpKey } from './mailchimp-api.js';
import { mailchimpAddSubscriberTool } from './mailchimp-add-subscriber.tool.js';
import { mailchimpListsTool } from './mailchimp-lists.tool.js';

/** Mailchimp audiences. The credential test reads the API root of the key's data center (account name). */
export const mailchimpIntegration = defineIntegration({
  id: mailchimp.id,
  name: mailchimp.name,
  description: 'List Mailchimp audiences and add subscribers.',
  icon: 'Megaphone',
  category: 'marketing',
  docsUrl: 'https://mailchimp.com/developer/marketing/guides/quick-start/',
  fields: [
    { key: 'api_key', label: 'API Key', type: 'api_key', required: true, placeholder: '0123…abcd-us21', helpText: 'Mailchimp → Account → Extras → API keys. The part after the dash is your data center.', sensitive: true, validate: validateMailchimpKey },
  ],
  tools: [mailchimpListsTool, mailchimpAddSubscriberTool],
  async test(values, context) {
    const key = requireValues(values, mailchimp, ['api_key']).api_key!.trim();
    const problem = validateMailchimpKey(key);
    if (problem) throw new AppError('validation_failed', problem);
    const account = await mailchimpApi<{ account_name?: string; email?: string }>(context, key, { path: '/', query: { fields: 'account_name,email' } });
    return { message: `Connected to Mailchimp account "${account.account_name ?? 'unknown'}"${account.email ? ` (${account.email})` : ''}.` };
  },
});
