import { describe, expect, it } from 'vitest';
import { assertMcpUrlAllowed, assertMcpUrlShape } from './mcp-url-policy.js';

// Addresses are data here: the resolver is a table and nothing opens a connection. The classification itself
// is the SSRF guard's (platform/outbound-http), tested there.
const resolveTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('assertMcpUrlShape (when an admin saves a server)', () => {
  it('refuses other schemes, credentials in the URL, and literal or localhost addresses the guard refuses', async () => {
    await expect(assertMcpUrlShape('ftp://mcp.example.test/', [])).rejects.toThrow('must start with http:// or https://');
    await expect(assertMcpUrlShape('https://user:pass@mcp.example.test/', [])).rejects.toThrow('not in the MCP server URL');
    await expect(assertMcpUrlShape('http://localhost:3000/mcp', [])).rejects.toMatchObject({ code: 'outbound_blocked', message: expect.stringContaining('OUTBOUND_ALLOWLIST') });
    await expect(assertMcpUrlShape('http://[::1]/mcp', [])).rejects.toMatchObject({ code: 'outbound_blocked' });
    await expect(assertMcpUrlShape('http://169.254.169.254/latest', [])).rejects.toMatchObject({ code: 'outbound_blocked', message: expect.stringContaining('metadata') });
    await expect(assertMcpUrlShape('http://2130706433/mcp', [])).rejects.toMatchObject({ code: 'outbound_blocked' });
  });

  it('accepts allow-listed loopback, public addresses, and leaves host names to the connect-time check', async () => {
    await expect(assertMcpUrlShape('http://localhost:3000/mcp', ['127.0.0.1/32'])).resolves.toBeUndefined();
    await expect(assertMcpUrlShape('https://93.184.216.34/mcp', [])).resolves.toBeUndefined();
    await expect(assertMcpUrlShape('https://mcp.example.test/mcp', [])).resolves.toBeUndefined();
  });
});

describe('assertMcpUrlAllowed (before each connection)', () => {
  it('refuses a name that resolves to a private address unless the address or the name is allow-listed', async () => {
    await expect(assertMcpUrlAllowed('https://internal.example.test/mcp', [], resolveTo('93.184.216.34', '10.0.0.5'))).rejects.toMatchObject({ code: 'outbound_blocked', message: expect.stringContaining('internal.example.test resolves to a private network address') });
    await expect(assertMcpUrlAllowed('https://internal.example.test/mcp', ['10.0.0.0/8'], resolveTo('10.0.0.5'))).resolves.toHaveLength(1);
    await expect(assertMcpUrlAllowed('https://internal.example.test/mcp', ['internal.example.test', 'not an entry/99'], resolveTo('10.0.0.5'))).resolves.toHaveLength(1);
    await expect(assertMcpUrlAllowed('https://public.example.test/mcp', [], resolveTo('93.184.216.34'))).resolves.toHaveLength(1);
  });

  it('says so when the name does not resolve', async () => {
    const failing = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    await expect(assertMcpUrlAllowed('https://nowhere.example.test/mcp', [], failing)).rejects.toMatchObject({ code: 'upstream_unavailable', message: 'The host name nowhere.example.test could not be found.' });
  });
});
