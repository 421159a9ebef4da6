import type { UserBridge } from '@claraverse/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { BridgePanel, groupToolsByServer } from './bridge-panel';

const now = Date.parse('2026-03-12T10:00:00.000Z');
const secondsAgo = (seconds: number) => new Date(now - seconds * 1000).toISOString();

const connectedBridge: UserBridge = {
  connected: true,
  clientId: 'laptop-1',
  clientVersion: '0.1.0',
  platform: 'linux',
  connectedAt: secondsAgo(300),
  lastHeartbeatAt: secondsAgo(12),
  tools: [
    { registryName: 'bridge__notes__search', server: 'notes', name: 'search', description: 'Search my notes' },
    { registryName: 'bridge__files__read_file', server: 'files', name: 'read_file', description: 'Read a file' },
    { registryName: 'bridge__files__list_directory', server: 'files', name: 'list_directory', description: 'List a folder' },
  ],
};

const disconnectedBridge: UserBridge = {
  connected: false, clientId: null, clientVersion: null, platform: null, connectedAt: null, lastHeartbeatAt: null, tools: [],
};

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('groupToolsByServer', () => {
  it('groups by server, servers and tools in name order', () => {
    expect(groupToolsByServer(connectedBridge.tools).map((group) => [group.server, group.tools.map((tool) => tool.name)])).toEqual([
      ['files', ['list_directory', 'read_file']],
      ['notes', ['search']],
    ]);
  });
});

describe('BridgePanel', () => {
  it('shows a connected bridge: last heartbeat counting up, and its tools by server', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: now + 400 });
    vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/user/bridge': () => jsonResponse(connectedBridge) }).fetch);
    renderWithProviders(<BridgePanel />);

    expect((await screen.findByTestId('bridge-state')).textContent).toBe('connected');
    expect(screen.getByTestId('bridge-heartbeat').textContent).toBe('12 s ago');
    expect(screen.getByText('v0.1.0 on linux')).toBeTruthy();
    const servers = screen.getAllByTestId('bridge-server');
    expect(servers.map((server) => within(server).getByRole('heading').textContent)).toEqual(['files2 tools', 'notes1 tool']);
    expect(within(servers[0]!).getByText('List a folder')).toBeTruthy();

    vi.setSystemTime(now + 5_400);
    await waitFor(() => expect(screen.getByTestId('bridge-heartbeat').textContent).toBe('17 s ago'));
  });

  it('shows that no bridge is connected, then creates a bridge key and puts it in the login command', async () => {
    const server = createFakeFetch({
      'GET /api/user/bridge': () => jsonResponse(disconnectedBridge),
      'POST /api/keys': (request) =>
        jsonResponse({
          key: { id: 'k1', name: (request.body as { name: string }).name, prefix: 'clv_01234567', scopes: ['mcp-bridge'], rateLimitPerMinute: 60, expiresAt: null, lastUsedAt: null, revokedAt: null, createdAt: secondsAgo(0) },
          apiKey: `clv_${'ab'.repeat(32)}`,
        }, 201),
    });
    vi.stubGlobal('fetch', server.fetch);
    renderWithProviders(<BridgePanel />);
    expect((await screen.findByTestId('bridge-state')).textContent).toBe('not connected');
    expect(screen.getByText('No bridge is connected')).toBeTruthy();
    expect(screen.getByText(`claraverse-bridge login --url ${window.location.origin} --key clv_…`)).toBeTruthy();
    expect(screen.getByText('claraverse-bridge start')).toBeTruthy();

    await userEvent.setup().click(screen.getByRole('button', { name: 'Create a bridge key' }));
    const key = `clv_${'ab'.repeat(32)}`;
    expect(await screen.findByText(`claraverse-bridge login --url ${window.location.origin} --key ${key}`)).toBeTruthy();
    expect(screen.getByText('Copy this key now')).toBeTruthy();
    expect(server.requestsTo('POST /api/keys')[0]?.body).toMatchObject({ scopes: ['mcp-bridge'] });
    expect(screen.queryByRole('button', { name: 'Create a bridge key' })).toBeNull();
  });

  it('copies a command to the clipboard', async () => {
    vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/user/bridge': () => jsonResponse(disconnectedBridge) }).fetch);
    const user = userEvent.setup();
    renderWithProviders(<BridgePanel />);
    await user.click(await screen.findByRole('button', { name: 'Copy: claraverse-bridge start' }));
    expect(await navigator.clipboard.readText()).toBe('claraverse-bridge start');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('explains a refused key creation in a sentence', async () => {
    vi.stubGlobal('fetch', createFakeFetch({
      'GET /api/user/bridge': () => jsonResponse(disconnectedBridge),
      'POST /api/keys': () => errorResponse(409, 'conflict', 'You already have 20 active keys; revoke one first'),
    }).fetch);
    renderWithProviders(<BridgePanel />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Create a bridge key' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You already have 20 active keys; revoke one first.');
  });
});
