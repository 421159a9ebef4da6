import { PanelLeft, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { LoadingState } from '../../../components/ui/spinner';
import { useChatSession } from '../hooks/use-chat-session';
import { ChatPanel } from './chat-panel';
import { ConversationSidebar } from './conversation-sidebar';
import { preloadMarkdownRenderer } from '../../../components/markdown/lazy-markdown-content';

/**
 * The chat screen: the list of chats (a drawer under 1024 px) beside the open conversation. Its height fills the
 * viewport below the app bar so that only the message list scrolls.
 */
export function ChatWorkspace({ conversationId }: { conversationId: string | null }) {
  const navigate = useNavigate();
  const { isLoaded, loadError } = useChatSession();
  // The drawer remembers the chat it was opened on, so that opening another chat closes it without an effect.
  const [drawerFor, setDrawerFor] = useState<string | null | undefined>(undefined);
  const isDrawerOpen = drawerFor === conversationId;

  // Nearly every chat needs the renderer: once the list is shown, load it before the first chat is opened.
  useEffect(() => {
    if (isLoaded) preloadMarkdownRenderer().catch((error: unknown) => console.error('Could not load the markdown renderer', error));
  }, [isLoaded]);

  const handleOpenConversation = (nextConversationId: string) => void navigate(`/chat/${nextConversationId}`);
  const handleNewChat = () => {
    setDrawerFor(undefined);
    void navigate('/chat');
  };
  const handleDeleted = (deletedId: string) => {
    if (deletedId === conversationId) void navigate('/chat', { replace: true });
  };

  if (loadError) return <Alert tone="error">{loadError}</Alert>;
  if (!isLoaded) return <LoadingState label="Opening your chats…" />;

  const sidebar = <ConversationSidebar onNewChat={handleNewChat} onOpenConversation={handleOpenConversation} onDeleted={handleDeleted} />;
  return (
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] min-h-0 sm:-mx-6 lg:mx-0 lg:my-0 lg:h-[calc(100dvh-6.5rem)] lg:overflow-hidden lg:rounded-xl lg:border lg:border-zinc-200 lg:bg-white lg:dark:border-zinc-800 lg:dark:bg-zinc-900">
      <aside aria-label="Chats" className="hidden w-64 shrink-0 border-r border-zinc-200 lg:block dark:border-zinc-800">
        {sidebar}
      </aside>
      {isDrawerOpen ? (
        <div className="fixed inset-0 z-40 lg:hidden">
          <div aria-hidden="true" className="absolute inset-0 bg-zinc-950/50" onClick={() => setDrawerFor(undefined)} />
          <div className="absolute inset-y-0 left-0 flex w-72 max-w-[85%] flex-col bg-white shadow-xl dark:bg-zinc-900">
            <div className="flex justify-end p-1">
              <button type="button" onClick={() => setDrawerFor(undefined)} aria-label="Close chats" className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
                <X aria-hidden="true" className="size-5" />
              </button>
            </div>
            {sidebar}
          </div>
        </div>
      ) : null}
      <div className="flex min-h-0 min-w-0 flex-1 flex-col bg-white dark:bg-zinc-900">
        <button
          type="button"
          onClick={() => setDrawerFor(conversationId)}
          className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 text-sm text-zinc-700 lg:hidden dark:border-zinc-800 dark:text-zinc-300"
        >
          <PanelLeft aria-hidden="true" className="size-4" /> Chats
        </button>
        <ChatPanel key={conversationId ?? 'new'} conversationId={conversationId} onConversationCreated={(id) => void navigate(`/chat/${id}`, { replace: true })} />
      </div>
    </div>
  );
}
