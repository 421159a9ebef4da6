import type { CredentialValues } from '../define-integration.js';

/**
 * ReferralMonk has no public API documentation (the docs search finds none). This follows the reference
 * implementation: `POST https://ahaguru.referralmonk.com/api/campaign` with `Api-Token` and `Api-Secret` headers
 * and a JSON body `{ template_name, channel: 'whatsapp', recipients: [{ mobile, language, externalMessageId,
 * components: [{ type: 'body', parameters: [{ type: 'text', text }] }] }] }`.
 */
export const referralmonk = { id: 'referralmonk', name: 'ReferralMonk' } as const;

export const campaignUrl = 'https://ahaguru.referralmonk.com/api/campaign';

/** The two authentication headers of the campaign API. */
export function referralmonkHeaders(values: CredentialValues): Record<string, string> {
  return { 'api-token': values.api_token!.trim(), 'api-secret': values.api_secret!.trim() };
}
