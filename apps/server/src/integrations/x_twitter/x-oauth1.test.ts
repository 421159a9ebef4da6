import { describe, expect, it } from 'vitest';
import { hmacSha1Signature, oauth1Header, percentEncode, signatureBaseString } from './x-oauth1.js';

// X's documented worked example ("Creating a signature", OAuth 1.0a): the request, its parameters, the keys,
// the signature base string and the signature it must produce.
const example = {
  method: 'POST',
  url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
  status: 'Hello Ladies + Gentlemen, a signed OAuth request!',
  consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
  consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
  token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
  tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
  nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
  timestamp: 1318622958,
  baseString:
    'POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
  signature: 'hCtSmYh+iHYCEqBWrE7C7hYmtUk=',
};

describe('OAuth 1.0a signing', () => {
  it('percent-encodes as RFC 3986 requires', () => {
    expect(percentEncode('Ladies + Gentlemen, a signed OAuth request!')).toBe('Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21');
    expect(percentEncode("*'()~-._")).toBe('%2A%27%28%29~-._');
    expect(percentEncode('☃')).toBe('%E2%98%83');
  });

  it('builds the documented signature base string and signature', () => {
    const parameters: Array<[string, string]> = [
      ['status', example.status],
      ['include_entities', 'true'],
      ['oauth_consumer_key', example.consumerKey],
      ['oauth_nonce', example.nonce],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', String(example.timestamp)],
      ['oauth_token', example.token],
      ['oauth_version', '1.0'],
    ];
    const baseString = signatureBaseString(example.method, example.url, parameters);
    expect(baseString).toBe(example.baseString);
    expect(hmacSha1Signature(baseString, example.consumerSecret, example.tokenSecret)).toBe(example.signature);
  });

  it('puts the same signature in the Authorization header, with the query and form parameters signed', () => {
    const header = oauth1Header(
      { consumerKey: example.consumerKey, consumerSecret: example.consumerSecret, token: example.token, tokenSecret: example.tokenSecret },
      { method: 'POST', url: example.url, bodyParameters: { status: example.status }, nonce: example.nonce, timestamp: example.timestamp },
    );
    expect(header).toBe(
      'OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_nonce="kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", ' +
        'oauth_signature="hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1318622958", ' +
        'oauth_token="370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb", oauth_version="1.0"',
    );
  });

  it('changes the signature when anything signed changes, and uses a fresh nonce each time by default', () => {
    const keys = { consumerKey: 'ck', consumerSecret: 'cs', token: 't', tokenSecret: 'ts' };
    const base = { method: 'POST', url: 'https://api.x.com/2/tweets', timestamp: 1_700_000_000, nonce: 'n' };
    const signatureOf = (header: string) => /oauth_signature="([^"]+)"/.exec(header)![1];
    const reference = signatureOf(oauth1Header(keys, base));
    expect(signatureOf(oauth1Header(keys, { ...base, url: 'https://api.x.com/2/tweets?x=1' }))).not.toBe(reference);
    expect(signatureOf(oauth1Header({ ...keys, tokenSecret: 'other' }, base))).not.toBe(reference);
    expect(signatureOf(oauth1Header(keys, { ...base, method: 'GET' }))).not.toBe(reference);
    const nonceOf = (header: string) => /oauth_nonce="([^"]+)"/.exec(header)![1];
    expect(nonceOf(oauth1Header(keys, { method: 'GET', url: base.url }))).not.toBe(nonceOf(oauth1Header(keys, { method: 'GET', url: base.url })));
  });
});
