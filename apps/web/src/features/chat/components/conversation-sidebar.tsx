import { Plus, Search, Upload } from 'lucide-react';
import { useRef, useState, type ChangeEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';
import { useConversationSearch } from '../hooks/use-conversation-search';
import { importConversationFile } from '../stores/conversation-actions';
import { useChatStore } from '../stores/chat-store';
import { ConversationListItem } from './conversation-list-item';

interface ConversationSidebarProps {
  onNewChat: () => void;
  onOpenConversation: (conversationId: string) => void;
  onDeleted: (conversationId: string) => void;
}

/** New chat, import, full-text search (offline) and the list of chats, starred first. */
export function ConversationSidebar({ onNewChat, onOpenConversation, onDeleted }: ConversationSidebarProps) {
  const conversations = useChatStore((state) => state.conversations);
  const [query, setQuery] = useState('');
  const matchingIds = useConversationSearch(query);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const isSearching = query.trim().length > 0;
  const shown = isSearching ? conversations.filter((conversation) => matchingIds?.has(conversation.id)) : conversations;

  const handleImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const conversationId = await importConversationFile(file);
    if (conversationId) onOpenConversation(conversationId);
  };

  return (
    <div className="flex h-full min-h-0 flex-col gap-2 p-2">
      <div className="flex gap-2">
        <Button className="flex-1" onClick={onNewChat} icon={<Plus aria-hidden="true" className="size-4" />}>
          New chat
        </Button>
        <Button variant="secondary" onClick={() => fileInputRef.current?.click()} aria-label="Import a chat (JSON)" title="Import a chat (JSON)" icon={<Upload aria-hidden="true" className="size-4" />} />
        <input ref={fileInputRef} type="file" accept="application/json,.json" className="hidden" onChange={(event) => void handleImport(event)} />
      </div>
      <div className="relative">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
        <Input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Search chats" aria-label="Search chats" className="h-9 pl-9" />
      </div>
      <ul aria-label="Chats" className="-mx-1 flex min-h-0 flex-1 flex-col gap-0.5 overflow-y-auto px-1">
        {shown.map((conversation) => (
          <ConversationListItem key={conversation.id} conversation={conversation} onDeleted={onDeleted} />
        ))}
        {shown.length === 0 ? (
          <li className="px-2 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">
            {isSearching ? (matchingIds ? 'No chat matches.' : 'Searching…') : 'No chats yet.'}
          </li>
        ) : null}
      </ul>
    </div>
  );
}
