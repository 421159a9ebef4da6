import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { validateEmailAddress } from '../email-addresses.js';
import { requireValues } from '../require-credential.js';
import { brevo } from './brevo-api.js';
import { sendBrevoEmailTool } from './send-brevo-email.tool.js';

interface BrevoAccount {
  email?: string;
  companyName?: string;
  plan?: Array<{ type?: string; credits?: number }>;
}

/** Brevo (formerly Sendinblue) transactional email. The credential test reads the account (`GET /v3/account`). */
export const brevoIntegration = defineIntegration({
  id: brevo.id,
  name: brevo.name,
  description: 'Send transactional emails through Brevo (formerly Sendinblue).',
  icon: 'Mail',
  category: 'marketing',
  docsUrl: 'https://developers.brevo.com/reference/sendtransacemail',
  fields: [
    { key: 'api_key', label: 'API Key', type: 'api_key', required: true, placeholder: 'xkeysib-…', helpText: 'Brevo → SMTP & API → API Keys.', sensitive: true },
    { key: 'from_email', label: 'Default From Email', type: 'text', required: false, placeholder: 'noreply@example.com', helpText: 'A verified sender of the account.', sensitive: false, validate: validateEmailAddress },
    { key: 'from_name', label: 'Default From Name', type: 'text', required: false, placeholder: 'Acme', sensitive: false },
  ],
  tools: [sendBrevoEmailTool],
  async test(values, context) {
    const key = requireValues(values, brevo, ['api_key']).api_key!.trim();
    const { data } = await callService<BrevoAccount>(context, { service: 'Brevo', url: 'https://api.brevo.com/v3/account', headers: { 'api-key': key } });
    const who = data.companyName ? `${data.companyName} (${data.email ?? 'no email'})` : (data.email ?? 'your account');
    return { message: `Connected to Brevo as ${who}.`, details: { plan: data.plan?.[0]?.type } };
  },
});
