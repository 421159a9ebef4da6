import type { Workflow } from '@claraverse/engine';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { ApiAvailability } from '../api/api-availability';
import { AgentEditor } from '../components/agent-editor';
import { createEditorStore } from '../stores/editor-store';
import { installReactFlowStubs, removeReactFlowStubs } from '../test/react-flow-stubs';
import { block, connection } from '../test/workflow-fixtures';

beforeAll(installReactFlowStubs);
afterAll(removeReactFlowStubs);
afterEach(() => vi.unstubAllGlobals());

const smartId = '450bf35b-2741-4c1e-9d7a-5a4f0c2e1b01';
const goneId = '0f0f0f0f-dead-4bee-8000-000000000000';
const capabilities = { tools: true, vision: false, streaming: true, reasoning: false, structuredOutput: true };
const models = [
  { id: '9c1d2e3f-0000-4000-8000-000000000002', name: 'fast', displayName: 'Fast model', providerName: 'Local Ollama', providerId: 'p2', capabilities, tier: 1, contextLength: 8192, isOwn: false },
  { id: smartId, name: 'gpt-4.1', displayName: 'Smart model', providerName: 'OpenAI', providerId: 'p1', capabilities, tier: 2, contextLength: 128000, isOwn: false },
];

/** Four LLM blocks: a model by instance id, one by name (with tools), none (the default) and one since removed. */
function llmWorkflow(): Workflow {
  return {
    blocks: [
      block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'text' }, { name: 'Start' }),
      block('smart', 'llm_inference', { model: smartId, userPrompt: '{{input}}' }, { name: 'Smart step' }),
      block('fast', 'llm_inference', { model: 'fast', userPrompt: '{{smart.response}}', enabledTools: ['search_web', 'get_current_time'] }, { name: 'Fast step' }),
      block('plain', 'llm_inference', { userPrompt: '{{fast.response}}' }, { name: 'Default step' }),
      block('gone', 'llm_inference', { model: goneId, userPrompt: '{{plain.response}}' }, { name: 'Gone step' }),
    ],
    connections: [connection('c1', 'start', 'smart'), connection('c2', 'smart', 'fast'), connection('c3', 'fast', 'plain'), connection('c4', 'plain', 'gone')],
    variables: [],
  };
}

const summaryOf = (name: string) => {
  const node = screen.getByText(name, { selector: '.react-flow__node p.font-semibold' }).closest('.react-flow__node')!;
  return node.querySelector('p.font-mono');
};
const summaries = () => ['Smart step', 'Fast step', 'Default step', 'Gone step'].map((name) => summaryOf(name)?.textContent);

function editor(workflow: Workflow) {
  const store = createEditorStore(workflow);
  return {
    store,
    ui: (
      <div style={{ width: 1280, height: 800 }}>
        <AgentEditor workflow={workflow} store={store} onSave={() => undefined} />
      </div>
    ),
  };
}

describe('the summary line of an LLM block', () => {
  it('names each model by display name and provider from one models request, "default model" or "unknown model"', async () => {
    let answer!: (response: Response) => void;
    const api = createFakeFetch({ 'GET /api/models': () => new Promise<Response>((resolve) => (answer = resolve)) });
    vi.stubGlobal('fetch', api.fetch);
    const { ui } = editor(llmWorkflow());
    renderWithProviders(ui);

    // Until the models arrive, no raw id: the default needs no list.
    expect(summaries()).toEqual(['loading model…', 'loading model… · 2 tools', 'default model', 'loading model…']);
    await act(async () => answer(jsonResponse({ models })));
    await waitFor(() => expect(summaries()).toEqual(['Smart model · OpenAI', 'Fast model · Local Ollama · 2 tools', 'default model', 'unknown model']));
    expect(summaryOf('Gone step')?.getAttribute('title')).toBe(`The model "${goneId}" is not among your models`);
    expect(summaryOf('Smart step')?.getAttribute('title')).toBe('Smart model · OpenAI');
    // One query for every node.
    expect(api.requestsTo('GET /api/models')).toHaveLength(1);
    expect(document.body.textContent).not.toContain(smartId);
  });

  it('follows a change of model in the editor without asking for the models again', async () => {
    const api = createFakeFetch({ 'GET /api/models': () => jsonResponse({ models }) });
    vi.stubGlobal('fetch', api.fetch);
    const { ui, store } = editor(llmWorkflow());
    renderWithProviders(ui);
    await waitFor(() => expect(summaryOf('Gone step')?.textContent).toBe('unknown model'));

    act(() => store.getState().updateConfig('gone', { model: smartId }));
    expect(summaryOf('Gone step')?.textContent).toBe('Smart model · OpenAI');
    act(() => store.getState().updateConfig('smart', { model: undefined }));
    expect(summaryOf('Smart step')?.textContent).toBe('default model');
    expect(api.requestsTo('GET /api/models')).toHaveLength(1);
  });

  it('shows the stored id when the models cannot be loaded', async () => {
    const api = createFakeFetch({ 'GET /api/models': () => errorResponse(500, 'internal_error', 'boom') });
    vi.stubGlobal('fetch', api.fetch);
    const { ui } = editor(llmWorkflow());
    renderWithProviders(ui);
    await waitFor(() => expect(summaries()).toEqual([smartId, 'fast · 2 tools', 'default model', goneId]));
  });

  it('shows the stored id without asking when there is no API (the preview page) or no query client', () => {
    const api = createFakeFetch({ 'GET /api/models': () => jsonResponse({ models }) });
    vi.stubGlobal('fetch', api.fetch);
    const first = editor(llmWorkflow());
    const view = renderWithProviders(<ApiAvailability isAvailable={false}>{first.ui}</ApiAvailability>);
    expect(summaries()).toEqual([smartId, 'fast · 2 tools', 'default model', goneId]);
    view.unmount();

    render(editor(llmWorkflow()).ui);
    expect(summaries()).toEqual([smartId, 'fast · 2 tools', 'default model', goneId]);
    expect(api.requests).toHaveLength(0);
  });
});
