import type { Agent, BuilderConversationMessage } from '@claraverse/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useReactFlow } from '@xyflow/react';
import { GitBranch, MessageCircleQuestion, MessageSquarePlus, Sparkles } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../../components/ui/button';
import { LoadingState, Spinner } from '../../../components/ui/spinner';
import { classNames } from '../../../lib/class-names';
import { describeError } from '../../../lib/error-messages';
import { useCurrentBuilderConversation } from '../api/builder-conversation';
import { useStartBuilderConversation } from '../api/start-builder-conversation';
import { fitViewOptions } from '../components/editor-canvas';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { BuilderChatComposer } from './builder-chat-composer';
import { BuilderModelSelect } from './builder-model-select';
import { builderChatStoreFor, type BuilderChatState } from './builder-chat-store';
import { isTurnRunning, type BuilderMode, type BuilderTurn } from './builder-turn';
import { GenerationTurnView, TurnFailureView } from './generation-turn-view';
import { ViewVersionButton } from './view-version-button';

const modes: readonly { value: BuilderMode; label: string; description: string }[] = [
  { value: 'builder', label: 'Builder', description: 'Describe the agent or a change; the builder edits the canvas and saves a version.' },
  { value: 'ask', label: 'Ask', description: 'Ask about this agent; nothing changes.' },
];

/** Example prompts of the empty chat, per mode: a click puts one in the message box. */
const examplePrompts: Record<BuilderMode, readonly string[]> = {
  builder: [
    'Every morning, search the web for AI news and post a five-point digest to Discord',
    'Summarise the text I give it into a title and three bullet points',
    'Read a CSV of sales, find the five best-selling products and explain the trend',
  ],
  ask: ['What does this agent do, step by step?', 'Which tools does it use, and do they need credentials?', 'How do I call this agent from my own code?'],
};

/** Builder | Ask as a radio group: one tab stop, arrow keys move the choice (the ARIA radio group pattern). */
function ModeSwitch({ mode, onChange }: { mode: BuilderMode; onChange: (mode: BuilderMode) => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = modes.findIndex((candidate) => candidate.value === mode);
    const next = modes[(index + step + modes.length) % modes.length]!;
    onChange(next.value);
    event.currentTarget.querySelector<HTMLButtonElement>(`[data-mode="${next.value}"]`)?.focus();
  };
  return (
    <div role="radiogroup" aria-label="Chat mode" onKeyDown={onKeyDown} className="inline-flex shrink-0 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
      {modes.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          role="radio"
          data-mode={value}
          aria-checked={mode === value}
          tabIndex={mode === value ? 0 : -1}
          onClick={() => onChange(value)}
          className={classNames(
            'inline-flex items-center gap-1.5 rounded-md px-3 py-1 text-xs font-medium transition-colors',
            mode === value
              ? 'bg-white text-violet-700 shadow-sm dark:bg-zinc-950 dark:text-violet-300'
              : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
          )}
        >
          {value === 'builder' ? <Sparkles aria-hidden="true" className="size-3.5" /> : <MessageCircleQuestion aria-hidden="true" className="size-3.5" />}
          {label}
        </button>
      ))}
    </div>
  );
}

function UserBubble({ children }: { children: ReactNode }) {
  return (
    <div className="flex justify-end">
      <p className="max-w-[85%] rounded-2xl rounded-br-md bg-violet-700 px-3 py-2 text-sm break-words whitespace-pre-wrap text-white dark:bg-violet-600">{children}</p>
    </div>
  );
}

function AssistantBlock({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div aria-label={label} role="group" className="rounded-2xl rounded-bl-md border border-zinc-200 bg-zinc-50 px-3 py-2.5 dark:border-zinc-800 dark:bg-zinc-950/60">
      {children}
    </div>
  );
}

/** The version an earlier builder answer saved, and a way to it in the Versions tab. */
function VersionChip({ version, action }: { version: number; action: 'create' | 'modify' }) {
  return (
    <div className="mb-1 flex items-center justify-between gap-2">
      <p className="inline-flex items-center gap-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">
        <GitBranch aria-hidden="true" className="size-3.5" />
        {action === 'create' ? 'Created' : 'Changed'} · version {version}
      </p>
      <ViewVersionButton version={version} className="-my-1 -mr-2" />
    </div>
  );
}

