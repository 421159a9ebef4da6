import { describe, expect, it } from 'vitest';
import { refuseHtmlAnswer, serviceWebhookUrl } from './webhook-url.js';

describe('service webhook URLs', () => {
  const validate = serviceWebhookUrl(['hooks.slack.com'], '/services/', 'https://hooks.slack.com/services/…');

  it('accepts the service host over https under its path, and nothing else', () => {
    expect(validate('https://hooks.slack.com/services/T/B/x')).toBeNull();
    expect(validate('https://hooks.slack.com/services/')).toMatch(/must look like/);
    expect(validate('https://hooks.slack.com:8443/services/T/B/x')).toMatch(/must look like/);
    expect(validate('https://user@hooks.slack.com/services/T/B/x')).toMatch(/must look like/);
    expect(validate('https://hooks.slack.com.evil.example/services/T/B/x')).toMatch(/must look like/);
    expect(validate('https://hooks.slack.com/other/T')).toMatch(/must look like/);
  });

  it('refuses an HTML document in place of a webhook\'s text answer, whatever its content type', () => {
    expect(() => refuseHtmlAnswer('Slack', { status: 200, data: 'ok' })).not.toThrow();
    expect(() => refuseHtmlAnswer('Slack', { status: 200, data: null })).not.toThrow();
    expect(() => refuseHtmlAnswer('Slack', { status: 200, data: '  <!DOCTYPE html><html></html>' })).toThrow(/Slack answered with an HTML page/);
  });
});
