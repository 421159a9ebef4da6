import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { validateEmailAddress } from '../email-addresses.js';
import { requireValues } from '../require-credential.js';
import { sendEmailTool } from './send-email.tool.js';
import { sendgrid } from './sendgrid-api.js';

/**
 * SendGrid email. The credential test lists the key's scopes (`GET /v3/scopes`, allowed for every key) and
 * checks it may send mail.
 */
export const sendgridIntegration = defineIntegration({
  id: sendgrid.id,
  name: sendgrid.name,
  description: 'Send emails with attachments through SendGrid.',
  icon: 'Mail',
  category: 'marketing',
  docsUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send',
  fields: [
    { key: 'api_key', label: 'API Key', type: 'api_key', required: true, placeholder: 'SG.…', helpText: 'SendGrid → Settings → API Keys (Mail Send permission).', sensitive: true },
    { key: 'from_email', label: 'Default From Email', type: 'text', required: false, placeholder: 'noreply@example.com', helpText: 'A verified sender of the account.', sensitive: false, validate: validateEmailAddress },
  ],
  tools: [sendEmailTool],
  async test(values, context) {
    const key = requireValues(values, sendgrid, ['api_key']).api_key!.trim();
    const { data } = await callService<{ scopes?: string[] }>(context, { service: 'SendGrid', url: 'https://api.sendgrid.com/v3/scopes', headers: { authorization: `Bearer ${key}` } });
    const scopes = data.scopes ?? [];
    if (!scopes.includes('mail.send')) throw new AppError('validation_failed', 'The SendGrid API key works but may not send mail; give it the Mail Send permission.', { scopes: scopes.length });
    return { message: `Connected to SendGrid; the API key may send mail (${scopes.length} permissions).` };
  },
});
