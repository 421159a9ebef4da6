import { describe, expect, it } from 'vitest';
import { parseCliArguments } from './cli-arguments.js';

describe('parseCliArguments', () => {
  it('reads a stdio server: options before --, the command and its arguments after', () => {
    expect(parseCliArguments(['add', 'files', '--env', 'TOKEN=a=b', '--description', 'My files', '--', 'npx', 'server-filesystem', '--root', '/tmp'])).toEqual({
      name: 'add',
      server: { name: 'files', transport: 'stdio', command: 'npx', args: ['server-filesystem', '--root', '/tmp'], env: { TOKEN: 'a=b' }, headers: {}, enabled: true, description: 'My files' },
    });
  });

  it('reads an HTTP server with headers', () => {
    expect(parseCliArguments(['add', 'remote', '--url', 'https://mcp.example.test/mcp', '--header', 'Authorization: Bearer x:y', '--disabled'])).toEqual({
      name: 'add',
      server: { name: 'remote', transport: 'http', url: 'https://mcp.example.test/mcp', args: [], env: {}, headers: { Authorization: 'Bearer x:y' }, enabled: false },
    });
  });

  it('explains what is wrong with a bad command line', () => {
    expect(() => parseCliArguments(['add'])).toThrow('Give the server a name');
    expect(() => parseCliArguments(['add', 'x'])).toThrow('Give the command that starts the server after --');
    expect(() => parseCliArguments(['add', 'x', '--url', 'https://a.test/mcp', '--', 'node'])).toThrow('not both');
    expect(() => parseCliArguments(['add', 'x', '--url', 'ftp://a.test/'])).toThrow('Invalid server: url');
    expect(() => parseCliArguments(['add', 'x', '--env', 'NOVALUE', '--', 'node'])).toThrow('--env "NOVALUE" must look like NAME=value');
    expect(() => parseCliArguments(['add', 'x', '--url', 'https://a.test/mcp', '--env', 'A=b'])).toThrow('stdio servers only');
    expect(() => parseCliArguments(['add', 'x', 'y', '--', 'node'])).toThrow('Unexpected "y"');
    expect(() => parseCliArguments(['start', '--fast'])).toThrow(/Unknown option '--fast'/);
    expect(() => parseCliArguments(['remove'])).toThrow('Usage: claraverse-bridge remove <name>');
    expect(() => parseCliArguments(['launch'])).toThrow('Unknown command "launch"');
  });

  it('reads the other commands', () => {
    expect(parseCliArguments(['login', '--url', 'http://localhost:3001'])).toEqual({ name: 'login', url: 'http://localhost:3001' });
    expect(parseCliArguments(['start', '-v'])).toEqual({ name: 'start', verbose: true });
    expect(parseCliArguments(['remove', 'files'])).toEqual({ name: 'remove', serverName: 'files' });
    expect(parseCliArguments([])).toEqual({ name: 'help' });
    expect(parseCliArguments(['status'])).toEqual({ name: 'status' });
  });
});
