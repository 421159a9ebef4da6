import type { Workflow } from '@claraverse/engine';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render-with-providers';
import { createFakePickerApi } from '../pickers/fake-picker-api';
import { createEditorStore } from '../stores/editor-store';
import { EditorStoreProvider } from '../stores/editor-store-context';
import { block, branchingWorkflow, connection, counterIds } from '../test/workflow-fixtures';
import { BlockSettingsPanel } from './block-settings-panel';

/** API answers can take a while on a loaded machine: how long a query may wait for them (not a timing check). */
const loaded = { timeout: 10_000 };

function renderPanel(workflow: Workflow, selectedId: string) {
  const store = createEditorStore(structuredClone(workflow), { idFactory: counterIds() });
  store.getState().select({ blockIds: [selectedId] });
  render(
    <EditorStoreProvider workflow={workflow} store={store}>
      <BlockSettingsPanel />
    </EditorStoreProvider>,
  );
  const config = () => store.getState().blocksById.get(selectedId)!.config;
  return { store, config, user: userEvent.setup() };
}

const withTransform = (expression: string): Workflow => ({
  blocks: [block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'json' }), block('shape', 'transform', { expression })],
  connections: [connection('c1', 'start', 'shape')],
  variables: [],
});

describe('block settings panel', () => {
  it('asks to select a block when none is selected, and counts a multiple selection', () => {
    const store = createEditorStore(branchingWorkflow());
    render(
      <EditorStoreProvider workflow={branchingWorkflow()} store={store}>
        <BlockSettingsPanel />
      </EditorStoreProvider>,
    );
    expect(screen.getByText(/select a block to edit/i)).toBeTruthy();
    act(() => store.getState().select({ blockIds: ['happy', 'sad'] }));
    expect(screen.getByText(/2 blocks selected/)).toBeTruthy();
    expect(screen.getByText(/No problems/)).toBeTruthy();
  });

  it('shows a selected connection with its output and removes it', async () => {
    const store = createEditorStore(branchingWorkflow());
    store.getState().select({ connectionIds: ['c3'] });
    render(
      <EditorStoreProvider workflow={branchingWorkflow()} store={store}>
        <BlockSettingsPanel />
      </EditorStoreProvider>,
    );
    const details = screen.getByRole('region', { name: 'Selected connections' });
    expect(details.textContent).toBe('classifyfalsesadRemove connection');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remove connection' }));
    expect(store.getState().workflow.connections.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(screen.queryByRole('region', { name: 'Selected connections' })).toBeNull();
  });

  it('lists the workflow problems when no block is selected and selects the block a problem names', async () => {
    const workflow = branchingWorkflow();
    workflow.blocks[3]!.config = { value: '{{nowhere}}' };
    workflow.connections.push(connection('back', 'happy', 'classify'));
    const store = createEditorStore(workflow);
    render(
      <EditorStoreProvider workflow={workflow} store={store}>
        <BlockSettingsPanel />
      </EditorStoreProvider>,
    );
    expect(screen.getByText('2 problems to fix before saving')).toBeTruthy();
    expect(screen.getByText(/These blocks form a cycle: classify → happy → classify/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show sad' }));
    expect(store.getState().selectedBlockIds).toEqual(['sad']);
    expect(screen.getByRole('form', { name: 'Settings of sad' })).toBeTruthy();
  });

  it('renames the block (and its template id) from the name field', async () => {
    const { store, user } = renderPanel(branchingWorkflow(), 'classify');
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    expect(screen.getByText('A block needs a name.')).toBeTruthy();
    await user.type(name, 'Score check');
    expect(store.getState().blocksById.get('classify')).toMatchObject({ name: 'Score check', normalizedId: 'score-check' });
    expect(screen.getByText('{{score-check}}')).toBeTruthy();
  });

  it('edits a transform expression and previews it over a sample built from the available paths', async () => {
    const { config, user } = renderPanel(withTransform('input'), 'shape');
    const sample = screen.getByLabelText('Sample input') as HTMLTextAreaElement;
    expect(JSON.parse(sample.value)).toEqual({ input: 'Sample input', start: { value: 'Sample start.value' } });
    const expression = screen.getByLabelText('JSONata expression');
    await user.clear(expression);
    await user.type(expression, '$uppercase(start.value)');
    expect(config()['expression']).toBe('$uppercase(start.value)');
    expect(await screen.findByText('"SAMPLE START.VALUE"')).toBeTruthy();
    await user.clear(expression);
    await user.type(expression, '$sum(input.items)');
    await user.clear(sample);
    await user.type(sample, '{{"input": {{"items": [[10, 5]}}');
    expect(await screen.findByText('15')).toBeTruthy();
    await user.type(sample, ',');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The sample is not valid JSON/);
  });

  it('shows the engine error for invalid JSONata, in the field and the preview, and on the block', async () => {
    const { store, user } = renderPanel(withTransform('input'), 'shape');
    const expression = screen.getByLabelText('JSONata expression');
    await user.clear(expression);
    await user.type(expression, 'input.items[[');
    expect(expression.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/Invalid expression/).length).toBeGreaterThanOrEqual(2);
    // The field says where the syntax breaks.
    expect(screen.getByText(/^Invalid expression: .+ \(at character \d+\)$/)).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Invalid expression/);
    expect(store.getState().validation.byBlock.get('shape')?.[0]?.code).toBe('INVALID_CONFIG');
    expect(within(screen.getByRole('list', { name: 'Problems' })).getByText(/Invalid expression/)).toBeTruthy();
  });

  it('edits a condition expression and shows a failing evaluation with its position', async () => {
    const { config, user } = renderPanel(branchingWorkflow(), 'classify');
    const expression = screen.getByLabelText('Condition (JSONata)');
    await user.clear(expression);
    await user.type(expression, '$number(input) >= 9');
    expect(config()['expression']).toBe('$number(input) >= 9');
    // The default sample's input is words: casting it to a number fails, and the preview says where.
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Expression failed: .+ \(at character \d+\)$/);
    const sample = screen.getByLabelText('Sample input');
    await user.clear(sample);
    await user.type(sample, '{{"input": "7"}');
    expect(await screen.findByText('false')).toBeTruthy();
  });

  it('sets the start block input type and a delay duration', async () => {
    const workflow: Workflow = {
      blocks: [block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'text' }), block('wait', 'delay', { durationMs: 1000 })],
      connections: [connection('c1', 'start', 'wait')],
      variables: [],
    };
    const first = renderPanel(workflow, 'start');
    await first.user.selectOptions(screen.getByLabelText('Input type'), 'json');
    expect(first.config()['inputType']).toBe('json');
    first.store.getState().select({ blockIds: ['wait'] });
    const duration = await screen.findByLabelText('Duration (milliseconds)');
    await first.user.clear(duration);
    expect(first.store.getState().blocksById.get('wait')?.config).not.toHaveProperty('durationMs');
    await first.user.type(duration, '2500');
    expect(first.store.getState().blocksById.get('wait')?.config['durationMs']).toBe(2500);
  });

  it('edits an HTTP request, refusing a header line without a colon', async () => {
    const workflow: Workflow = { blocks: [block('call', 'http_request', { method: 'GET', url: '' })], connections: [], variables: [] };
    const { config, user } = renderPanel(workflow, 'call');
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    await user.type(screen.getByLabelText('URL'), 'https://api.example.com/items');
    const headers = screen.getByLabelText('Headers');
    await user.type(headers, 'Authorization');
    expect(screen.getByText(/is not "Name: value"/)).toBeTruthy();
    await user.type(headers, ': Bearer {{{{input.token}}');
    await user.type(screen.getByLabelText('Body'), 'hello');
    expect(config()).toMatchObject({ method: 'POST', url: 'https://api.example.com/items', headers: { Authorization: 'Bearer {{input.token}}' }, body: 'hello' });
  });

  it('switches a loop between a template and a JSONata expression and sets its limits', async () => {
    const workflow: Workflow = { blocks: [block('each', 'loop', { items: '{{input.rows}}', concurrency: 1 })], connections: [], variables: [] };
    const { config, user } = renderPanel(workflow, 'each');
    await user.selectOptions(screen.getByLabelText('Items from'), 'expression');
    expect(config()).toEqual({ itemsExpression: 'input.rows', concurrency: 1 });
    const concurrency = screen.getByLabelText('At once');
    await user.clear(concurrency);
    await user.type(concurrency, '4');
    expect(config()['concurrency']).toBe(4);
  });

  it('sets timeout, retries and error policy (an error branch adds an error output port)', async () => {
    const { store, user } = renderPanel(branchingWorkflow(), 'happy');
    expect(screen.getByLabelText('Timeout (s)').getAttribute('placeholder')).toBe('30');
    expect(screen.getByLabelText('Retries').getAttribute('placeholder')).toBe('0');
    expect(screen.queryByLabelText('First retry after (ms)')).toBeNull();
    await user.type(screen.getByLabelText('Timeout (s)'), '45');
    await user.type(screen.getByLabelText('Retries'), '3');
    expect(screen.getByLabelText('First retry after (ms)').getAttribute('placeholder')).toBe('1000');
    expect(screen.getByLabelText('Backoff (×)').getAttribute('placeholder')).toBe('2');
    await user.type(screen.getByLabelText('First retry after (ms)'), '500');
    await user.type(screen.getByLabelText('Backoff (×)'), '3');
    expect(screen.getByText('Blocks after this one are skipped; other branches go on.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('When it fails'), 'error-branch');
    expect(screen.getByText(/The block gets an “error” output/)).toBeTruthy();
    expect(store.getState().blocksById.get('happy')).toMatchObject({ timeoutSeconds: 45, retry: { maxRetries: 3, initialDelayMs: 500, backoffMultiplier: 3 }, onError: 'error-branch' });
    await user.clear(screen.getByLabelText('First retry after (ms)'));
    await user.clear(screen.getByLabelText('Backoff (×)'));
    await user.clear(screen.getByLabelText('Retries'));
    expect(screen.queryByLabelText('First retry after (ms)')).toBeNull();
    expect(store.getState().blocksById.get('happy')).not.toHaveProperty('retry');
    await user.clear(screen.getByLabelText('Timeout (s)'));
    await user.selectOptions(screen.getByLabelText('When it fails'), 'continue');
    expect(store.getState().blocksById.get('happy')).not.toHaveProperty('timeoutSeconds');
    expect(store.getState().blocksById.get('happy')).not.toHaveProperty('onError');
  });

  it('shows the engine default timeout of each type (an LLM block gets at least 120 s, a loop an hour)', () => {
    const workflow: Workflow = { blocks: [block('think', 'llm_inference', {}), block('each', 'loop', { items: '{{input}}' })], connections: [], variables: [] };
    const { store } = renderPanel(workflow, 'think');
    expect(screen.getByLabelText('Timeout (s)').getAttribute('placeholder')).toBe('120');
    expect(screen.getByText('At least 120 s for this type.')).toBeTruthy();
    act(() => store.getState().select({ blockIds: ['each'] }));
    expect(screen.getByLabelText('Timeout (s)').getAttribute('placeholder')).toBe('3600');
  });

  it('edits other types as JSON and refuses invalid JSON', async () => {
    const workflow: Workflow = { blocks: [block('join', 'merge', { mode: 'all' })], connections: [], variables: [] };
    const { config, user } = renderPanel(workflow, 'join');
    const editor = screen.getByLabelText('Configuration (JSON)');
    await user.clear(editor);
    await user.type(editor, '{{"mode": "first"');
    expect(screen.getByText(/Not valid JSON/)).toBeTruthy();
    await user.type(editor, '}');
    expect(config()).toEqual({ mode: 'first' });
  });
});

