import { WifiOff } from 'lucide-react';
import { Spinner } from '../../../components/ui/spinner';
import { chatClient } from '../stores/chat-connection';
import { useChatStore } from '../stores/chat-store';

/** Says so when the chat socket is reconnecting or gave up; replies resume on their own once it is back. */
export function ConnectionBanner() {
  const connectionState = useChatStore((state) => state.connectionState);
  if (connectionState === 'reconnecting') {
    return (
      <div role="status" className="flex items-center justify-center gap-2 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        <Spinner /> Connection lost — reconnecting. A reply in progress continues where it stopped.
      </div>
    );
  }
  if (connectionState === 'offline') {
    return (
      <div role="alert" className="flex items-center justify-center gap-2 bg-red-50 px-3 py-1.5 text-xs text-red-900 dark:bg-red-950 dark:text-red-200">
        <WifiOff aria-hidden="true" className="size-3.5" /> Not connected to the chat server.
        <button type="button" className="font-medium underline" onClick={() => chatClient().connect()}>
          Reconnect
        </button>
      </div>
    );
  }
  return null;
}
