import { maskedSecretValue } from '@claraverse/shared';
import { describe, expect, it } from 'vitest';
import { buildMcpServer } from '../test-support';
import { buildMcpServerBody, emptySecretRow, initialMcpServerFormValues, type McpServerFormValues } from './mcp-server-form-values';

const newValues = (changes: Partial<McpServerFormValues>): McpServerFormValues => ({ ...initialMcpServerFormValues(null), ...changes });

describe('buildMcpServerBody for a new server', () => {
  it('sends a stdio server with one argument per line and only the transport’s fields', () => {
    const result = buildMcpServerBody(
      newValues({
        name: 'Everything',
        command: ' node ',
        argsText: 'server/index.js\n\nstdio\r\n',
        envRows: [{ ...emptySecretRow(), name: 'API_TOKEN', value: 's3cret' }, emptySecretRow()],
        url: 'https://left.over/mcp',
      }),
      true,
    );
    expect(result).toEqual({
      success: true,
      body: { name: 'Everything', transport: 'stdio', command: 'node', args: ['server/index.js', 'stdio'], env: { API_TOKEN: 's3cret' }, enabled: true },
    });
  });

  it('sends an http server with its headers and the roles it is limited to', () => {
    const result = buildMcpServerBody(
      newValues({
        name: 'Remote', transport: 'http', url: 'https://mcp.example.com/mcp', command: 'left over',
        headerRows: [{ ...emptySecretRow(), name: 'Authorization', value: 'Bearer abc' }], allowsUsers: false,
      }),
      true,
    );
    expect(result).toEqual({
      success: true,
      body: { name: 'Remote', transport: 'http', url: 'https://mcp.example.com/mcp', headers: { Authorization: 'Bearer abc' }, enabled: true, allowedRoles: ['admin'] },
    });
  });

  it('explains what is missing or wrong, field by field', () => {
    const missing = buildMcpServerBody(newValues({ name: ' ', allowsUsers: false, allowsAdmins: false }), true);
    expect(missing).toEqual({
      success: false,
      fieldErrors: { name: 'Give the server a name.', allowedRoles: 'Choose at least one role.', command: 'A stdio server needs the command that starts it' },
    });

    const noCommand = buildMcpServerBody(newValues({ name: 'x' }), true);
    expect(noCommand).toEqual({ success: false, fieldErrors: { command: 'A stdio server needs the command that starts it' } });

    const badUrl = buildMcpServerBody(newValues({ name: 'x', transport: 'http', url: 'ftp://example.com' }), true);
    expect(badUrl).toEqual({ success: false, fieldErrors: { url: 'Use an http:// or https:// URL' } });

    const badEnvName = buildMcpServerBody(newValues({ name: 'x', command: 'node', envRows: [{ ...emptySecretRow(), name: '1BAD', value: 'v' }] }), true);
    expect(badEnvName).toEqual({ success: false, fieldErrors: { env: '1BAD: Use letters, digits and _ (not starting with a digit)' } });

    const twice = buildMcpServerBody(
      newValues({ name: 'x', command: 'node', envRows: [{ ...emptySecretRow(), name: 'A', value: '1' }, { ...emptySecretRow(), name: 'A', value: '2' }] }),
      true,
    );
    expect(twice).toEqual({ success: false, fieldErrors: { env: 'A: this variable is listed twice.' } });

    const nameless = buildMcpServerBody(newValues({ name: 'x', command: 'node', envRows: [{ ...emptySecretRow(), value: 'orphan' }] }), true);
    expect(nameless).toEqual({ success: false, fieldErrors: { env: 'Give each variable a name.' } });
  });
});

describe('buildMcpServerBody for an existing server', () => {
  const stored = buildMcpServer({ env: { API_TOKEN: maskedSecretValue, REGION: maskedSecretValue }, allowedRoles: ['user'] });

  it('starts from the stored server without ever holding a secret value', () => {
    const values = initialMcpServerFormValues(stored);
    expect(values.envRows.map((row) => [row.name, row.value, row.isStored])).toEqual([['API_TOKEN', '', true], ['REGION', '', true]]);
    expect(values.argsText).toBe('everything/dist/index.js\nstdio');
    expect([values.allowsUsers, values.allowsAdmins]).toEqual([true, false]);
  });

  it('keeps stored values with the mask, replaces a typed one and drops a removed one', () => {
    const values = initialMcpServerFormValues(stored);
    const [token] = values.envRows;
    const result = buildMcpServerBody({ ...values, envRows: [{ ...token!, value: 'new-token' }] }, false);
    expect(result).toMatchObject({ success: true, body: { env: { API_TOKEN: 'new-token' } } });

    const unchanged = buildMcpServerBody(values, false);
    expect(unchanged).toMatchObject({ success: true, body: { env: { API_TOKEN: maskedSecretValue, REGION: maskedSecretValue }, allowedRoles: ['user'] } });
  });

  it('clears the other transport’s fields when switching from stdio to http', () => {
    const values = { ...initialMcpServerFormValues(stored), transport: 'http' as const, url: 'https://mcp.example.com/mcp', allowsAdmins: true };
    expect(buildMcpServerBody(values, false)).toEqual({
      success: true,
      body: {
        name: 'Everything', transport: 'http', command: null, args: [], env: {}, url: 'https://mcp.example.com/mcp', headers: {},
        enabled: true, allowedRoles: null,
      },
    });
    expect(buildMcpServerBody({ ...values, url: '' }, false)).toEqual({ success: false, fieldErrors: { url: 'An http server needs its URL' } });
  });
});
