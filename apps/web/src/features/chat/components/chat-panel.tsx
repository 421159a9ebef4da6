import type { UserModel } from '@claraverse/shared';
import { FileJson, FileText, MessageSquare, ScrollText, Server } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { EmptyState } from '../../../components/ui/empty-state';
import { LoadingState } from '../../../components/ui/spinner';
import { describeError } from '../../../lib/error-messages';
import { useSessionStore } from '../../../stores/session-store';
import { useModels } from '../api/list-models';
import { setDefaultModelId, useDefaultModelId } from '../hooks/use-default-model';
import { useConversationView } from '../hooks/use-conversation-view';
import type { Conversation, MessageAttachment } from '../lib/chat-types';
import { sendUserMessage, setConversationToolsDisabled, stopReply } from '../stores/chat-actions';
import { openConversation } from '../stores/conversation-loading';
import { downloadConversation, setConversationModel, setConversationSystemPrompt } from '../stores/conversation-actions';
import { CompactionProgress } from './compaction-progress';
import { Composer } from './composer';
import { ConnectionBanner } from './connection-banner';
import { MessageList } from './message-list';
import { ModelPicker } from './model-picker';
import { SystemInstructionsDialog } from './system-instructions-dialog';

interface ChatPanelProps {
  conversationId: string | null;
  onConversationCreated: (conversationId: string) => void;
}

/** The model of a chat: its own if still offered, else the remembered default, else the first one. */
function chooseModelId(models: readonly UserModel[], preferred: Array<string | null | undefined>): string | null {
  for (const candidate of preferred) if (candidate && models.some((model) => model.id === candidate)) return candidate;
  return models[0]?.id ?? null;
}

const iconButtonClasses =
  'rounded-md p-2 text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50';

function NoModelsState() {
  const isAdmin = useSessionStore((state) => state.user?.role === 'admin');
  return (
    <EmptyState
      icon={<Server aria-hidden="true" className="size-6" />}
      title="No models yet"
      description="No models yet — an admin adds a provider in Admin → Providers. You can also add your own provider in Settings → Your providers."
      action={
        isAdmin ? (
          <Link to="/admin/providers" className="text-sm font-medium text-violet-700 hover:underline dark:text-violet-400">
            Go to Admin → Providers
          </Link>
        ) : null
      }
    />
  );
}

/** Whether tools are off for the chat, and the toggle: stored on the conversation, remembered for a new chat until it exists. */
function useToolsToggle(conversation: Conversation | undefined): [boolean, () => void] {
  const [isNewChatToolsDisabled, setIsNewChatToolsDisabled] = useState(false);
  const isToolsDisabled = conversation ? conversation.isToolsDisabled === true : isNewChatToolsDisabled;
  const toggle = () => {
    if (conversation) setConversationToolsDisabled(conversation.id, !isToolsDisabled);
    else setIsNewChatToolsDisabled(!isToolsDisabled);
  };
  return [isToolsDisabled, toggle];
}

/** One conversation (or a new one): header with model and instructions, the messages, the composer. */
export function ChatPanel({ conversationId, onConversationCreated }: ChatPanelProps) {
  const modelsQuery = useModels();
  const defaultModelId = useDefaultModelId();
  const { conversation, messages, tree, path, isStreaming } = useConversationView(conversationId);
  const [newChatModelId, setNewChatModelId] = useState<string | null>(null);
  const [isInstructionsOpen, setIsInstructionsOpen] = useState(false);
  const [isToolsDisabled, handleToggleTools] = useToolsToggle(conversation);
  const models = modelsQuery.data ?? [];
  const modelId = chooseModelId(models, [conversation?.modelId, newChatModelId, defaultModelId]);

  useEffect(() => {
    if (conversationId) openConversation(conversationId).catch((error: unknown) => console.error('Could not open a chat', error));
  }, [conversationId]);

  const handleSelectModel = (selectedModelId: string) => {
    setDefaultModelId(selectedModelId);
    if (conversationId) setConversationModel(conversationId, selectedModelId);
    else setNewChatModelId(selectedModelId);
  };

  const handleSend = (content: string, attachments: MessageAttachment[]) => {
    if (!modelId) return;
    const sentConversationId = sendUserMessage(conversationId, content, modelId, { attachments, isToolsDisabled });
    if (sentConversationId !== conversationId) onConversationCreated(sentConversationId);
  };

  const disabledReason = modelsQuery.isPending ? 'Loading models…' : !modelId ? 'Add a model to start chatting' : null;
  let body;
  if (modelsQuery.isError) body = <Alert tone="error" className="m-4">{describeError(modelsQuery.error)}</Alert>;
  else if (modelsQuery.isSuccess && models.length === 0) body = <NoModelsState />;
  else if (conversationId && !conversation) body = <EmptyState title="This chat does not exist" description="It may have been deleted, or it belongs to another browser." />;
  else if (conversationId && !messages) body = <LoadingState label="Opening the chat…" />;
  else if (path.length === 0) {
    body = <EmptyState icon={<MessageSquare aria-hidden="true" className="size-6" />} title="Start a conversation" description="Your chats stay in this browser. Ask anything below." />;
  } else {
    body = <MessageList path={path} tree={tree} modelId={modelId} isStreaming={isStreaming} />;
  }

  return (
    <section aria-label="Conversation" className="flex min-h-0 min-w-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 className="min-w-0 basis-full truncate text-sm font-semibold text-zinc-900 sm:flex-1 sm:basis-0 dark:text-zinc-50">
          {conversation?.title ?? 'New chat'}
        </h2>
        {models.length > 0 ? <ModelPicker models={models} selectedModelId={modelId} onSelect={handleSelectModel} /> : null}
        {conversation ? (
          <span className="flex items-center">
            <button type="button" className={iconButtonClasses} onClick={() => setIsInstructionsOpen(true)} aria-label="Instructions for this chat" title="Instructions for this chat">
              <ScrollText aria-hidden="true" className="size-4" />
            </button>
            <button type="button" className={iconButtonClasses} onClick={() => void downloadConversation(conversation.id, 'markdown')} aria-label="Export as Markdown" title="Export as Markdown">
              <FileText aria-hidden="true" className="size-4" />
            </button>
            <button type="button" className={iconButtonClasses} onClick={() => void downloadConversation(conversation.id, 'json')} aria-label="Export as JSON" title="Export as JSON">
              <FileJson aria-hidden="true" className="size-4" />
            </button>
          </span>
        ) : null}
      </div>
      <ConnectionBanner />
      {body}
      {conversationId ? <CompactionProgress conversationId={conversationId} /> : null}
      <Composer
        isStreaming={isStreaming}
        disabledReason={disabledReason}
        isToolsEnabled={!isToolsDisabled}
        onToggleTools={handleToggleTools}
        onSend={handleSend}
        onStop={() => conversationId && stopReply(conversationId)}
      />
      {conversation && isInstructionsOpen ? (
        <SystemInstructionsDialog
          isOpen
          initialValue={conversation.systemPrompt}
          onSave={(value) => setConversationSystemPrompt(conversation.id, value)}
          onClose={() => setIsInstructionsOpen(false)}
        />
      ) : null}
    </section>
  );
}
