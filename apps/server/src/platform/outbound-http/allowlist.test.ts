import { describe, expect, it } from 'vitest';
import { createAllowlist, parseAllowlistEntry } from './allowlist.js';
import { classifyAddress } from './classify-address.js';

function allows(entries: string[], hostname: string, port: number, address: string): boolean {
  return createAllowlist(entries.map(parseAllowlistEntry)).allows({ hostname, port, address, addressClass: classifyAddress(address) });
}

describe('parseAllowlistEntry', () => {
  it.each([
    ['127.0.0.1/32', 'range'],
    ['10.0.0.0/8', 'range'],
    ['fd00::/8', 'range'],
    ['::1', 'range'],
    ['192.168.1.20', 'range'],
    ['searx.lan', 'host'],
    ['*.corp.example', 'host'],
    ['localhost:8080', 'host'],
    ['[::1]:8080', 'host'],
    ['  Searx.LAN  ', 'host'],
  ])('reads %s as a %s entry', (text, kind) => {
    expect(parseAllowlistEntry(text).kind).toBe(kind);
  });

  it.each([
    ['10.0.0.0/33', /CIDR/],
    ['not a host', /not a host name/],
    ['http://searx.lan', /is a URL; give only its host name/],
    ['searx.lan:0', /port/],
    ['searx.lan:99999', /port/],
    ['-bad.example', /not a host name/],
    ['[zz::1]:80', /IPv6/],
    ['', /not a host name/],
  ])('refuses %s with a sentence naming it', (text, message) => {
    expect(() => parseAllowlistEntry(text)).toThrow(message);
  });
});

describe('Allowlist.allows', () => {
  it('admits addresses inside a CIDR range and nothing outside it', () => {
    expect(allows(['127.0.0.1/32'], 'example.test', 80, '127.0.0.1')).toBe(true);
    expect(allows(['127.0.0.1/32'], 'example.test', 80, '127.0.0.2')).toBe(false);
    expect(allows(['10.0.0.0/8'], 'x', 80, '10.200.3.4')).toBe(true);
    expect(allows(['10.0.0.0/8'], 'x', 80, '11.0.0.1')).toBe(false);
    expect(allows(['fd00::/8'], 'x', 80, 'fd12::1')).toBe(true);
    expect(allows(['fd00::/8'], 'x', 80, '10.0.0.1')).toBe(false);
  });

  it('compares IPv4-mapped IPv6 addresses in their IPv4 form, both ways', () => {
    expect(allows(['127.0.0.1/32'], 'x', 80, '::ffff:127.0.0.1')).toBe(true);
    expect(allows(['::ffff:10.0.0.0/104'], 'x', 80, '10.1.2.3')).toBe(true);
    expect(allows(['::ffff:127.0.0.1'], 'x', 80, '127.0.0.1')).toBe(true);
  });

  it('admits every address of an allowed host name, on any port unless the entry names one', () => {
    expect(allows(['searx.lan'], 'searx.lan', 8080, '192.168.1.9')).toBe(true);
    expect(allows(['searx.lan'], 'SEARX.LAN.', 80, '192.168.1.9')).toBe(true);
    expect(allows(['searx.lan'], 'other.lan', 80, '192.168.1.9')).toBe(false);
    expect(allows(['localhost:8080'], 'localhost', 8080, '127.0.0.1')).toBe(true);
    expect(allows(['localhost:8080'], 'localhost', 5432, '127.0.0.1')).toBe(false);
    expect(allows(['[::1]:8080'], '[::1]', 8080, '::1')).toBe(true);
    expect(allows(['[::1]:8080'], '[::1]', 8081, '::1')).toBe(false);
  });

  it('matches a wildcard on subdomains only', () => {
    expect(allows(['*.corp.example'], 'wiki.corp.example', 443, '10.0.0.5')).toBe(true);
    expect(allows(['*.corp.example'], 'a.b.corp.example', 443, '10.0.0.5')).toBe(true);
    expect(allows(['*.corp.example'], 'corp.example', 443, '10.0.0.5')).toBe(false);
    expect(allows(['*.corp.example'], 'evilcorp.example', 443, '10.0.0.5')).toBe(false);
  });

  it('never lets a host-name entry reach a cloud metadata address; only an explicit range does', () => {
    expect(allows(['metadata.internal'], 'metadata.internal', 80, '169.254.169.254')).toBe(false);
    expect(allows(['*.internal'], 'metadata.google.internal', 80, '169.254.169.254')).toBe(false);
    expect(allows(['169.254.169.254/32'], 'metadata.internal', 80, '169.254.169.254')).toBe(true);
  });
});
