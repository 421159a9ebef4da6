import type { AppendBuilderMessageBody, BuilderConversation } from '@claraverse/shared';
import type { QueryClient } from '@tanstack/react-query';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { appendBuilderMessage } from '../api/append-builder-message';
import { builderQueryKeys } from '../api/builder-paths';
import type { EditorStore } from '../stores/editor-store';
import { isTurnRunning, type AskTurn, type BuilderMode, type BuilderTurn, type GenerationTurn } from './builder-turn';
import { runAsk, runGeneration, type TurnContext } from './builder-turn-runners';

export interface BuilderChatState {
  mode: BuilderMode;
  draft: string;
  /** The model chosen for the builder; undefined = the instance default. */
  modelId: string | undefined;
  /** This session's turns, oldest first (earlier sessions come from the stored conversation). */
  turns: readonly BuilderTurn[];
  /** Ids of stored messages this session's turns appended, so the history does not show them twice. */
  recordedMessageIds: ReadonlySet<string>;
  setMode(mode: BuilderMode): void;
  setModelId(modelId: string | undefined): void;
  setDraft(draft: string): void;
  /** Sends the draft in the current mode; ignored while a turn runs or when the draft is blank. */
  send(): void;
  /** Runs a failed turn again with the same words (and the editor's workflow as it is now). */
  retry(turnId: string): void;
  /** Forgets this session's turns (a new conversation started); ignored while a turn runs. */
  clearTurns(): void;
}

export type BuilderChatStore = StoreApi<BuilderChatState>;

export interface BuilderChatDeps {
  agentId: string;
  editor: EditorStore;
  queryClient: QueryClient;
  /** Frames the canvas on a workflow the builder put there (React Flow's fitView). */
  frameWorkflow?: () => void;
}

/**
 * The builder chat of one editor: its mode, draft and this session's turns, and the requests behind them. It lives
 * beside the editor store (see `builderChatStoreFor`), so a generation keeps going, and lands on the canvas, while
 * the user looks at another tab of the side panel.
 */
export function createBuilderChatStore({ agentId, editor, queryClient, frameWorkflow }: BuilderChatDeps): BuilderChatStore {
  let turnCount = 0;
  const conversationKey = builderQueryKeys.currentConversation(agentId);

  return createStore<BuilderChatState>()((set, get) => {
    const update = (turnId: string, patch: Partial<GenerationTurn> | Partial<AskTurn>): void => {
      set({ turns: get().turns.map((turn) => (turn.id === turnId ? ({ ...turn, ...patch } as BuilderTurn) : turn)) });
    };
    const conversationId = (): string | undefined => queryClient.getQueryData<BuilderConversation>(conversationKey)?.id;

    const record = async (turnId: string, messages: readonly AppendBuilderMessageBody[]): Promise<void> => {
      const id = conversationId();
      if (id === undefined) return update(turnId, { isUnrecorded: true });
      try {
        for (const body of messages) {
          const message = await appendBuilderMessage(agentId, id, body);
          set({ recordedMessageIds: new Set(get().recordedMessageIds).add(message.id) });
          queryClient.setQueryData<BuilderConversation>(conversationKey, (conversation) =>
            conversation === undefined ? conversation : { ...conversation, messages: [...conversation.messages, message], updatedAt: message.createdAt },
          );
        }
      } catch {
        update(turnId, { isUnrecorded: true });
      }
    };

    const context: TurnContext = { agentId, editor, queryClient, update, record, conversationId, modelId: () => get().modelId, frameWorkflow: frameWorkflow ?? (() => undefined) };
    const run = (turn: BuilderTurn): void => {
      void (turn.kind === 'generation' ? runGeneration(context, turn.id, turn.message) : runAsk(context, turn.id, turn.message));
    };

    return {
      mode: 'builder',
      draft: '',
      modelId: undefined,
      turns: [],
      recordedMessageIds: new Set(),
      setMode(mode) {
        set({ mode });
      },
      setModelId(modelId) {
        set({ modelId });
      },
      setDraft(draft) {
        set({ draft });
      },
      send() {
        const { draft, mode, turns } = get();
        const message = draft.trim();
        if (message === '' || turns.some(isTurnRunning)) return;
        turnCount += 1;
        const id = `turn-${turnCount}`;
        const turn: BuilderTurn =
          mode === 'builder' ? { kind: 'generation', id, message, status: 'selecting', includedUnsavedEdits: false } : { kind: 'ask', id, message, status: 'pending' };
        set({ draft: '', turns: [...turns, turn] });
        run(turn);
      },
      retry(turnId) {
        const { turns } = get();
        const turn = turns.find((candidate) => candidate.id === turnId);
        if (turn === undefined || turn.status !== 'failed' || turns.some(isTurnRunning)) return;
        run(turn);
      },
      clearTurns() {
        if (get().turns.some(isTurnRunning)) return;
        set({ turns: [], recordedMessageIds: new Set() });
      },
    };
  });
}

/** One builder chat per editor store (so per editor instance), made on first use and dropped with the editor. */
const storesByEditor = new WeakMap<EditorStore, BuilderChatStore>();

export function builderChatStoreFor(deps: BuilderChatDeps): BuilderChatStore {
  let store = storesByEditor.get(deps.editor);
  if (store === undefined) {
    store = createBuilderChatStore(deps);
    storesByEditor.set(deps.editor, store);
  }
  return store;
}
