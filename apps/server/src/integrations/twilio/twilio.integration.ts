import { AppError } from '../../platform/errors/app-error.js';
import { callService } from '../call-service.js';
import { defineIntegration } from '../define-integration.js';
import { requireValues } from '../require-credential.js';
import { twilio, twilioAuthorization, validateAccountSid } from './twilio-api.js';
import { twilioSendSmsTool } from './twilio-send-sms.tool.js';
import { twilioSendWhatsappTool } from './twilio-send-whatsapp.tool.js';

/** Twilio SMS and WhatsApp. The credential test reads the account (`GET /2010-04-01/Accounts/{sid}.json`). */
export const twilioIntegration = defineIntegration({
  id: twilio.id,
  name: twilio.name,
  description: 'Send SMS and WhatsApp messages with Twilio.',
  icon: 'Smartphone',
  category: 'communication',
  docsUrl: 'https://www.twilio.com/docs/messaging/api/message-resource',
  fields: [
    { key: 'account_sid', label: 'Account SID', type: 'text', required: true, placeholder: 'AC…', helpText: 'Twilio Console → Account Info.', sensitive: false, validate: validateAccountSid },
    { key: 'auth_token', label: 'Auth Token', type: 'api_key', required: true, placeholder: 'Your Twilio Auth Token', helpText: 'Twilio Console → Account Info → Auth Token.', sensitive: true },
    { key: 'from_number', label: 'Default From Number', type: 'text', required: false, placeholder: '+14155550100', helpText: 'A Twilio number of the account (WhatsApp-enabled for WhatsApp).', sensitive: false },
  ],
  tools: [twilioSendSmsTool, twilioSendWhatsappTool],
  async test(values, context) {
    const sid = requireValues(values, twilio, ['account_sid', 'auth_token']).account_sid!.trim();
    const problem = validateAccountSid(sid);
    if (problem) throw new AppError('validation_failed', problem);
    const { data } = await callService<{ friendly_name?: string; status?: string }>(context, {
      service: 'Twilio',
      url: `https://api.twilio.com/2010-04-01/Accounts/${sid}.json`,
      headers: { authorization: twilioAuthorization(values) },
    });
    return { message: `Connected to Twilio account "${data.friendly_name ?? sid}" (${data.status ?? 'unknown status'}).` };
  },
});
