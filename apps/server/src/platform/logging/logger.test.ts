import { describe, expect, it } from 'vitest';
import { redactUrl, redactUrlWithPath } from './logger.js';

describe('URL redaction for logs', () => {
  it('redacts secret-looking query values and keeps the others', () => {
    expect(redactUrl('https://api.example.com/a?key=abc123&page=2&access_token=t')).toBe('https://api.example.com/a?key=[redacted]&page=2&access_token=[redacted]');
    expect(redactUrl('https://api.example.com/a')).toBe('https://api.example.com/a');
  });

  it('redacts credentials carried in the path of webhook and bot URLs, keeping ids and words', () => {
    expect(redactUrlWithPath('https://hooks.slack.com/services/T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXX1')).toBe('https://hooks.slack.com/services/T0001/B0001/[redacted]');
    expect(redactUrlWithPath('https://api.telegram.org/bot123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage')).toBe(
      'https://api.telegram.org/[redacted]/sendMessage',
    );
    expect(redactUrlWithPath('https://discord.com/api/webhooks/123456789012345678/abcDEF123ghiJKL456mnoPQR789?wait=true')).toBe(
      'https://discord.com/api/webhooks/123456789012345678/[redacted]?wait=true',
    );
    expect(redactUrlWithPath('https://api.github.com/repos/octocat/hello-world/issues?token=x')).toBe('https://api.github.com/repos/octocat/hello-world/issues?token=[redacted]');
  });
});