describe('block settings panel with the API (pickers)', () => {
  afterEach(() => vi.unstubAllGlobals());

  function renderWithApi(workflow: Workflow, selectedId: string, api = createFakePickerApi()) {
    vi.stubGlobal('fetch', api.fetch);
    const store = createEditorStore(structuredClone(workflow), { idFactory: counterIds() });
    store.getState().select({ blockIds: [selectedId] });
    renderWithProviders(
      <EditorStoreProvider workflow={workflow} store={store}>
        <BlockSettingsPanel />
      </EditorStoreProvider>,
    );
    const config = () => store.getState().blocksById.get(selectedId)!.config;
    return { api, store, config, user: userEvent.setup() };
  }

  const llmWorkflow = (): Workflow => ({
    blocks: [
      block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'text' }),
      block('fetch', 'http_request', { method: 'GET', url: 'https://example.com' }),
      block('writer', 'llm_inference', { userPrompt: '{{input}}' }, { name: 'News writer' }),
      block('unrelated', 'output', { value: 'x' }),
    ],
    connections: [connection('c1', 'start', 'fetch'), connection('c2', 'fetch', 'writer')],
    variables: [],
  });

  it('edits an LLM block: model, prompts with {{…}} autocomplete and the path hint', async () => {
    const { config, user } = renderWithApi(llmWorkflow(), 'writer');
    const model = screen.getByRole('combobox', { name: 'Model' });
    await screen.findByRole('option', { name: 'Llama 3.2 3B · Ollama (yours)' }, loaded);
    await user.selectOptions(model, 'model-llama');
    expect(config()['model']).toBe('model-llama');
    const system = screen.getByRole('combobox', { name: 'System prompt' });
    await user.type(system, 'Summarize {{{{fe');
    expect(within(screen.getByRole('listbox', { name: 'Available paths' })).getAllByRole('option').map((option) => option.textContent)).toEqual(['{{fetch.status}}', '{{fetch.body}}']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(config()['systemPrompt']).toBe('Summarize {{fetch.body}}');
    const userPrompt = screen.getByRole('combobox', { name: 'User prompt' }) as HTMLTextAreaElement;
    const hint = document.getElementById(userPrompt.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(within(hint).getByRole('button', { name: '{{start.value}}' })).toBeTruthy();
    expect(within(hint).queryByText('{{unrelated}}')).toBeNull();
    // A path from the hint inserts itself at the cursor.
    await user.click(userPrompt);
    userPrompt.setSelectionRange(0, 0);
    await user.click(within(hint).getByRole('button', { name: '{{fetch.body}}' }));
    expect(config()['userPrompt']).toBe('{{fetch.body}}{{input}}');
  });

  it('edits an LLM block: tools with recommendations, required tools, and the credential an integration tool needs', async () => {
    const { api, config, user } = renderWithApi(llmWorkflow(), 'writer');
    await user.type(screen.getByRole('combobox', { name: 'System prompt' }), 'Find the news');
    const searchRow = (await screen.findByRole('checkbox', { name: 'Search the Web' }, loaded)).closest('li')!;
    expect(await within(searchRow).findByText('Recommended', {}, loaded)).toBeTruthy();
    // The block's words are sent once typing pauses.
    await vi.waitFor(() => expect(api.requestsTo('POST /api/tools/recommend').at(-1)?.body).toEqual({ name: 'News writer', description: '', systemPrompt: 'Find the news', userPrompt: '{{input}}' }), loaded);
    await user.click(within(searchRow).getByRole('checkbox', { name: 'Search the Web' }));
    await user.click(screen.getByRole('checkbox', { name: 'Required: Search the Web' }));
    await user.click(screen.getByRole('checkbox', { name: 'Send Slack Message' }));
    expect(config()).toMatchObject({ enabledTools: ['search_web', 'send_slack_message'], requiredTools: ['search_web'] });
    // Slack needs a credential: the user has one, offered alone in its picker.
    const slack = await screen.findByRole('combobox', { name: 'Slack credential' }, loaded);
    await screen.findByRole('option', { name: 'Team Slack · cred…' }, loaded);
    expect(within(slack).getAllByRole('option').map((option) => option.textContent)).toEqual(['None', 'Team Slack · cred…']);
    await user.selectOptions(slack, 'cred-slack');
    expect(config()['credentials']).toEqual(['cred-slack']);
    await user.selectOptions(slack, '');
    expect(config()).not.toHaveProperty('credentials');
    await user.click(screen.getByRole('checkbox', { name: 'Send Slack Message' }));
    await user.click(screen.getByRole('checkbox', { name: 'Search the Web' }));
    expect(config()).not.toHaveProperty('enabledTools');
    expect(config()).not.toHaveProperty('requiredTools');
    expect(screen.queryByRole('combobox', { name: 'Slack credential' })).toBeNull();
  });

  it('edits an LLM block: structured output from the schema editor', async () => {
    const { config, user } = renderWithApi(llmWorkflow(), 'writer');
    await user.click(screen.getByRole('checkbox', { name: 'Structured output' }));
    await user.type(within(screen.getByRole('group', { name: 'Field answer' })).getByLabelText('Field description'), ' in one line');
    expect(config()['outputSchema']).toEqual({ type: 'object', properties: { answer: { type: 'string', description: 'The result in one line' } }, required: ['answer'], additionalProperties: false });
  });

  it('edits an HTTP request: URL autocomplete and a REST API or webhook credential, with a link to add one', async () => {
    const workflow: Workflow = { blocks: [block('start', 'variable', { operation: 'read' }), block('call', 'http_request', { method: 'GET', url: '' })], connections: [connection('c1', 'start', 'call')], variables: [] };
    const { config, user } = renderWithApi(workflow, 'call');
    await user.type(screen.getByRole('combobox', { name: 'URL' }), 'https://api.example.com/items/{{{{st');
    await user.keyboard('{Enter}');
    expect(config()['url']).toBe('https://api.example.com/items/{{start.value}}');
    const credential = screen.getByRole('combobox', { name: 'Credential' });
    await screen.findByRole('option', { name: 'Billing API · cred…' }, loaded);
    expect(within(credential).getAllByRole('option').map((option) => option.textContent)).toEqual(['None', 'Billing API · cred…']);
    expect(screen.getByRole('link', { name: 'Add a REST API or webhook credential' }).getAttribute('href')).toBe('/credentials');
    await user.selectOptions(credential, 'cred-rest');
    expect(config()['credentialId']).toBe('cred-rest');
  });

  it('edits a tool call block: one tool, its arguments as templates, and its credential', async () => {
    const workflow: Workflow = { blocks: [block('start', 'variable', { operation: 'read' }), block('notify', 'code_block', { toolName: 'search_web' })], connections: [connection('c1', 'start', 'notify')], variables: [] };
    const { config, user } = renderWithApi(workflow, 'notify');
    expect(((await screen.findByRole('radio', { name: 'Search the Web' }, loaded)) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'Send Slack Message' }));
    expect(config()['toolName']).toBe('send_slack_message');
    const args = screen.getByRole('combobox', { name: 'Arguments (JSON)' });
    await user.type(args, '[[1]');
    expect(screen.getByText(/^The arguments must be a JSON object/)).toBeTruthy();
    await user.clear(args);
    await user.type(args, '{{"text": "{{{{inp');
    await user.keyboard('{Enter}');
    await user.type(args, '"}');
    expect(config()['argumentMapping']).toEqual({ text: '{{input}}' });
    const slack = await screen.findByRole('combobox', { name: 'Slack credential' }, loaded);
    await screen.findByRole('option', { name: 'Team Slack · cred…' }, loaded);
    await user.selectOptions(slack, 'cred-slack');
    expect(config()['credentials']).toEqual(['cred-slack']);
  });
});
