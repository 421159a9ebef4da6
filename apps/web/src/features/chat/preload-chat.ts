import { useSessionStore } from '../../stores/session-store';
import { preloadMarkdownRenderer } from './components/lazy-markdown-content';
import { initializeChat } from './stores/chat-actions';
import { preloadConversation } from './stores/conversation-loading';

/**
 * Called by the entry point when the page is opened on `/chat` or `/chat/<id>` with a stored session: opens the
 * user's chat database, reads the newest messages of the chat on the URL and loads the markdown renderer while the
 * app boots (auth status, route chunks), instead of after. The chat page then finds all three under way or done.
 */
export function preloadChat(pathname: string): void {
  const userId = useSessionStore.getState().user?.id;
  const match = /^\/chat(?:\/([^/]+))?\/?$/.exec(pathname);
  if (!userId || !match) return;
  void preloadMarkdownRenderer().catch(() => undefined);
  const conversationId = match[1] ? decodeURIComponent(match[1]) : null;
  // initializeChat sets the repository synchronously, so the chat's read starts alongside the list's.
  void initializeChat(userId);
  if (conversationId) preloadConversation(conversationId).catch((error: unknown) => console.error('Could not open a chat', error));
}
