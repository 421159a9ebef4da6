import { describe, expect, it } from 'vitest';
import { bridgeClientMessageSchema, backoffDelayMs } from '../realtime/mcp-messages.js';
import { createMcpServerBodySchema, updateMcpServerBodySchema } from './mcp.contract.js';

describe('MCP server contract', () => {
  it('asks stdio for a command and http for a URL, each without the other transport’s fields', () => {
    expect(createMcpServerBodySchema.safeParse({ name: 'a', transport: 'stdio', command: 'node', args: ['x'], env: { TOKEN: 'v' } }).success).toBe(true);
    expect(createMcpServerBodySchema.parse({ name: 'a', transport: 'http', url: 'https://mcp.example.test/mcp' })).toMatchObject({ enabled: true });
    const issues = (body: object) => createMcpServerBodySchema.safeParse(body).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues({ name: 'a', transport: 'stdio', url: 'https://x.test/' })).toEqual([
      ['command', 'A stdio server needs the command that starts it'],
      ['url', 'A stdio server has no URL (use transport "http")'],
    ]);
    expect(issues({ name: 'a', transport: 'http', url: 'https://x.test/', env: { A: 'b' } })).toEqual([['env', 'Environment variables apply to stdio servers only']]);
    expect(issues({ name: 'a', transport: 'http', url: 'file:///etc/passwd' })?.[0]?.[0]).toBe('url');
    expect(issues({ name: 'a', transport: 'stdio', command: 'node', headers: { 'Bad Header': 'x' } })?.[0]?.[0]).toBe('headers.Bad Header');
    expect(updateMcpServerBodySchema.safeParse({}).success).toBe(false);
  });
});

describe('bridge messages', () => {
  it('validates registrations and results, and backs off exponentially with a cap', () => {
    expect(bridgeClientMessageSchema.safeParse({ type: 'bridge.register', clientId: 'c', clientVersion: '1', platform: 'linux', tools: [{ server: 's', name: 't', inputSchema: { type: 'object' } }] }).success).toBe(true);
    expect(bridgeClientMessageSchema.safeParse({ type: 'bridge.tool-result', callId: 'x', isError: false, content: [{ type: 'text', text: 'ok' }] }).success).toBe(true);
    expect(bridgeClientMessageSchema.safeParse({ type: 'bridge.tool-result', callId: 'x', content: [] }).success).toBe(false);
    expect([0, 1, 2, 10].map((attempt) => backoffDelayMs(attempt, { baseMs: 1000, maxMs: 60_000 }))).toEqual([1000, 2000, 4000, 60_000]);
  });
});
