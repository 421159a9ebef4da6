import { useSessionStore } from '../../stores/session-store';
import { preloadMarkdownRenderer } from '../../components/markdown/lazy-markdown-content';

/**
 * Called by the entry point when the page is opened on `/chat` or `/chat/<id>` with a stored session: opens the
 * user's chat database, reads the newest messages of the chat on the URL and loads the markdown renderer while the
 * app boots (auth status, route chunks), instead of after. The chat page then finds all three under way or done.
 * The chat stores are imported here rather than at the top so the renderer's chunk is asked for first. Returns
 * whether anything was started.
 */
export function preloadChat(pathname: string): boolean {
  const userId = useSessionStore.getState().user?.id;
  const match = /^\/chat(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!userId || !match) return false;
  preloadMarkdownRenderer().catch((error: unknown) => console.error('Could not load the markdown renderer', error));
  const conversationId = match[1] ? decodeURIComponent(match[1]) : null;
  const readChat = async () => {
    const [{ initializeChat }, { preloadConversation }] = await Promise.all([import('./stores/chat-actions'), import('./stores/conversation-loading')]);
    // initializeChat sets the repository synchronously, so the chat's read starts alongside the list's.
    const listing = initializeChat(userId);
    await Promise.all([listing, conversationId ? preloadConversation(conversationId) : undefined]);
  };
  // A failure here only means the chat page reads the chat itself, as without the preload.
  readChat().catch((error: unknown) => console.error('Could not preload the chat', error));
  return true;
}
