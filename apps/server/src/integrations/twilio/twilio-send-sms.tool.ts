import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { e164, senderNumber, sendTwilioMessage, twilio, twilioCredential } from './twilio-api.js';

/** Sends an SMS (or MMS with media_url) through the user's Twilio account. */
export const twilioSendSmsTool = defineTool({
  name: 'twilio_send_sms',
  displayName: 'Send SMS',
  description:
    'Sends a text message (SMS, or MMS with a media_url) through the user\'s Twilio account to a phone number in ' +
    'E.164 form (+14155550100). Uses the credential\'s default From number unless from is given. Returns the ' +
    'message SID and its status (queued, sent…).',
  icon: 'Smartphone',
  category: 'integrations',
  integration: twilio.id,
  keywords: ['sms', 'text', 'twilio', 'send', 'phone', 'mobile', 'mms', 'message'],
  inputSchema: z.object({
    to: z.string().trim().regex(e164, 'Give the number in E.164 form, like +14155550100').describe('Recipient, E.164 (+14155550100)'),
    body: z.string().trim().min(1, 'Give the message text').max(1600).describe('Message text (up to 1600 characters)'),
    from: z.string().trim().optional().describe('A Twilio number of the account, E.164; default: the credential\'s'),
    media_url: z.url({ protocol: /^https?$/ }).optional().describe('Public URL of an image to send as MMS'),
  }),
  async execute(input, context) {
    const values = await twilioCredential(context);
    const from = senderNumber(input.from, values);
    return { result: await sendTwilioMessage(context, values, { to: input.to, from, body: input.body, mediaUrl: input.media_url }) };
  },
});