/** A message of the stored conversation (an earlier session). */
function StoredMessage({ message }: { message: BuilderConversationMessage }) {
  if (message.role === 'user') return <UserBubble>{message.content}</UserBubble>;
  return (
    <AssistantBlock label={message.workflowSnapshot ? 'Builder answer' : 'Answer'}>
      {message.workflowSnapshot ? <VersionChip version={message.workflowSnapshot.version} action={message.workflowSnapshot.action} /> : null}
      <p className="text-sm leading-relaxed break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{message.content}</p>
    </AssistantBlock>
  );
}

function TurnView({ turn, canRetry, onRetry }: { turn: BuilderTurn; canRetry: boolean; onRetry: () => void }) {
  return (
    <>
      <UserBubble>{turn.message}</UserBubble>
      {turn.kind === 'generation' ? (
        <AssistantBlock label="Builder answer">
          <GenerationTurnView turn={turn} onRetry={onRetry} canRetry={canRetry} />
        </AssistantBlock>
      ) : (
        <AssistantBlock label="Answer">
          {turn.status === 'pending' ? (
            <p className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
              <Spinner /> Thinking…
            </p>
          ) : null}
          {turn.answer !== undefined ? <p className="text-sm leading-relaxed break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">{turn.answer}</p> : null}
          {turn.status === 'failed' && turn.failure ? <TurnFailureView failure={turn.failure} onRetry={onRetry} canRetry={canRetry} /> : null}
          {turn.isUnrecorded ? <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Not saved in the conversation history.</p> : null}
        </AssistantBlock>
      )}
    </>
  );
}

