import type { Workflow } from '@claraverse/engine';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { installReactFlowStubs, removeReactFlowStubs } from '../test/react-flow-stubs';
import { branchingWorkflow, counterIds, tenBlockWorkflow } from '../test/workflow-fixtures';
import { createEditorStore } from '../stores/editor-store';
import { Play } from 'lucide-react';
import { AgentEditor, useOpenEditorPanel, type EditorPanel } from './agent-editor';

beforeAll(installReactFlowStubs);
afterAll(removeReactFlowStubs);

function renderEditor(workflow: Workflow, onSave = vi.fn()) {
  render(
    <div style={{ width: 1280, height: 800 }}>
      <AgentEditor workflow={structuredClone(workflow)} onSave={onSave} title="News digest" storeOptions={{ idFactory: counterIds() }} />
    </div>,
  );
  return { onSave, user: userEvent.setup() };
}

const nameSelector = '.react-flow__node p.font-semibold';
const node = (name: string) => screen.getByText(name, { selector: nameSelector }).closest('.react-flow__node') as HTMLElement;
// React Flow selects a node on click; user-event's pointer sequence trips d3-drag in jsdom, so click directly.
const clickNode = (name: string) => fireEvent.click(node(name));

describe('agent editor', () => {
  it('draws every block of a ten-block workflow with its type, summary and output handles', () => {
    renderEditor(tenBlockWorkflow());
    expect(screen.getByText('10 blocks')).toBeTruthy();
    expect(document.querySelectorAll('.react-flow__node')).toHaveLength(10);
    expect(within(node('Fetch feed')).getByText('GET news.example.com/feed.json')).toBeTruthy();
    expect(within(node('Is urgent')).getByText('true')).toBeTruthy();
    expect(within(node('Each article')).getByText('each item')).toBeTruthy();
    expect(node('Each article').querySelectorAll('.react-flow__handle.source')).toHaveLength(2);
    expect(node('Start').querySelectorAll('.react-flow__handle.target')).toHaveLength(0);
    expect(screen.getByRole('status').textContent).toBe('Ready to run');
  });

  it('adds a block from the palette by click, selects it and shows its settings', async () => {
    const { user } = renderEditor(branchingWorkflow());
    await user.click(screen.getByRole('button', { name: 'Add HTTP request' }));
    expect(screen.getByText('5 blocks · unsaved changes')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Settings of HTTP request' })).toBeTruthy();
    expect(within(node('HTTP request')).getByText('1 issue')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 problem');
    expect(screen.getByRole('button', { name: 'Save' }).hasAttribute('disabled')).toBe(true);
  });

  it('lists every block type in the palette', () => {
    renderEditor(branchingWorkflow());
    const palette = screen.getByRole('navigation', { name: 'Blocks' });
    expect(within(palette).getAllByRole('button')).toHaveLength(13);
  });

  it('selects a block by clicking it, deletes it with Delete and brings it back with Ctrl+Z', () => {
    renderEditor(branchingWorkflow());
    clickNode('sad');
    expect(screen.getByRole('form', { name: 'Settings of sad' })).toBeTruthy();
    fireEvent.keyDown(node('sad'), { key: 'Delete' });
    expect(screen.queryByText('sad', { selector: nameSelector })).toBeNull();
    expect(screen.getByText('3 blocks · unsaved changes')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('region', { name: 'Canvas' }), { key: 'z', ctrlKey: true });
    expect(node('sad')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('region', { name: 'Canvas' }), { key: 'z', ctrlKey: true, shiftKey: true });
    expect(screen.queryByText('sad', { selector: nameSelector })).toBeNull();
  });

  it('copies and pastes a block with Ctrl+C / Ctrl+V', () => {
    renderEditor(branchingWorkflow());
    clickNode('happy');
    const canvas = screen.getByRole('region', { name: 'Canvas' });
    fireEvent.keyDown(canvas, { key: 'c', ctrlKey: true });
    fireEvent.keyDown(canvas, { key: 'v', ctrlKey: true });
    expect(node('happy 2')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Settings of happy 2' })).toBeTruthy();
  });

  it('does not treat Delete typed in a settings field as deleting the block', async () => {
    const { user } = renderEditor(branchingWorkflow());
    clickNode('sad');
    const name = screen.getByLabelText('Name');
    await user.type(name, '{Backspace}');
    expect(node('sa')).toBeTruthy();
  });

  it('saves the edited workflow and marks it saved', async () => {
    const { onSave, user } = renderEditor(branchingWorkflow());
    clickNode('happy');
    await user.type(screen.getByLabelText('Value'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0] as Workflow;
    expect(saved.blocks.find((block) => block.id === 'happy')?.config['value']).toBe('yes {{input.score}}!');
    expect(screen.getByText('4 blocks')).toBeTruthy();
  });

  it('says why a save failed and keeps the changes unsaved', async () => {
    const { user } = renderEditor(branchingWorkflow(), vi.fn().mockRejectedValue(new Error('The server refused the workflow.')));
    clickNode('happy');
    await user.type(screen.getByLabelText('Value'), '!');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: The server refused the workflow.');
    expect(screen.getByText('4 blocks · unsaved changes')).toBeTruthy();
  });

  it('tidies the layout with one click, undoable', async () => {
    const { user } = renderEditor(tenBlockWorkflow());
    const before = node('Digest').style.transform;
    await user.click(screen.getByRole('button', { name: 'Tidy up' }));
    expect(node('Digest').style.transform).not.toBe(before);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(node('Digest').style.transform).toBe(before);
  });

  it('tells why a connection was refused, until dismissed', async () => {
    const store = createEditorStore(branchingWorkflow());
    render(<AgentEditor workflow={branchingWorkflow()} store={store} onSave={vi.fn()} />);
    act(() => void store.getState().connect({ sourceBlockId: 'happy', targetBlockId: 'classify' }));
    expect(screen.getByRole('alert').textContent).toBe('Connecting "happy" to "classify" would make a loop back to "happy".');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the run status of each block in its status slot', () => {
    const store = createEditorStore(branchingWorkflow());
    render(<AgentEditor workflow={branchingWorkflow()} store={store} onSave={vi.fn()} />);
    act(() => {
      store.getState().setBlockStatus('start', 'completed');
      store.getState().setBlockStatus('classify', 'running');
      store.getState().setBlockStatus('sad', 'skipped');
      store.getState().setBlockStatus('happy', 'failed');
    });
    expect(within(node('start')).getByRole('img', { name: 'Status: Completed' })).toBeTruthy();
    expect(within(node('classify')).getByRole('img', { name: 'Status: Running' })).toBeTruthy();
    expect(within(node('sad')).getByRole('img', { name: 'Status: Skipped' })).toBeTruthy();
    expect(within(node('happy')).getByRole('img', { name: 'Status: Failed' })).toBeTruthy();
  });
});

function OpenRunButton() {
  const openPanel = useOpenEditorPanel();
  return (
    <button type="button" onClick={() => openPanel('run')}>
      Go to run
    </button>
  );
}

describe('agent editor side panel', () => {
  const panels: EditorPanel[] = [
    { id: 'notes', label: 'Notes', icon: Play, render: () => <OpenRunButton /> },
    { id: 'run', label: 'Run', icon: Play, keepOnSelect: true, render: () => <p>Run panel</p> },
  ];
  const renderWithPanels = () => {
    render(
      <div style={{ width: 1280, height: 800 }}>
        <AgentEditor workflow={branchingWorkflow()} onSave={vi.fn()} storeOptions={{ idFactory: counterIds() }} panels={panels} />
      </div>,
    );
    return userEvent.setup();
  };
  const selectedTab = () => screen.getAllByRole('tab').find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent;

  it('shows the block tab first, then the tab chosen, and brings block settings forward on a new selection', async () => {
    const user = renderWithPanels();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Block', 'Notes', 'Run']);
    expect(selectedTab()).toBe('Block');
    await user.click(screen.getByRole('tab', { name: 'Notes' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Go to run');
    clickNode('happy');
    expect(selectedTab()).toBe('Block');
    expect(screen.getByRole('form', { name: 'Settings of happy' })).toBeTruthy();
  });

  it('keeps a tab that asks for it when a block is selected, and opens a tab from inside a panel', async () => {
    const user = renderWithPanels();
    await user.click(screen.getByRole('tab', { name: 'Notes' }));
    await user.click(screen.getByRole('button', { name: 'Go to run' }));
    expect(selectedTab()).toBe('Run');
    clickNode('sad');
    expect(selectedTab()).toBe('Run');
    expect(screen.getByRole('tabpanel').textContent).toBe('Run panel');
  });
});

describe('agent editor folding', () => {
  const panels: EditorPanel[] = [{ id: 'run', label: 'Run', icon: Play, keepOnSelect: true, render: () => <p>Run panel</p> }];
  const renderFoldable = () =>
    render(
      <div style={{ width: 1280, height: 800 }}>
        <AgentEditor workflow={branchingWorkflow()} onSave={vi.fn()} storeOptions={{ idFactory: counterIds() }} panels={panels} />
      </div>,
    );
  const palette = () => screen.getByRole('navigation', { name: 'Blocks' });
  const storedLayout = () => JSON.parse(localStorage.getItem('claraverse.agents.editor-layout') ?? 'null') as unknown;
  afterEach(() => localStorage.clear());

  it('folds the palette to a rail of block icons that still add blocks, and unfolds it, keeping the focus on the toggle', async () => {
    renderFoldable();
    const user = userEvent.setup();
    expect(within(palette()).getByText('Calls a web API (GET, POST…).')).toBeTruthy();
    screen.getByRole('button', { name: 'Collapse palette' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Expand palette' }));
    // Every type is still there, named by its label and tooltip, without the descriptions.
    expect(within(palette()).getAllByRole('button')).toHaveLength(13);
    expect(within(palette()).queryByText('Calls a web API (GET, POST…).')).toBeNull();
    const http = within(palette()).getByRole('button', { name: 'Add HTTP request' });
    expect(http.title).toBe('HTTP request: Calls a web API (GET, POST…).');
    await user.click(http);
    expect(screen.getByText('5 blocks · unsaved changes')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Settings of HTTP request' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Expand palette' }));
    expect(within(palette()).getByText('Calls a web API (GET, POST…).')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Collapse palette' })).toBeTruthy();
  });

  it('folds the side panel to its tab strip and unfolds it on a tab or a selected block', async () => {
    renderFoldable();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Collapse side panel' }));
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(screen.getByRole('tablist', { name: 'Editor panels' }).getAttribute('aria-orientation')).toBe('vertical');
    expect(screen.getAllByRole('tab').map((tab) => tab.getAttribute('aria-label'))).toEqual(['Block', 'Run']);
    // A tab pressed in the strip opens the panel on it.
    await user.click(screen.getByRole('tab', { name: 'Run' }));
    expect(screen.getByRole('tabpanel').textContent).toBe('Run panel');
    expect(screen.getByRole('button', { name: 'Collapse side panel' })).toBeTruthy();
    // Selecting a block unfolds it too (on the block's settings, or the tab that keeps its place).
    await user.click(screen.getByRole('tab', { name: 'Block' }));
    await user.click(screen.getByRole('button', { name: 'Collapse side panel' }));
    clickNode('sad');
    expect(screen.getByRole('form', { name: 'Settings of sad' })).toBeTruthy();
    // The button unfolds it as well.
    await user.click(screen.getByRole('button', { name: 'Collapse side panel' }));
    await user.click(screen.getByRole('button', { name: 'Expand side panel' }));
    expect(screen.getByRole('form', { name: 'Settings of sad' })).toBeTruthy();
  });

  it('remembers both choices on this browser', async () => {
    const { unmount } = renderFoldable();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Collapse palette' }));
    await user.click(screen.getByRole('button', { name: 'Collapse side panel' }));
    expect(storedLayout()).toEqual({ paletteCollapsed: true, sidePanelCollapsed: true });
    unmount();

    const { unmount: unmountAgain } = renderFoldable();
    expect(screen.getByRole('button', { name: 'Expand palette' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Expand side panel' })).toBeTruthy();
    expect(screen.queryByRole('tabpanel')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Expand palette' }));
    expect(storedLayout()).toEqual({ paletteCollapsed: false, sidePanelCollapsed: true });
    unmountAgain();

    renderFoldable();
    expect(screen.getByRole('button', { name: 'Collapse palette' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Expand side panel' })).toBeTruthy();
  });

  it('reads a missing or malformed choice as unfolded', () => {
    localStorage.setItem('claraverse.agents.editor-layout', '{not json');
    renderFoldable();
    expect(screen.getByRole('button', { name: 'Collapse palette' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Collapse side panel' })).toBeTruthy();
  });
});
