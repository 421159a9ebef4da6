import { useEffect } from 'react';
import { useSessionStore } from '../../../stores/session-store';
import { initializeChat } from '../stores/chat-actions';
import { closeChatClient } from '../stores/chat-connection';
import { resetChatStore, useChatStore } from '../stores/chat-store';

/** Opens the signed-in user's chat database; on sign-out the socket closes and memory is cleared. */
export function useChatSession() {
  const userId = useSessionStore((state) => state.user?.id ?? null);
  useEffect(() => {
    if (userId) void initializeChat(userId);
  }, [userId]);
  useEffect(
    () =>
      useSessionStore.subscribe((state, previous) => {
        if (previous.user && !state.user) {
          closeChatClient();
          resetChatStore();
        }
      }),
    [],
  );
  return {
    isLoaded: useChatStore((state) => state.isLoaded && state.userId === userId),
    loadError: useChatStore((state) => state.loadError),
  };
}
