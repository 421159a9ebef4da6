import { Pencil, Star, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { NavLink } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { classNames } from '../../../lib/class-names';
import type { Conversation } from '../lib/chat-types';
import { deleteConversation, renameConversation, toggleConversationStar } from '../stores/conversation-actions';

interface ConversationListItemProps {
  conversation: Conversation;
  onDeleted: (conversationId: string) => void;
}

const iconButtonClasses =
  'rounded p-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100';

/** A conversation in the sidebar with star, rename and delete (confirmed). */
export function ConversationListItem({ conversation, onDeleted }: ConversationListItemProps) {
  const [draftTitle, setDraftTitle] = useState<string | null>(null);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);

  const handleRename = (event: FormEvent) => {
    event.preventDefault();
    if (draftTitle !== null) renameConversation(conversation.id, draftTitle);
    setDraftTitle(null);
  };

  const handleDelete = async () => {
    setIsConfirmingDelete(false);
    await deleteConversation(conversation.id);
    onDeleted(conversation.id);
  };

  if (draftTitle !== null) {
    return (
      <li>
        <form onSubmit={handleRename} className="px-1 py-0.5">
          <input
            autoFocus
            aria-label="Chat title"
            value={draftTitle}
            maxLength={200}
            onChange={(event) => setDraftTitle(event.target.value)}
            onBlur={handleRename}
            onKeyDown={(event) => event.key === 'Escape' && setDraftTitle(null)}
            className="h-8 w-full rounded-md border border-violet-500 bg-white px-2 text-sm dark:bg-zinc-900"
          />
        </form>
      </li>
    );
  }

  return (
    <li className="group relative">
      <NavLink
        to={`/chat/${conversation.id}`}
        className={({ isActive }) =>
          classNames(
            'flex items-center gap-1.5 rounded-lg py-2 pr-20 pl-2.5 text-sm',
            isActive
              ? 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100'
              : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
          )
        }
      >
        {conversation.isStarred ? <Star aria-label="Starred" className="size-3.5 shrink-0 fill-amber-400 text-amber-500" /> : null}
        <span className="truncate">{conversation.title}</span>
      </NavLink>
      <span className="absolute top-1/2 right-1 flex -translate-y-1/2 items-center opacity-100 sm:opacity-0 sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
        <button type="button" className={iconButtonClasses} onClick={() => toggleConversationStar(conversation.id)} aria-label={conversation.isStarred ? `Unstar ${conversation.title}` : `Star ${conversation.title}`}>
          <Star aria-hidden="true" className={classNames('size-3.5', conversation.isStarred && 'fill-amber-400 text-amber-500')} />
        </button>
        <button type="button" className={iconButtonClasses} onClick={() => setDraftTitle(conversation.title)} aria-label={`Rename ${conversation.title}`}>
          <Pencil aria-hidden="true" className="size-3.5" />
        </button>
        <button type="button" className={iconButtonClasses} onClick={() => setIsConfirmingDelete(true)} aria-label={`Delete ${conversation.title}`}>
          <Trash2 aria-hidden="true" className="size-3.5" />
        </button>
      </span>
      <Dialog
        isOpen={isConfirmingDelete}
        title="Delete this chat?"
        description={`“${conversation.title}” and all its messages are removed from this browser. This cannot be undone.`}
        onClose={() => setIsConfirmingDelete(false)}
      >
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setIsConfirmingDelete(false)}>
            Cancel
          </Button>
          <Button variant="danger" onClick={() => void handleDelete()}>
            Delete chat
          </Button>
        </div>
      </Dialog>
    </li>
  );
}
