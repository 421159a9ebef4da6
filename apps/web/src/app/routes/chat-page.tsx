import { useParams } from 'react-router';
import { ChatWorkspace } from '../../features/chat/components/chat-workspace';
import { useChatStore } from '../../features/chat/stores/chat-store';
import { useDocumentTitle } from '../use-document-title';

/** `/chat` (a new chat) and `/chat/:conversationId`. */
export function ChatPage() {
  const { conversationId = null } = useParams();
  const title = useChatStore((state) => state.conversations.find((conversation) => conversation.id === conversationId)?.title);
  useDocumentTitle(title ?? 'Chat');
  return (
    <>
      <h1 className="sr-only">Chat</h1>
      <ChatWorkspace conversationId={conversationId} />
    </>
  );
}
