import { defineIntegration } from '../define-integration.js';
import { validateEmailAddress } from '../email-addresses.js';
import { requireValues } from '../require-credential.js';
import { sendEmailSmtpTool } from './send-email-smtp.tool.js';
import {
  createSmtpTransport, smtp, smtpError, smtpRequiredFields, smtpSecurityModes, smtpSettings, validateSmtpHost, validateSmtpPort, withTransport,
} from './smtp-api.js';

/**
 * Email through the user's own SMTP server (not in the reference's 34; ClaraVerse adds it). The credential test is
 * nodemailer's `verify()`: connect, greet, upgrade to TLS and log in, without sending a message.
 */
export const smtpIntegration = defineIntegration({
  id: smtp.id,
  name: 'SMTP Email',
  description: 'Send emails through your own SMTP server or mail provider.',
  icon: 'Mail',
  category: 'communication',
  docsUrl: 'https://nodemailer.com/smtp/',
  fields: [
    { key: 'host', label: 'SMTP Host', type: 'text', required: true, placeholder: 'smtp.example.com', sensitive: false, validate: validateSmtpHost },
    { key: 'port', label: 'Port', type: 'text', required: false, placeholder: '587', helpText: '587 for STARTTLS, 465 for SSL; empty picks the usual port of the security mode.', sensitive: false, validate: validateSmtpPort },
    { key: 'security', label: 'Security', type: 'select', required: false, options: smtpSecurityModes, default: 'starttls', helpText: 'starttls (port 587), ssl (port 465), or none for a local relay only.', sensitive: false },
    { key: 'username', label: 'Username', type: 'text', required: false, placeholder: 'you@example.com', sensitive: false },
    { key: 'password', label: 'Password', type: 'api_key', required: false, placeholder: 'Password or app password', sensitive: true },
    { key: 'from_email', label: 'From Email', type: 'text', required: true, placeholder: 'you@example.com', helpText: 'The sender address; the server must allow it for this login.', sensitive: false, validate: validateEmailAddress },
    { key: 'from_name', label: 'From Name', type: 'text', required: false, placeholder: 'Clara', sensitive: false },
  ],
  tools: [sendEmailSmtpTool],
  async test(values, context) {
    const settings = smtpSettings(requireValues(values, smtp, smtpRequiredFields));
    const transport = await createSmtpTransport(context, settings);
    try {
      await withTransport(transport, context.signal, (open) => open.verify());
    } catch (error) {
      context.signal.throwIfAborted();
      throw smtpError(error, settings);
    }
    const who = settings.username ? ` as ${settings.username}` : '';
    return { message: `Connected to the SMTP server ${settings.host}:${settings.port}${who} (${settings.security}).` };
  },
});
