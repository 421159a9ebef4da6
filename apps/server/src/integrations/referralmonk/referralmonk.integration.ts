import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { campaignUrl, referralmonk, referralmonkHeaders } from './referralmonk-api.js';
import { referralmonkWhatsappTool } from './referralmonk-whatsapp.tool.js';

/**
 * ReferralMonk WhatsApp campaigns. The API offers no read call, so the credential test does what the reference
 * does: a campaign request with no recipients (nothing is sent). 401/403 mean wrong credentials; any other answer
 * below 500 means ReferralMonk accepted them.
 */
export const referralmonkIntegration = defineIntegration({
  id: referralmonk.id,
  name: referralmonk.name,
  description: 'Send WhatsApp template messages through ReferralMonk for campaigns and nurture flows.',
  icon: 'MessageSquare',
  category: 'communication',
  docsUrl: 'https://referralmonk.com',
  fields: [
    { key: 'api_token', label: 'API Token', type: 'api_key', required: true, placeholder: 'Your ReferralMonk API token', helpText: 'From the ReferralMonk dashboard.', sensitive: true },
    { key: 'api_secret', label: 'API Secret', type: 'api_key', required: true, placeholder: 'Your ReferralMonk API secret', sensitive: true },
  ],
  tools: [referralmonkWhatsappTool],
  async test(values, context) {
    requireValues(values, referralmonk, ['api_token', 'api_secret']);
    try {
      await callService(context, {
        service: 'ReferralMonk',
        method: 'POST',
        url: campaignUrl,
        headers: referralmonkHeaders(values),
        json: { template_name: 'credential_check', channel: 'whatsapp', recipients: [] },
        expect: 'any',
      });
    } catch (error) {
      const status = error instanceof AppError ? (error.details as { status?: number } | undefined)?.status : undefined;
      if (status === undefined || status === 401 || status === 403 || status >= 500) throw error;
    }
    return { message: 'Connected to ReferralMonk: the API token and secret were accepted (nothing was sent).' };
  },
});
