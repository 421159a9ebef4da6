import type { Agent } from '@claraverse/shared';
import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { installReactFlowStubs, removeReactFlowStubs } from '../test/react-flow-stubs';
import { installFakeWorkflowSocket, removeFakeWorkflowSocket, type FakeWorkflowSocket } from './fake-workflow-socket';

/** The agent the Run and History panel tests open (a draft with a saved workflow, version 3). */
export const testAgent: Agent = {
  id: 'agent-1', name: 'News digest', description: '', status: 'draft', settings: {}, hasWorkflow: true, blockCount: 4, workflowVersion: 3,
  createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-02T10:30:00.000Z',
};

/**
 * Registers the hooks of a Run/History panel test file: React Flow's browser stubs for the file, a fresh fake
 * `/ws/workflow` socket factory (and empty run store) per test, and stubbed globals undone after each. Call once at
 * the top of the file; returns the sockets the panel opened in the current test.
 */
export function setUpRunPanelTests(): { sockets: () => FakeWorkflowSocket[]; lastSocket: () => FakeWorkflowSocket } {
  let sockets: FakeWorkflowSocket[] = [];
  beforeAll(installReactFlowStubs);
  afterAll(removeReactFlowStubs);
  beforeEach(() => {
    sockets = installFakeWorkflowSocket();
  });
  afterEach(() => {
    removeFakeWorkflowSocket();
    vi.unstubAllGlobals();
  });
  return { sockets: () => sockets, lastSocket: () => sockets.at(-1)! };
}

/** The canvas node of the block named `name`. */
export function canvasNode(name: string): HTMLElement {
  return screen.getByText(name, { selector: '.react-flow__node p.font-semibold' }).closest('.react-flow__node') as HTMLElement;
}

/** The run status a canvas node shows ("Status: Completed"), undefined when it shows none. */
export function canvasStatus(name: string): string | null | undefined {
  return within(canvasNode(name)).queryByRole('img', { name: /^Status:/ })?.getAttribute('aria-label');
}
