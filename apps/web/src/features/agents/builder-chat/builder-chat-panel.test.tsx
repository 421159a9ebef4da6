import type { Workflow } from '@claraverse/engine';
import type { Agent, BuilderConversationMessage, GenerationResult, SelectToolsResponse } from '@claraverse/shared';
import { act, screen, waitFor, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import userEvent from '@testing-library/user-event';
import { GitBranch, Sparkles } from 'lucide-react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeFetch, errorResponse, jsonResponse, type RecordedRequest } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render-with-providers';
import { AgentEditor } from '../components/agent-editor';
import { createEditorStore } from '../stores/editor-store';
import { EditorStoreProvider } from '../stores/editor-store-context';
import { installReactFlowStubs, removeReactFlowStubs } from '../test/react-flow-stubs';
import { block, branchingWorkflow, connection } from '../test/workflow-fixtures';
import { VersionsPanel } from '../versions/versions-panel';
import { BuilderChatPanel } from './builder-chat-panel';

afterEach(() => vi.unstubAllGlobals());

const agent: Agent = {
  id: 'agent-1', name: 'New agent', description: '', status: 'draft', settings: {}, hasWorkflow: false, blockCount: 0, workflowVersion: 1,
  createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-01T09:00:00.000Z',
};
const emptyWorkflow: Workflow = { blocks: [], connections: [], variables: [] };

/** start → search the web → post to Discord: what the generator "makes". */
function newsWorkflow(): Workflow {
  return {
    blocks: [
      block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'text' }, { name: 'Start' }),
      block('search', 'llm_inference', { systemPrompt: 'Find the news.', userPrompt: '{{input}}', enabledTools: ['search_web'] }, { name: 'Search news' }),
      block('post', 'llm_inference', { systemPrompt: 'Post the digest.', userPrompt: '{{search.response}}', enabledTools: ['send_discord_message'] }, { name: 'Post to Discord' }),
    ],
    connections: [connection('c1', 'start', 'search'), connection('c2', 'search', 'post')],
    variables: [],
  };
}

const selection: SelectToolsResponse = {
  selectedTools: [
    { toolId: 'search_web', name: 'Web search', category: 'search_web', reason: 'To find today’s AI news' },
    { toolId: 'send_discord_message', name: 'Discord message', category: 'messaging', reason: 'To post the digest to the channel' },
  ],
  reasoning: 'News needs a search and Discord needs its tool.',
};

function generation(overrides: Partial<GenerationResult> = {}): GenerationResult {
  return {
    workflow: newsWorkflow() as unknown as GenerationResult['workflow'],
    explanation: 'Searches the web for AI news, then posts a digest to Discord.',
    action: 'create',
    version: 2,
    repairs: [],
    setupRequired: [],
    ...overrides,
  };
}

