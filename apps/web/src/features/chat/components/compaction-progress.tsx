import { useChatStore } from '../stores/chat-store';

/** Shown while the server summarises older messages to fit the model's context. */
export function CompactionProgress({ conversationId }: { conversationId: string }) {
  const compaction = useChatStore((state) => state.compactionByConversation[conversationId]);
  if (!compaction) return null;
  return (
    <div role="status" className="mx-auto flex w-full max-w-3xl items-center gap-3 px-4 py-1.5 text-xs text-zinc-600 dark:text-zinc-400">
      <span>Summarising earlier messages to fit the model's context…</span>
      <progress max={100} value={compaction.progress} className="h-1.5 flex-1 accent-violet-600" aria-label="Summary progress" />
    </div>
  );
}
