import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from '../lib/chat-types';
import { versionsOf, type MessageTree } from '../lib/message-tree';
import { MessageItem } from './message-item';

interface MessageListProps {
  conversationId: string;
  path: readonly ChatMessage[];
  tree: MessageTree;
  modelId: string | null;
  isStreaming: boolean;
}

/** Distance from the bottom, in pixels, under which the list counts as "at the bottom" and follows new text. */
const pinThresholdPixels = 80;

/**
 * The branch on screen, virtualised (only the visible messages are in the DOM, so 5,000 messages stay smooth).
 * While the reader is at the bottom it stays pinned there as text streams in; scrolling up releases it.
 */
export function MessageList({ conversationId, path, tree, modelId, isStreaming }: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const isPinnedRef = useRef(true);
  const virtualizer = useVirtualizer({
    count: path.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => path[index]?.id ?? index,
  });
  const totalSize = virtualizer.getTotalSize();

  useLayoutEffect(() => {
    // A different conversation opens at its end.
    isPinnedRef.current = true;
  }, [conversationId]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element && isPinnedRef.current) element.scrollTop = element.scrollHeight;
  }, [totalSize, path.length, conversationId]);

  const handleScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    isPinnedRef.current = element.scrollHeight - element.scrollTop - element.clientHeight < pinThresholdPixels;
  };

  return (
    <div
      ref={scrollRef}
      onScroll={handleScroll}
      className="min-h-0 flex-1 overflow-y-auto overscroll-contain"
      data-testid="message-list"
      aria-busy={isStreaming}
    >
      <div className="relative mx-auto w-full max-w-3xl" style={{ height: totalSize }}>
        {virtualizer.getVirtualItems().map((item) => {
          const message = path[item.index];
          if (!message) return null;
          const versions = versionsOf(tree, message);
          return (
            <div
              key={item.key}
              data-index={item.index}
              data-testid="message"
              data-role={message.role}
              data-status={message.status}
              ref={virtualizer.measureElement}
              className="absolute top-0 left-0 w-full px-3 py-3 sm:px-4"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <MessageItem
                message={message}
                versionNumber={versions.indexOf(message) + 1}
                versionCount={versions.length}
                modelId={modelId}
                isConversationBusy={isStreaming}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