/** A response the test hands out when it chooses, to see what the panel shows while it waits. */
function deferred() {
  let resolve!: (response: Response) => void;
  const promise = new Promise<Response>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const capabilities = { tools: true, vision: false, streaming: true, reasoning: false, structuredOutput: true };
const models = [
  { id: 'model-fast', name: 'fast', displayName: 'Fast model', providerId: 'p1', providerName: 'Local', capabilities, tier: 1, contextLength: 8192, isOwn: false },
  { id: 'model-smart', name: 'smart', displayName: 'Smart model', providerId: 'p1', providerName: 'Local', capabilities, tier: 2, contextLength: 8192, isOwn: false },
];

interface FakeBuilderApi {
  selectTools?: (request: RecordedRequest) => Response | Promise<Response>;
  generate?: (request: RecordedRequest) => Response | Promise<Response>;
  ask?: (request: RecordedRequest) => Response | Promise<Response>;
  history?: BuilderConversationMessage[];
  versions?: { version: number; description: string; blockCount: number; createdAt: string }[];
}

/** The builder routes of the server, faked at the fetch level; appended messages get ids msg-1, msg-2… */
function startFakeBuilderApi({ selectTools, generate, ask, history = [], versions = [] }: FakeBuilderApi = {}) {
  let appended = 0;
  const api = createFakeFetch({
    'GET /api/agents/agent-1/conversations/current': () =>
      jsonResponse({ conversation: { id: 'conv-1', agentId: 'agent-1', messages: history, createdAt: agent.createdAt, updatedAt: agent.updatedAt } }),
    'POST /api/agents/agent-1/conversations/:conversationId/messages': (request) => {
      appended += 1;
      return jsonResponse({ message: { id: `msg-${appended}`, createdAt: '2026-03-02T10:00:00.000Z', ...(request.body as object) } }, 201);
    },
    'POST /api/agents/agent-1/select-tools': selectTools ?? (() => jsonResponse(selection)),
    'POST /api/agents/agent-1/generate-with-tools': generate ?? (() => jsonResponse(generation())),
    'POST /api/agents/agent-1/ask': ask ?? (() => jsonResponse({ answer: 'It has no blocks yet.' })),
    'GET /api/models': () => jsonResponse({ models }),
    'GET /api/agents/agent-1/workflow/versions': () => jsonResponse({ versions }),
    'POST /api/agents/agent-1/conversations': () =>
      jsonResponse({ conversation: { id: 'conv-2', agentId: 'agent-1', messages: [], createdAt: '2026-03-03T08:00:00.000Z', updatedAt: '2026-03-03T08:00:00.000Z' } }, 201),
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

function renderPanel(workflow: Workflow = emptyWorkflow) {
  const editor = createEditorStore(workflow);
  const view = renderWithProviders(
    <EditorStoreProvider workflow={workflow} store={editor}>
      <ReactFlowProvider>
        <BuilderChatPanel agent={agent} />
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
  return { ...view, editor };
}

const messageBox = () => screen.getByRole('textbox', { name: /Describe the agent or a change|Ask about this agent/ });
const steps = () => within(screen.getByRole('list', { name: 'Generation steps' })).getAllByRole('listitem').filter((item) => item.hasAttribute('data-state'));
const stepSummary = () => steps().map((step) => `${step.getAttribute('data-state')}: ${step.querySelector('p')?.textContent}`);

describe('BuilderChatPanel', () => {
  it('shows the two steps in order, puts the generated workflow on the canvas as saved, and records the exchange', async () => {
    const toolsAnswer = deferred();
    const workflowAnswer = deferred();
    const api = startFakeBuilderApi({ selectTools: () => toolsAnswer.promise, generate: () => workflowAnswer.promise });
    const { editor } = renderPanel();
    const user = userEvent.setup();

    // The empty chat offers examples; one fills the message box.
    const examples = await screen.findByRole('list', { name: 'Example prompts' });
    expect(within(examples).getAllByRole('button')).toHaveLength(3);
    await user.click(within(examples).getAllByRole('button')[0]!);
    expect((messageBox() as HTMLTextAreaElement).value).toMatch(/^Every morning, search the web/);

    await user.clear(messageBox());
    await user.type(messageBox(), 'Post AI news to Discord every morning{Enter}');
    expect(screen.getByText('Post AI news to Discord every morning')).toBeTruthy();
    expect((messageBox() as HTMLTextAreaElement).value).toBe('');
    await waitFor(() => expect(stepSummary()).toEqual(['running: Choosing tools…', 'waiting: Generate the workflow']));
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true);

    await act(async () => toolsAnswer.resolve(jsonResponse(selection)));
    await waitFor(() => expect(stepSummary()).toEqual(['done: Chose 2 tools', 'running: Generating the workflow…']));
    const chosen = within(screen.getByRole('list', { name: 'Chosen tools' })).getAllByRole('listitem');
    expect(chosen.map((item) => item.textContent)).toEqual(['Web searchsearch webTo find today’s AI news', 'Discord messagemessagingTo post the digest to the channel']);
    expect(editor.getState().workflow.blocks).toEqual([]);

    await act(async () => workflowAnswer.resolve(jsonResponse(generation())));
    await waitFor(() => expect(stepSummary()).toEqual(['done: Chose 2 tools', 'done: Workflow created · saved as version 2']));
    expect(screen.getByText('Searches the web for AI news, then posts a digest to Discord.')).toBeTruthy();
    // On the canvas, saved (the server saved it as version 2).
    expect(editor.getState().workflow.blocks.map((item) => item.name)).toEqual(['Start', 'Search news', 'Post to Discord']);
    expect(editor.getState().isDirty).toBe(false);

    // Step 2 got the tools of step 1; an empty canvas is a creation (no current workflow).
    expect(api.requestsTo('POST /api/agents/agent-1/select-tools')[0]!.body).toEqual({ message: 'Post AI news to Discord every morning' });
    expect(api.requestsTo('POST /api/agents/agent-1/generate-with-tools')[0]!.body).toEqual({
      message: 'Post AI news to Discord every morning',
      selectedToolIds: ['search_web', 'send_discord_message'],
      conversationId: 'conv-1',
    });
    await waitFor(() => expect(api.requestsTo('POST /api/agents/agent-1/conversations/conv-1/messages')).toHaveLength(2));
    expect(api.requestsTo('POST /api/agents/agent-1/conversations/conv-1/messages').map((request) => request.body)).toEqual([
      { role: 'user', content: 'Post AI news to Discord every morning' },
      {
        role: 'assistant',
        content: 'Searches the web for AI news, then posts a digest to Discord.',
        workflowSnapshot: { version: 2, action: 'create', explanation: 'Searches the web for AI news, then posts a digest to Discord.' },
      },
    ]);
    // Recorded messages are not shown a second time from the stored conversation.
    expect(screen.getAllByText('Post AI news to Discord every morning')).toHaveLength(1);
  });

  it('asks for a change with the canvas as it is, unsaved edits included, and says so', async () => {
    const api = startFakeBuilderApi({ generate: () => jsonResponse(generation({ action: 'modify', version: 5, workflow: newsWorkflow() as unknown as GenerationResult['workflow'] })) });
    const { editor } = renderPanel(branchingWorkflow());
    await screen.findByRole('list', { name: 'Example prompts' });
    expect(screen.queryByRole('note')).toBeNull();

    act(() => editor.getState().updateConfig('happy', { value: 'edited' }));
    expect(screen.getByRole('note').textContent).toContain('You have unsaved edits');
    const edited = editor.getState().workflow;

    const user = userEvent.setup();
    // The model picker offers the default (the first model) and each model; the chosen one goes with both steps.
    const picker = await screen.findByRole('combobox', { name: 'Model' });
    expect(within(picker).getAllByRole('option').map((option) => option.textContent)).toEqual(['Fast model (default)', 'Fast model · Local', 'Smart model · Local']);
    await user.selectOptions(picker, 'model-smart');
    await user.type(messageBox(), 'add a Slack message at the end{Enter}');
    await waitFor(() => expect(stepSummary()[1]).toBe('done: Workflow changed · saved as version 5'));

    const sent = { blocks: edited.blocks, connections: edited.connections, variables: edited.variables };
    expect(api.requestsTo('POST /api/agents/agent-1/select-tools')[0]!.body).toEqual({ message: 'add a Slack message at the end', currentWorkflow: sent, modelId: 'model-smart' });
    expect(api.requestsTo('POST /api/agents/agent-1/generate-with-tools')[0]!.body).toMatchObject({ currentWorkflow: sent, modelId: 'model-smart', conversationId: 'conv-1' });
    expect(screen.getByText('Your unsaved edits were included and saved with this version.')).toBeTruthy();
    expect(editor.getState().isDirty).toBe(false);
    expect(screen.queryByRole('note')).toBeNull();
    // The change is one undo step: the edited canvas comes back.
    act(() => editor.getState().undo());
    expect(editor.getState().workflow).toEqual(edited);
  });

  it('shows a 422 as a sentence naming the problems, changes nothing, and retries', async () => {
    let attempts = 0;
    const problems = [{ blockId: 'post', message: 'Block "Post to Discord" points at {{missing.response}}, which does not exist.' }, { message: 'The workflow has no start block' }];
    const api = startFakeBuilderApi({
      generate: () => {
        attempts += 1;
        return attempts === 1 ? errorResponse(422, 'generation_failed', 'The generated workflow is not valid', { details: { problems } }) : jsonResponse(generation());
      },
    });
    const { editor } = renderPanel();
    await screen.findByRole('list', { name: 'Example prompts' });
    const user = userEvent.setup();
    await user.type(messageBox(), 'Post AI news to Discord{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe(
      'The builder could not make a valid workflow: block "Post to Discord" points at {{missing.response}}, which does not exist; the workflow has no start block. Nothing was changed.',
    );
    expect(stepSummary()).toEqual(['done: Chose 2 tools', 'failed: Generating the workflow failed']);
    expect(editor.getState().workflow.blocks).toEqual([]);
    expect(api.requestsTo('POST /api/agents/agent-1/conversations/conv-1/messages')).toHaveLength(0);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(stepSummary()[1]).toBe('done: Workflow created · saved as version 2'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.requestsTo('POST /api/agents/agent-1/select-tools')).toHaveLength(2);
    expect(editor.getState().workflow.blocks).toHaveLength(3);
  });

  it('names the integrations that need a credential, with a link to add it, and shows repairs discreetly', async () => {
    startFakeBuilderApi({
      selectTools: () => jsonResponse({ ...selection, repairs: ['Dropped the unknown tool "discord_post"'] }),
      generate: () =>
        jsonResponse(
          generation({
            repairs: ['Laid the blocks out'],
            setupRequired: [
              { toolId: 'send_discord_message', integrationId: 'discord', integrationName: 'Discord' },
              { toolId: 'send_discord_embed', integrationId: 'discord', integrationName: 'Discord' },
              { toolId: 'create_notion_page', integrationId: 'notion', integrationName: 'Notion' },
            ],
          }),
        ),
    });
    renderPanel();
    await screen.findByRole('list', { name: 'Example prompts' });
    const user = userEvent.setup();
    await user.type(messageBox(), 'Post AI news to Discord and Notion{Enter}');

    const setup = await screen.findByRole('region', { name: 'Setup required' });
    expect(within(setup).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Discordsend_discord_message, send_discord_embedAdd credential',
      'Notioncreate_notion_pageAdd credential',
    ]);
    expect(within(setup).getByRole('link', { name: 'Add a Discord credential' }).getAttribute('href')).toBe('/credentials');
    expect(within(setup).getByRole('link', { name: 'Add a Notion credential' }).getAttribute('href')).toBe('/credentials');

    expect(screen.getByText('2 automatic fixes')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Automatic fixes', hidden: true })).getAllByRole('listitem', { hidden: true }).map((item) => item.textContent)).toEqual([
      'Dropped the unknown tool "discord_post"',
      'Laid the blocks out',
    ]);
  });

  it('answers questions in Ask mode without touching the workflow', async () => {
    const api = startFakeBuilderApi({ ask: () => jsonResponse({ answer: 'It branches on the score:\nhappy above 5, sad otherwise.' }) });
    const { editor } = renderPanel(branchingWorkflow());
    await screen.findByRole('list', { name: 'Example prompts' });
    const user = userEvent.setup();

    // The mode is a radio group: one tab stop, arrow keys switch.
    await user.click(screen.getByRole('radio', { name: 'Builder' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Ask' }).getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Ask' }));
    expect(screen.getByRole('radio', { name: 'Builder' }).tabIndex).toBe(-1);
    expect(screen.getByText('Ask about this agent; nothing changes.')).toBeTruthy();
    // Shift+Enter is a new line, not a send.
    await user.type(messageBox(), 'What does it do?{Shift>}{Enter}{/Shift}Briefly.');
    expect(api.requestsTo('POST /api/agents/agent-1/ask')).toHaveLength(0);
    await user.keyboard('{Enter}');

    const answer = await screen.findByRole('group', { name: 'Answer' });
    await waitFor(() => expect(answer.textContent).toContain('It branches on the score:\nhappy above 5, sad otherwise.'));
    expect(api.requestsTo('POST /api/agents/agent-1/ask')[0]!.body).toEqual({ message: 'What does it do?\nBriefly.', conversationId: 'conv-1' });
    expect(api.requestsTo('POST /api/agents/agent-1/select-tools')).toHaveLength(0);
    expect(api.requestsTo('POST /api/agents/agent-1/generate-with-tools')).toHaveLength(0);
    expect(editor.getState().workflow).toEqual(branchingWorkflow());
    expect(editor.getState().past).toHaveLength(0);
    await waitFor(() => expect(api.requestsTo('POST /api/agents/agent-1/conversations/conv-1/messages').map((request) => request.body)).toEqual([
      { role: 'user', content: 'What does it do?\nBriefly.' },
      { role: 'assistant', content: 'It branches on the score:\nhappy above 5, sad otherwise.' },
    ]));
  });

  it('loads the stored conversation, with the versions the builder saved', async () => {
    startFakeBuilderApi({
      history: [
        { id: 'm1', role: 'user', content: 'Make a news digest', createdAt: agent.createdAt },
        { id: 'm2', role: 'assistant', content: 'Created a digest that searches and summarises.', createdAt: agent.createdAt, workflowSnapshot: { version: 2, action: 'create', explanation: 'Created a digest.' } },
      ],
    });
    renderPanel();
    expect(await screen.findByText('Make a news digest')).toBeTruthy();
    const answer = screen.getByRole('group', { name: 'Builder answer' });
    expect(answer.textContent).toBe('Created · version 2View version 2Created a digest that searches and summarises.');
    expect(screen.queryByRole('list', { name: 'Example prompts' })).toBeNull();
  });

  it('starts a new conversation: the chat is empty again and the next exchange goes to it', async () => {
    const api = startFakeBuilderApi({
      history: [{ id: 'm1', role: 'user', content: 'Make a news digest', createdAt: agent.createdAt }],
      ask: () => jsonResponse({ answer: 'A fresh answer.' }),
    });
    renderPanel();
    await screen.findByText('Make a news digest');
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: 'Ask' }));
    await user.type(messageBox(), 'First question{Enter}');
    await screen.findByText('A fresh answer.');

    await user.click(screen.getByRole('button', { name: 'New conversation' }));
    await screen.findByRole('list', { name: 'Example prompts' });
    expect(screen.queryByText('Make a news digest')).toBeNull();
    expect(screen.queryByText('A fresh answer.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'New conversation' })).toBeNull();

    await user.type(messageBox(), 'Second question{Enter}');
    await waitFor(() => expect(api.requestsTo('POST /api/agents/agent-1/conversations/conv-2/messages')).toHaveLength(2));
    expect(api.requestsTo('POST /api/agents/agent-1/ask').at(-1)!.body).toEqual({ message: 'Second question', conversationId: 'conv-2' });
  });

  it('keeps generating while another tab is open, and shows the result when the chat comes back', async () => {
    const workflowAnswer = deferred();
    startFakeBuilderApi({ generate: () => workflowAnswer.promise });
    const editor = createEditorStore(emptyWorkflow);
    /** The side panel's tabs, reduced to the chat and another one (switching unmounts the chat, as there). */
    function Tabs() {
      const [isChatOpen, setChatOpen] = useState(true);
      return (
        <EditorStoreProvider workflow={emptyWorkflow} store={editor}>
          <ReactFlowProvider>
            <button type="button" onClick={() => setChatOpen(!isChatOpen)}>
              Switch tab
            </button>
            {isChatOpen ? <BuilderChatPanel agent={agent} /> : <p>Another tab</p>}
          </ReactFlowProvider>
        </EditorStoreProvider>
      );
    }
    renderWithProviders(<Tabs />);
    await screen.findByRole('list', { name: 'Example prompts' });
    const user = userEvent.setup();
    await user.type(messageBox(), 'Post AI news to Discord{Enter}');
    await waitFor(() => expect(stepSummary()[1]).toBe('running: Generating the workflow…'));

    await user.click(screen.getByRole('button', { name: 'Switch tab' }));
    expect(screen.queryByRole('region', { name: 'Builder chat' })).toBeNull();
    await act(async () => workflowAnswer.resolve(jsonResponse(generation())));
    await waitFor(() => expect(editor.getState().workflow.blocks).toHaveLength(3));

    await user.click(screen.getByRole('button', { name: 'Switch tab' }));
    expect(stepSummary()).toEqual(['done: Chose 2 tools', 'done: Workflow created · saved as version 2']);
    expect(screen.getAllByText('Post AI news to Discord')).toHaveLength(1);
  });

  it('says when a step fails for another reason, in words, and keeps the canvas', async () => {
    startFakeBuilderApi({ selectTools: () => errorResponse(502, 'upstream_unavailable', 'provider timed out') });
    const { editor } = renderPanel(branchingWorkflow());
    await screen.findByRole('list', { name: 'Example prompts' });
    const user = userEvent.setup();
    await user.type(messageBox(), 'add a Slack message at the end{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe('A service ClaraVerse depends on is not answering. Try again shortly.');
    expect(stepSummary()).toEqual(['failed: Choosing tools failed', 'waiting: Generate the workflow']);
    expect(editor.getState().workflow).toEqual(branchingWorkflow());
  });
});

describe('BuilderChatPanel in the editor', () => {
  beforeAll(installReactFlowStubs);
  afterAll(removeReactFlowStubs);

  it('opens the Versions tab from each AI change, where the version it saved is listed', async () => {
    startFakeBuilderApi({
      history: [
        { id: 'm1', role: 'user', content: 'Make a news digest', createdAt: agent.createdAt },
        { id: 'm2', role: 'assistant', content: 'Created a digest.', createdAt: agent.createdAt, workflowSnapshot: { version: 2, action: 'create', explanation: 'Created a digest.' } },
      ],
      versions: [
        { version: 3, description: 'Builder: add a Slack message', blockCount: 3, createdAt: '2026-03-02T11:00:00.000Z' },
        { version: 2, description: 'Builder: news digest', blockCount: 3, createdAt: '2026-03-02T10:00:00.000Z' },
      ],
      generate: () => jsonResponse(generation({ action: 'modify', version: 3 })),
    });
    const store = createEditorStore(newsWorkflow());
    renderWithProviders(
      <div style={{ width: 1280, height: 800 }}>
        <AgentEditor
          workflow={newsWorkflow()}
          store={store}
          onSave={() => undefined}
          initialPanel="build"
          panels={[
            { id: 'build', label: 'Build', icon: Sparkles, render: () => <BuilderChatPanel agent={agent} /> },
            { id: 'versions', label: 'Versions', icon: GitBranch, render: () => <VersionsPanel agent={agent} /> },
          ]}
        />
      </div>,
    );
    const user = userEvent.setup();
    const versionsTab = () => screen.getByRole('tab', { name: 'Versions' });

    // The stored answer's version.
    await screen.findByText('Make a news digest');
    await user.click(within(screen.getByRole('group', { name: 'Builder answer' })).getByRole('button', { name: 'View version 2' }));
    expect(versionsTab().getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('region', { name: 'Builder chat' })).toBeNull();
    expect(await screen.findByRole('listitem', { name: 'Version 2' })).toBeTruthy();

    // This session's change: its button appears once the version is saved.
    await user.click(screen.getByRole('tab', { name: 'Build' }));
    await user.type(messageBox(), 'add a Slack message at the end{Enter}');
    await waitFor(() => expect(stepSummary()[1]).toBe('done: Workflow changed · saved as version 3'));
    const answers = screen.getAllByRole('group', { name: 'Builder answer' });
    expect(answers).toHaveLength(2);
    await user.click(within(answers[1]!).getByRole('button', { name: 'View version 3' }));
    expect(versionsTab().getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('listitem', { name: 'Version 3' })).toBeTruthy();
  });
});
