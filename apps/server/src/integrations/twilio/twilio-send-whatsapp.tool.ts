import { z } from 'zod';
import { defineTool } from '../../tools/define-tool.js';
import { e164, senderNumber, sendTwilioMessage, twilio, twilioCredential } from './twilio-api.js';

/** Sends a WhatsApp message through Twilio: the same Messages API with `whatsapp:`-prefixed numbers. */
export const twilioSendWhatsappTool = defineTool({
  name: 'twilio_send_whatsapp',
  displayName: 'Send WhatsApp',
  description:
    'Sends a WhatsApp message through the user\'s Twilio account (a WhatsApp-enabled Twilio number or the sandbox) ' +
    'to a number in E.164 form. Outside a 24-hour conversation window WhatsApp only delivers approved templates. ' +
    'Returns the message SID and status.',
  icon: 'MessageCircle',
  category: 'integrations',
  integration: twilio.id,
  keywords: ['whatsapp', 'message', 'twilio', 'send', 'chat', 'phone', 'mobile'],
  inputSchema: z.object({
    to: z.string().trim().transform((value) => value.replace(/^whatsapp:/, '')).pipe(z.string().regex(e164, 'Give the number in E.164 form, like +14155550100')).describe('Recipient, E.164 (+14155550100)'),
    body: z.string().trim().min(1, 'Give the message text').max(1600).describe('Message text'),
    from: z.string().trim().optional().describe('The WhatsApp-enabled Twilio number, E.164; default: the credential\'s'),
    media_url: z.url({ protocol: /^https?$/ }).optional().describe('Public URL of an image or document to attach'),
  }),
  async execute(input, context) {
    const values = await twilioCredential(context);
    const from = senderNumber(input.from, values);
    return {
      result: await sendTwilioMessage(context, values, { to: `whatsapp:${input.to}`, from: `whatsapp:${from}`, body: input.body, mediaUrl: input.media_url }),
    };
  },
});
