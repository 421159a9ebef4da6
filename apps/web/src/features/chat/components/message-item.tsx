import { Check, Copy, Pencil, RotateCcw } from 'lucide-react';
import { memo, useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Spinner } from '../../../components/ui/spinner';
import type { ChatMessage, RetryType } from '../lib/chat-types';
import { buildMessageTree, versionsOf } from '../lib/message-tree';
import { useModels } from '../api/list-models';
import { messageParts } from '../lib/message-parts';
import { answerPrompt, editUserMessage, regenerateReply, switchToVersion } from '../stores/chat-actions';
import { useChatStore } from '../stores/chat-store';
import { isMessageInFlight } from '../stores/reply-reducer';
import { AskUserForm } from './ask-user-form';
import { MessageAttachments } from './attachment-chip';
import { copyText } from '../../../components/markdown/code-block';
import { LazyMarkdownContent } from '../../../components/markdown/lazy-markdown-content';
import { ReasoningBlock } from './reasoning-block';
import { RetryMenu } from './retry-menu';
import { ToolCallList } from './tool-call-list';
import { VersionNavigator } from './version-navigator';

interface MessageItemProps {
  message: ChatMessage;
  /** 1-based position among its versions, and how many there are. */
  versionNumber: number;
  versionCount: number;
  /** Model used for regenerations and edits. */
  modelId: string | null;
  /** A reply is running in this conversation: no new regeneration or edit. */
  isConversationBusy: boolean;
}

function selectVersion(message: ChatMessage, index: number) {
  const messages = useChatStore.getState().messagesByConversation[message.conversationId] ?? {};
  const target = versionsOf(buildMessageTree(Object.values(messages)), message)[index];
  if (target) switchToVersion(message.conversationId, target.id);
}

const actionButtonClasses =
  'inline-flex items-center gap-1 rounded p-1 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-40 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';

function CopyButton({ text }: { text: string }) {
  const [isCopied, setIsCopied] = useState(false);
  const handleCopy = async () => {
    if (!(await copyText(text))) return;
    setIsCopied(true);
    setTimeout(() => setIsCopied(false), 1_500);
  };
  return (
    <button type="button" className={actionButtonClasses} onClick={() => void handleCopy()} aria-label="Copy message">
      {isCopied ? <Check aria-hidden="true" className="size-3.5" /> : <Copy aria-hidden="true" className="size-3.5" />}
    </button>
  );
}

function UserMessage({ message, versionNumber, versionCount, modelId, isConversationBusy }: MessageItemProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const handleSaveEdit = () => {
    if (draft === null || !draft.trim() || !modelId) return;
    editUserMessage(message.conversationId, message.id, draft.trim(), modelId);
    setDraft(null);
  };
  if (draft !== null) {
    return (
      <div className="ml-auto flex w-full max-w-[85%] flex-col gap-2">
        <label className="sr-only" htmlFor={`edit-${message.id}`}>
          Edit your message
        </label>
        <textarea
          id={`edit-${message.id}`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          rows={Math.min(10, Math.max(2, draft.split('\n').length))}
          className="w-full rounded-lg border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <div className="flex justify-end gap-2">
          <Button size="small" variant="ghost" onClick={() => setDraft(null)}>
            Cancel
          </Button>
          <Button size="small" onClick={handleSaveEdit} disabled={!draft.trim() || !modelId || isConversationBusy}>
            Save and send
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className="group ml-auto flex max-w-[85%] flex-col items-end">
      {message.attachments?.length ? <MessageAttachments attachments={message.attachments} /> : null}
      {message.content ? (
        <div className="rounded-2xl rounded-br-md bg-violet-100 px-3.5 py-2 text-sm whitespace-pre-wrap break-words text-zinc-900 dark:bg-violet-950 dark:text-zinc-100">
          {message.content}
        </div>
      ) : null}
      <div className="mt-1 flex items-center gap-0.5">
        <VersionNavigator noun="edit" current={versionNumber} total={versionCount} onSelect={(index) => selectVersion(message, index)} />
        <CopyButton text={message.content} />
        <button
          type="button"
          className={actionButtonClasses}
          disabled={isConversationBusy}
          onClick={() => setDraft(message.content)}
          aria-label="Edit message"
        >
          <Pencil aria-hidden="true" className="size-3.5" />
        </button>
      </div>
    </div>
  );
}

/** The display name of the model that wrote a reply (its id when the model is no longer offered). */
function ModelName({ modelId }: { modelId: string }) {
  const { data: models } = useModels();
  const model = models?.find((candidate) => candidate.id === modelId || candidate.name === modelId);
  return <span className="ml-1 min-w-0 truncate text-xs text-zinc-400 dark:text-zinc-500">{model?.displayName ?? modelId}</span>;
}

function AssistantMessage({ message, versionNumber, versionCount, modelId, isConversationBusy }: MessageItemProps) {
  const isInFlight = isMessageInFlight(message);
  const handleRetry = (retryType: RetryType) => {
    const retryModelId = modelId ?? message.modelId;
    if (retryModelId) regenerateReply(message.conversationId, message.id, retryType, retryModelId);
  };
  return (
    <div className="flex max-w-full flex-col">
      {message.reasoning ? (
        <ReasoningBlock reasoning={message.reasoning} durationMilliseconds={isInFlight && !message.content ? null : message.reasoningDurationMilliseconds} />
      ) : null}
      {messageParts(message).map((part) => {
        if (part.type === 'text') return <LazyMarkdownContent key={part.key} content={part.text} />;
        if (part.type === 'tools') return <ToolCallList key={part.key} toolCalls={part.toolCalls} />;
        return (
          <AskUserForm
            key={part.key}
            prompt={part.prompt}
            isReplyActive={isInFlight}
            onAnswer={(answers) => answerPrompt(message.conversationId, message.id, part.prompt.id, { answers })}
            onSkip={() => answerPrompt(message.conversationId, message.id, part.prompt.id, { skipped: true })}
          />
        );
      })}
      {isInFlight && !message.content && !message.prompts?.some((prompt) => prompt.status === 'waiting') ? (
        <span className="inline-flex items-center gap-2 text-sm text-zinc-500 dark:text-zinc-400">
          <Spinner /> {message.status === 'sending' ? 'Waiting for the model…' : 'Writing…'}
        </span>
      ) : null}
      {message.status === 'stopped' ? <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Stopped.</p> : null}
      {message.status === 'error' ? (
        <Alert tone="error" className="mt-2">
          <span>{message.error?.message ?? 'The reply failed.'}</span>{' '}
          <Button
            size="small"
            variant="secondary"
            className="mt-2 sm:mt-0 sm:ml-2"
            icon={<RotateCcw aria-hidden="true" className="size-3.5" />}
            disabled={isConversationBusy}
            onClick={() => handleRetry('regenerate')}
          >
            Retry
          </Button>
        </Alert>
      ) : null}
      {!isInFlight ? (
        <div className="mt-1 flex flex-wrap items-center gap-0.5">
          <VersionNavigator noun="version" current={versionNumber} total={versionCount} onSelect={(index) => selectVersion(message, index)} />
          <CopyButton text={message.content} />
          <RetryMenu onRetry={handleRetry} isDisabled={isConversationBusy} />
          {message.modelId ? <ModelName modelId={message.modelId} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/** One message of the conversation; re-renders only when its own data changes. */
export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  return props.message.role === 'user' ? <UserMessage {...props} /> : <AssistantMessage {...props} />;
});
