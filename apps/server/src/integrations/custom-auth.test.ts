import { describe, expect, it } from 'vitest';
import { authHeader, checkHeaders, parseHeadersJson, validateHeadersJson, validateHttpUrl } from './custom-auth.js';

describe('custom credential authentication', () => {
  it('builds bearer, basic and named-header authentication, and nothing for none', () => {
    expect(authHeader('bearer', ' t0k ', undefined)).toEqual({ authorization: 'Bearer t0k' });
    expect(authHeader('basic', 'ada:p:w', undefined)).toEqual({ authorization: `Basic ${Buffer.from('ada:p:w').toString('base64')}` });
    expect(authHeader('header', 'k-1', 'X-Api-Key')).toEqual({ 'x-api-key': 'k-1' });
    expect(authHeader('none', 'ignored', undefined)).toEqual({});
    expect(authHeader(undefined, undefined, undefined)).toEqual({});
  });

  it('refuses what would be a broken or smuggled header', () => {
    expect(() => authHeader('bearer', '', undefined)).toThrow(/needs an auth_value/);
    expect(() => authHeader('basic', 'no-colon', undefined)).toThrow(/user:password/);
    expect(() => authHeader('bearer', 'a\r\nX-Evil: 1', undefined)).toThrow(/line break/);
    expect(() => authHeader('header', 'v', 'Host')).toThrow(/valid header name/);
    expect(() => authHeader('oauth', 'v', undefined)).toThrow(/auth_type must be one of/);
  });

  it('reads a headers JSON object, lower-casing names, and refuses anything else', () => {
    expect(parseHeadersJson('{"X-Source": "clara"}', 'headers')).toEqual({ 'x-source': 'clara' });
    expect(parseHeadersJson('', 'headers')).toEqual({});
    expect(() => parseHeadersJson('[]', 'headers')).toThrow(/JSON object/);
    expect(() => parseHeadersJson('{"X-N": 1}', 'headers')).toThrow(/must be a string/);
    expect(() => checkHeaders({ 'Content-Length': '5' }, 'headers')).toThrow(/cannot be set/);
    expect(validateHeadersJson('not json')).toMatch(/JSON object/);
    expect(validateHeadersJson('{"X-A": "1"}')).toBeNull();
  });

  it('accepts only absolute http(s) URLs without user-info', () => {
    expect(validateHttpUrl('https://api.example.com/v1')).toBeNull();
    expect(validateHttpUrl('file:///etc/passwd')).toMatch(/http or https/);
    expect(validateHttpUrl('https://u:p@api.example.com')).toMatch(/auth fields/);
    expect(validateHttpUrl('/relative')).toMatch(/absolute URL/);
  });
});
