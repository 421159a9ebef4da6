import { describe, expect, it } from 'vitest';
import { assertMcpUrlAllowed, assertMcpUrlShape, isAllowListed, isPublicAddress } from './mcp-url-policy.js';

// Addresses are classified as data: nothing here opens a connection.
describe('isPublicAddress', () => {
  it('refuses loopback, private, link-local (metadata), CGNAT, unspecified and their IPv6 forms', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('accepts public unicast addresses', () => {
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) expect(isPublicAddress(address), address).toBe(true);
  });
});

describe('isAllowListed', () => {
  it('matches host names, single addresses and CIDR ranges of the same family', () => {
    expect(isAllowListed('127.0.0.1', ['127.0.0.1/32'])).toBe(true);
    expect(isAllowListed('127.0.0.2', ['127.0.0.1/32'])).toBe(false);
    expect(isAllowListed('10.9.8.7', ['10.0.0.0/8'])).toBe(true);
    expect(isAllowListed('::1', ['127.0.0.1/32'])).toBe(false);
    expect(isAllowListed('::ffff:127.0.0.1', ['127.0.0.1'])).toBe(true);
    expect(isAllowListed('MCP.LAN', ['mcp.lan'])).toBe(true);
    expect(isAllowListed('10.0.0.1', ['', 'not a cidr/99'])).toBe(false);
  });
});

describe('assertMcpUrlShape', () => {
  it('refuses other schemes, credentials in the URL and literal private hosts; leaves names to resolve', () => {
    expect(() => assertMcpUrlShape('ftp://mcp.example.test/', [])).toThrow('must start with http:// or https://');
    expect(() => assertMcpUrlShape('https://user:pass@mcp.example.test/', [])).toThrow('not in the MCP server URL');
    expect(() => assertMcpUrlShape('http://localhost:3000/mcp', [])).toThrow(/loopback.*OUTBOUND_ALLOWLIST/);
    expect(() => assertMcpUrlShape('http://[::1]/mcp', [])).toThrow(/loopback/);
    expect(() => assertMcpUrlShape('http://2130706433/mcp', [])).toThrow(/127\.0\.0\.1/);
    expect(assertMcpUrlShape('http://localhost:3000/mcp', ['127.0.0.1/32'])).toBeNull();
    expect(assertMcpUrlShape('https://93.184.216.34/mcp', [])).toBeNull();
    expect(assertMcpUrlShape('https://mcp.example.test/mcp', [])).toBe('mcp.example.test');
  });
});

describe('assertMcpUrlAllowed', () => {
  const resolveTo = (addresses: string[]) => async () => addresses;

  it('refuses a name that resolves to a private address unless the address or the name is allow-listed', async () => {
    await expect(assertMcpUrlAllowed('https://internal.example.test/mcp', [], resolveTo(['93.184.216.34', '10.0.0.5']))).rejects.toMatchObject({ code: 'outbound_blocked', message: expect.stringContaining('10.0.0.5') });
    await expect(assertMcpUrlAllowed('https://internal.example.test/mcp', ['10.0.0.0/8'], resolveTo(['10.0.0.5']))).resolves.toBeUndefined();
    await expect(assertMcpUrlAllowed('https://internal.example.test/mcp', ['internal.example.test'], resolveTo(['10.0.0.5']))).resolves.toBeUndefined();
    await expect(assertMcpUrlAllowed('https://public.example.test/mcp', [], resolveTo(['93.184.216.34']))).resolves.toBeUndefined();
  });

  it('says so when the name does not resolve', async () => {
    const failing = async (): Promise<string[]> => {
      throw new Error('ENOTFOUND');
    };
    await expect(assertMcpUrlAllowed('https://nowhere.example.test/mcp', [], failing)).rejects.toMatchObject({ code: 'upstream_unavailable', message: expect.stringContaining('could not be resolved') });
  });
});
