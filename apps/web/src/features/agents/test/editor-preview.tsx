// A page for browser checks only (e2e/agent-editor.e2e.test.ts serves it with Vite): the editor on the ten-block
// fixture (or an empty canvas with ?empty), laid out top to bottom as the Tidy up button would (a long chain reads
// best that way at 1280 × 800). Not part of the app build (only index.html is an entry).
import '../../../lib/apply-initial-theme';
import '../../../index.css';
import type { Workflow } from '@claraverse/engine';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AgentEditor } from '../components/agent-editor';
import { layoutBlocks } from '../lib/auto-layout';
import { tenBlockWorkflow } from './workflow-fixtures';

// `?empty` starts from an empty canvas (building an agent from the palette).
const workflow: Workflow = new URLSearchParams(location.search).has('empty') ? { blocks: [], connections: [], variables: [] } : tenBlockWorkflow();
const positions = layoutBlocks(workflow.blocks, workflow.connections, 'TB');
for (const block of workflow.blocks) block.position = positions.get(block.id) ?? block.position;
// Saving records the workflow where the browser test can read it.
const saved: unknown[] = [];
// The laid-out workflow is readable too: the app-page browser test saves it on a real agent.
Object.assign(window, { savedWorkflows: saved, previewWorkflow: workflow });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AgentEditor workflow={workflow} title="News digest" onSave={(next) => void saved.push(next)} />
  </StrictMode>,
);
