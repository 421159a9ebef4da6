import type { Workflow } from '@claraverse/engine';
import type { Agent } from '@claraverse/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GitBranch } from 'lucide-react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { AgentEditor } from '../components/agent-editor';
import { createEditorStore } from '../stores/editor-store';
import { installReactFlowStubs, removeReactFlowStubs } from '../test/react-flow-stubs';
import { block, branchingWorkflow, connection, counterIds } from '../test/workflow-fixtures';
import { VersionsPanel } from './versions-panel';

beforeAll(installReactFlowStubs);
afterAll(removeReactFlowStubs);
afterEach(() => vi.unstubAllGlobals());

const agent: Agent = {
  id: 'agent-1', name: 'Scorer', description: '', status: 'draft', settings: {}, hasWorkflow: true, blockCount: 4, workflowVersion: 5,
  createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-02T10:30:00.000Z',
};

/** Version 1: start → verdict (output), a different shape from the current branching workflow. */
function versionOne(): Workflow {
  return {
    blocks: [block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'json' }), block('verdict', 'output', { value: 'done' }, { name: 'Verdict' })],
    connections: [connection('c1', 'start', 'verdict')],
    variables: [],
  };
}

function startFakeVersionsApi() {
  let versions = [
    { version: 3, description: 'Branch on the score', blockCount: 4, createdAt: '2026-03-02T10:00:00.000Z' },
    { version: 1, description: 'First draft', blockCount: 2, createdAt: '2026-03-01T09:00:00.000Z' },
  ];
  let latest = 5;
  return createFakeFetch({
    'GET /api/agents/agent-1/workflow/versions': () => jsonResponse({ versions }),
    'GET /api/agents/agent-1/workflow/versions/:version': (request) =>
      request.params['version'] === '1' ? jsonResponse({ ...versions.find((item) => item.version === 1), workflow: versionOne() }) : errorResponse(404, 'not_found', 'No such version'),
    'POST /api/agents/agent-1/workflow/restore/:version': () => {
      const version = (latest += 1);
      versions = [{ version, description: 'Restored from version 1', blockCount: 2, createdAt: '2026-03-03T08:00:00.000Z' }, ...versions];
      return jsonResponse({ agentId: 'agent-1', workflow: versionOne(), version, updatedAt: '2026-03-03T08:00:00.000Z' });
    },
    'PUT /api/agents/agent-1/workflow': (request) => {
      const body = request.body as Workflow & { versionDescription: string };
      const version = (latest += 1);
      versions = [{ version, description: body.versionDescription, blockCount: body.blocks.length, createdAt: '2026-03-03T08:00:00.000Z' }, ...versions];
      return jsonResponse({ agentId: 'agent-1', workflow: body, version, updatedAt: '2026-03-03T08:00:00.000Z' });
    },
  });
}

function renderVersions() {
  const store = createEditorStore(branchingWorkflow(), { idFactory: counterIds() });
  renderWithProviders(
    <div style={{ width: 1280, height: 800 }}>
      <AgentEditor workflow={branchingWorkflow()} store={store} onSave={() => undefined} initialPanel="versions" panels={[{ id: 'versions', label: 'Versions', icon: GitBranch, render: () => <VersionsPanel agent={agent} /> }]} />
    </div>,
  );
  return store;
}

describe('VersionsPanel', () => {
  it('lists the versions, previews an old one read-only with its differences, and restores it into the editor', async () => {
    const api = startFakeVersionsApi();
    vi.stubGlobal('fetch', api.fetch);
    const store = renderVersions();
    const user = userEvent.setup();

    const list = await screen.findByRole('list', { name: 'Versions' });
    const first = within(list).getByRole('listitem', { name: 'Version 1' });
    expect(first.textContent).toContain('First draft');
    expect(first.textContent).toContain('2 blocks');

    await user.click(within(first).getByRole('button', { name: 'Preview version 1' }));
    const preview = await screen.findByRole('dialog', { name: /Previewing version 1/ });
    expect(preview.textContent).toContain('Read-only');
    const differences = within(preview).getByRole('complementary', { name: 'Differences' });
    await waitFor(() => expect(within(differences).getByRole('region', { name: 'Added since version 1' }).textContent).toMatch(/classify.*happy.*sad/s));
    expect(within(differences).getByRole('region', { name: 'Removed since version 1' }).textContent).toContain('Verdict');
    expect(within(differences).getByRole('region', { name: 'Connections removed' }).textContent).toContain('start → Verdict');
    // The old version's blocks are on the preview canvas, the removed one marked.
    expect(within(preview).getByLabelText(/^Verdict \(.*\), removed since this version$/)).toBeTruthy();
    // Focus stays in the modal preview: Shift+Tab from its first control goes to its last one, not to the editor.
    preview.focus();
    await user.tab({ shift: true });
    expect(preview.contains(document.activeElement)).toBe(true);
    // Nothing changed in the editor by previewing.
    expect(store.getState().workflow.blocks.map((item) => item.id)).toEqual(['start', 'classify', 'happy', 'sad']);

    // Unsaved edits: restoring asks first; keeping them changes nothing.
    expect(screen.getByText('Editing version 5')).toBeTruthy();
    act(() => store.getState().renameBlock('happy', 'Happy path'));
    expect(screen.getByText('Editing version 5 · unsaved changes')).toBeTruthy();
    await user.click(within(preview).getByRole('button', { name: 'Restore this version' }));
    const confirm = await screen.findByRole('dialog', { name: 'Discard your unsaved changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    expect(api.requestsTo('POST /api/agents/agent-1/workflow/restore/1')).toHaveLength(0);
    expect(store.getState().isDirty).toBe(true);

    await user.click(within(preview).getByRole('button', { name: 'Restore this version' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard your unsaved changes?' })).getByRole('button', { name: 'Discard and restore' }));
    expect((await screen.findByText(/Restored version 1; it is now the current workflow \(version 6\)/)).textContent).toBeTruthy();
    expect(api.requestsTo('POST /api/agents/agent-1/workflow/restore/1')).toHaveLength(1);
    expect(store.getState().workflow.blocks.map((item) => item.id)).toEqual(['start', 'verdict']);
    expect(store.getState().isDirty).toBe(false);
    expect(screen.queryByRole('dialog', { name: /Previewing/ })).toBeNull();
    // The list was read again and shows the new version.
    expect((await screen.findByRole('listitem', { name: 'Version 6' })).textContent).toContain('Restored from version 1');
  });

  it('restores at once when there is nothing unsaved, and saves the current workflow as a described version', async () => {
    const api = startFakeVersionsApi();
    vi.stubGlobal('fetch', api.fetch);
    const store = renderVersions();
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Describe this version'), 'Before the big change');
    await user.click(screen.getByRole('button', { name: 'Save as version' }));
    expect((await screen.findByText('Saved as version 6.')).textContent).toBeTruthy();
    const saved = api.requestsTo('PUT /api/agents/agent-1/workflow')[0]?.body as { createVersion: boolean; versionDescription: string; blocks: unknown[] };
    expect(saved.createVersion).toBe(true);
    expect(saved.versionDescription).toBe('Before the big change');
    expect(saved.blocks).toEqual(store.getState().workflow.blocks);

    await user.click(within(await screen.findByRole('listitem', { name: 'Version 1' })).getByRole('button', { name: 'Restore version 1' }));
    await waitFor(() => expect(store.getState().workflow.blocks.map((item) => item.id)).toEqual(['start', 'verdict']));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
