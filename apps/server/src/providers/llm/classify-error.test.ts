import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { classifyError, classifyHttpFailure, redactProviderText } from './classify-error.js';
import { LlmError } from './llm-client.js';

const key = 'sk-live-abcdefghijklmnop';

function http(status: number, providerMessage: string, headers: Record<string, string> = {}) {
  return classifyHttpFailure({ status, providerMessage, headers }, key, 'chat');
}

describe('classifyHttpFailure', () => {
  it('maps statuses to codes and retryability', () => {
    expect(http(401, 'bad key').error).toMatchObject({ code: 'provider_auth', retryable: false, status: 401 });
    expect(http(403, 'forbidden').error).toMatchObject({ code: 'provider_auth', retryable: false });
    expect(http(404, 'no such model').error).toMatchObject({ code: 'model_not_found', retryable: false });
    expect(http(429, 'slow down', { 'retry-after': '2' })).toMatchObject({ error: { code: 'rate_limited', retryable: true }, retryAfterMs: 2_000 });
    expect(http(503, 'down').error).toMatchObject({ code: 'provider_unavailable', retryable: true });
    expect(http(529, 'Overloaded').error).toMatchObject({ code: 'provider_unavailable', retryable: true });
  });

  it('treats an exhausted quota as a rate limit that retrying will not fix', () => {
    expect(http(429, 'You exceeded your current quota, please check your plan.').error).toMatchObject({ code: 'rate_limited', retryable: false });
  });

  it('recognises context-length errors from OpenAI, Anthropic and others', () => {
    for (const message of ["This model's maximum context length is 8192 tokens.", 'prompt is too long: 210000 tokens > 200000 maximum', 'context_length_exceeded']) {
      expect(http(400, message).error.code).toBe('context_too_long');
    }
  });

  it('flags tool refusals, including "roles must alternate"', () => {
    for (const message of ['tools is not supported for this model', 'registry.ollama.ai/library/gemma:2b does not support tools', 'Conversation roles must alternate user/assistant/user/assistant/...']) {
      expect(http(400, message).error).toMatchObject({ code: 'invalid_request', isToolsUnsupported: true });
    }
    expect(http(400, 'temperature must be at most 2').error.isToolsUnsupported).toBe(false);
  });

  it('shows the provider message for other invalid requests, with the key redacted', () => {
    const { error } = http(400, `Invalid value for key ${key}`);
    expect(error.message).toBe('The provider rejected the request: Invalid value for key [redacted]');
  });
});

describe('classifyError', () => {
  it('passes LlmErrors through and reads APICallError status and body', () => {
    const original = new LlmError('timeout', 'Too slow.', true);
    expect(classifyError(original, key, 'chat').error).toBe(original);
    const apiError = new APICallError({ message: 'Bad request', url: 'http://x', requestBodyValues: { secret: key }, statusCode: 400, responseBody: '{"error":{"code":"context_length_exceeded"}}' });
    expect(classifyError(apiError, key, 'chat').error.code).toBe('context_too_long');
  });

  it('classifies connection failures as provider_unavailable and anything else as internal', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    expect(classifyError(refused, key, 'chat').error).toMatchObject({ code: 'provider_unavailable', retryable: true });
    expect(classifyError(new Error('weird'), key, 'chat').error).toMatchObject({ code: 'internal', retryable: false });
  });
});

describe('redactProviderText', () => {
  it('removes the key and key-shaped strings and caps the length', () => {
    expect(redactProviderText(`key ${key} and sk-other-1234567890`, key)).toBe('key [redacted] and [redacted]');
    expect(redactProviderText('x'.repeat(500), null)).toHaveLength(198);
  });
});