function EmptyChat({ mode, onPick }: { mode: BuilderMode; onPick: (prompt: string) => void }) {
  return (
    <div className="flex flex-col items-center px-2 py-6 text-center">
      <div className="mb-3 flex size-10 items-center justify-center rounded-full bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300">
        {mode === 'builder' ? <Sparkles aria-hidden="true" className="size-5" /> : <MessageCircleQuestion aria-hidden="true" className="size-5" />}
      </div>
      <p className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">{mode === 'builder' ? 'Build this agent with words' : 'Ask about this agent'}</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {mode === 'builder' ? 'Say what it should do; the builder picks the tools and draws the workflow.' : 'Questions are answered from its workflow; nothing changes.'}
      </p>
      <ul aria-label="Example prompts" className="mt-4 flex w-full flex-col gap-2">
        {examplePrompts[mode].map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              onClick={() => onPick(prompt)}
              className="w-full rounded-lg border border-zinc-200 bg-white px-3 py-2 text-left text-sm text-zinc-700 transition-colors hover:border-violet-300 hover:bg-violet-50 hover:text-violet-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:border-violet-800 dark:hover:bg-violet-950/60 dark:hover:text-violet-100"
            >
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface ChatHeaderProps {
  agentId: string;
  mode: BuilderMode;
  modelId: string | undefined;
  /** The chat has messages: it can start over with a new conversation (not while a turn runs). */
  showStartOver: boolean;
  canStartOver: boolean;
  actions: Pick<BuilderChatState, 'setMode' | 'setModelId' | 'clearTurns'>;
}

/** Mode, model, what the mode does, and "New conversation". */
function ChatHeader({ agentId, mode, modelId, showStartOver, canStartOver, actions }: ChatHeaderProps) {
  const startConversation = useStartBuilderConversation(agentId);
  return (
    <header className="flex flex-col gap-1.5 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="flex items-center justify-between gap-3">
        <ModeSwitch mode={mode} onChange={actions.setMode} />
        <BuilderModelSelect value={modelId} onChange={actions.setModelId} />
      </div>
      <div className="flex items-start justify-between gap-3">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{modes.find((candidate) => candidate.value === mode)?.description}</p>
        {showStartOver ? (
          <Button
            variant="ghost"
            size="small"
            className="-my-1 -mr-2"
            icon={<MessageSquarePlus aria-hidden="true" className="size-3.5" />}
            isLoading={startConversation.isPending}
            disabled={!canStartOver}
            onClick={() => startConversation.mutate(undefined, { onSuccess: () => actions.clearTurns() })}
          >
            New conversation
          </Button>
        ) : null}
      </div>
      {startConversation.isError ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          A new conversation could not be started: {describeError(startConversation.error)}
        </p>
      ) : null}
    </header>
  );
}

function useBuilderChat<T>(agentId: string, selector: (state: BuilderChatState) => T): [T, BuilderChatState] {
  const editor = useEditorStoreApi();
  const queryClient = useQueryClient();
  const { fitView } = useReactFlow();
  const [store] = useState(() => builderChatStoreFor({ agentId, editor, queryClient, frameWorkflow: () => void fitView({ ...fitViewOptions, duration: 200 }) }));
  return [useStore(store, selector), store.getState()];
}

/**
 * The Build tab: a chat that builds the agent from words (Builder mode: the two-step generator, its result on the
 * canvas, saved as a version) or answers questions about it (Ask mode). The conversation is stored per agent and
 * loaded on open; a generation keeps running while another tab is open.
 */
export function BuilderChatPanel({ agent }: { agent: Agent }) {
  const [{ mode, draft, modelId, turns, recordedMessageIds }, actions] = useBuilderChat(agent.id, (state) => state);
  const conversation = useCurrentBuilderConversation(agent.id);
  const hasWorkflow = useEditorStore((state) => state.workflow.blocks.length > 0);
  const isDirty = useEditorStore((state) => state.isDirty);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const history = (conversation.data?.messages ?? []).filter((message) => !recordedMessageIds.has(message.id));
  const isRunning = turns.some(isTurnRunning);
  const isEmpty = history.length === 0 && turns.length === 0;

  // Follow the conversation as it grows (new turns, steps, answers).
  useEffect(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [turns, history.length]);

  const pick = (prompt: string) => {
    actions.setDraft(prompt);
    textareaRef.current?.focus();
  };

  return (
    <section aria-label="Builder chat" className="flex h-full min-h-0 flex-col">
      <ChatHeader agentId={agent.id} mode={mode} modelId={modelId} canStartOver={!isEmpty && !isRunning} showStartOver={!isEmpty} actions={actions} />

      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-4 py-3">
        {conversation.isPending ? <LoadingState label="Loading the conversation…" /> : null}
        {conversation.isError ? (
          <div role="alert" className="mb-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
            <p>The conversation could not be loaded: {describeError(conversation.error)} New messages will not be kept.</p>
            <Button className="mt-2" variant="secondary" size="small" onClick={() => void conversation.refetch()}>
              Try again
            </Button>
          </div>
        ) : null}
        {!conversation.isPending && isEmpty ? <EmptyChat mode={mode} onPick={pick} /> : null}
        <div aria-label="Messages" role="log" className="flex flex-col gap-3">
          {history.map((message) => (
            <StoredMessage key={message.id} message={message} />
          ))}
          {turns.map((turn) => (
            <TurnView key={turn.id} turn={turn} canRetry={!isRunning} onRetry={() => actions.retry(turn.id)} />
          ))}
        </div>
      </div>

      <footer className="flex flex-col gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        {mode === 'builder' && isDirty && hasWorkflow && !isRunning ? (
          <p role="note" className="rounded-md bg-sky-50 px-2.5 py-1.5 text-xs text-sky-900 dark:bg-sky-950/60 dark:text-sky-200">
            You have unsaved edits. The builder changes the canvas as it is now, edits included, and saves the result.
          </p>
        ) : null}
        <BuilderChatComposer
          mode={mode}
          draft={draft}
          onDraftChange={actions.setDraft}
          onSend={actions.send}
          isBusy={isRunning || conversation.isPending}
          hasWorkflow={hasWorkflow}
          textareaRef={textareaRef}
        />
      </footer>
    </section>
  );
}
