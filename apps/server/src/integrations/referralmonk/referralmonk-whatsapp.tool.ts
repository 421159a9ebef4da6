import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { callService } from '../call-service.js';
import { requireCredential } from '../require-credential.js';
import { campaignUrl, referralmonk, referralmonkHeaders } from './referralmonk-api.js';

/** Sends one approved WhatsApp template to one number through ReferralMonk's campaign API (see referralmonk-api.ts). */
export const referralmonkWhatsappTool = defineTool({
  name: 'referralmonk_whatsapp',
  displayName: 'ReferralMonk WhatsApp',
  description:
    'Sends an approved WhatsApp template message through ReferralMonk to one mobile number (with country code, ' +
    'digits only, e.g. 917550002919), filling up to three template parameters in order. Use it for campaign and ' +
    'nurture messages. Returns the external message id for tracking and ReferralMonk\'s answer.',
  icon: 'MessageSquare',
  category: 'integrations',
  integration: referralmonk.id,
  keywords: ['referralmonk', 'whatsapp', 'template', 'campaign', 'message', 'marketing', 'nurture', 'ahaguru'],
  inputSchema: z.object({
    mobile: z.string().trim().transform((value) => value.replace(/[\s()+-]/g, '')).pipe(z.string().regex(/^\d{8,15}$/, 'Give the mobile number with its country code, digits only (e.g. 917550002919)')).describe('Mobile number with country code, e.g. 917550002919'),
    template_name: z.string().trim().min(1).max(200).describe('The approved WhatsApp template, e.g. demo_session_01'),
    language: z.string().trim().max(10).default('en').describe('Template language code (default en)'),
    param_1: z.string().max(1000).optional().describe('First template parameter (e.g. the name)'),
    param_2: z.string().max(1000).optional().describe('Second template parameter (e.g. a link)'),
    param_3: z.string().max(1000).optional().describe('Third template parameter (e.g. a signature)'),
    external_message_id: z.string().max(100).optional().describe('Your id for tracking; generated when absent'),
  }),
  async execute(input, context) {
    const values = await requireCredential(context, referralmonk, ['api_token', 'api_secret']);
    const externalMessageId = input.external_message_id ?? `msg_${randomUUID()}`;
    const parameters = [input.param_1, input.param_2, input.param_3].filter((value): value is string => Boolean(value)).map((text) => ({ type: 'text', text }));
    const { status, data } = await callService(context, {
      service: 'ReferralMonk',
      method: 'POST',
      url: campaignUrl,
      headers: referralmonkHeaders(values),
      json: {
        template_name: input.template_name,
        channel: 'whatsapp',
        recipients: [{ mobile: input.mobile, language: input.language, externalMessageId, components: [{ type: 'body', parameters }] }],
      },
    });
    return { result: { sent: true, mobile: input.mobile, templateName: input.template_name, language: input.language, externalMessageId, status, response: data } };
  },
});
