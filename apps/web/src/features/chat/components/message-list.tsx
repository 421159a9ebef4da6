import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useLayoutEffect, useRef } from 'react';
import type { ChatMessage } from '../lib/chat-types';
import { estimateMessageHeight } from '../lib/estimate-message-height';
import { versionsOf, type MessageTree } from '../lib/message-tree';
import { MessageItem } from './message-item';

interface MessageListProps {
  path: readonly ChatMessage[];
  tree: MessageTree;
  modelId: string | null;
  isStreaming: boolean;
}

/** Distance from the bottom, in pixels, under which the list counts as "at the bottom" and follows new text. */
const pinThresholdPixels = 80;
/** Rows rendered beyond each edge of the viewport, so that scrolling shows ready rows. */
const overscanRows = 6;
/** The rows' width: `max-w-3xl` less their side padding (`px-3 sm:px-4`). */
const maximumListWidth = 768;
function textWidthOf(listWidth: number): number {
  return Math.min(listWidth, maximumListWidth) - (listWidth >= 640 ? 32 : 24);
}

/** Estimates by message object (messages are immutable: a changed message is a new object) and text width. */
const estimates = new WeakMap<ChatMessage, { textWidth: number; height: number }>();
function estimateHeight(message: ChatMessage, textWidth: number): number {
  const cached = estimates.get(message);
  if (cached?.textWidth === textWidth) return cached.height;
  const height = estimateMessageHeight(message, textWidth);
  estimates.set(message, { textWidth, height });
  return height;
}

/**
 * The branch on screen, virtualised (only the visible messages are in the DOM, so 5,000 messages stay smooth) and
 * anchored to its end: it opens at the newest message, follows streamed text while the reader is at the bottom
 * (scrolling up releases it), and keeps the row being read in place when older messages arrive above it.
 */
export function MessageList({ path, tree, modelId, isStreaming }: MessageListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const textWidth = () => textWidthOf(scrollRef.current?.clientWidth ?? Math.min(globalThis.innerWidth, maximumListWidth));
  const getItemKey = useCallback((index: number) => path[index]?.id ?? index, [path]);
  // The first render shows only the rows in view; the off-screen ones (and their markdown) follow in a deferred,
  // interruptible render once the chat is on screen.
  const overscan = useDeferredValue(overscanRows, 0);
  const virtualizer = useVirtualizer({
    count: path.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const message = path[index];
      return message ? estimateHeight(message, textWidth()) : 0;
    },
    // The first render already shows the last rows (no pass over the first ones before scrolling to the end).
    initialOffset: () => {
      const width = textWidth();
      const total = path.reduce((sum, message) => sum + estimateHeight(message, width), 0);
      return Math.max(0, total - (scrollRef.current?.clientHeight ?? globalThis.innerHeight));
    },
    overscan,
    getItemKey,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: pinThresholdPixels,
  });

  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [virtualizer]);

  // Older messages arriving above (a long chat's background read) keep the row being read in place; a reader
  // following the end stays exactly at it rather than a few pixels off.
  const firstId = path[0]?.id;
  useLayoutEffect(() => {
    if (virtualizer.isAtEnd(pinThresholdPixels)) virtualizer.scrollToEnd();
  }, [virtualizer, firstId]);

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto overscroll-contain" data-testid="message-list" aria-busy={isStreaming}>
      <div className="relative mx-auto w-full max-w-3xl" style={{ height: virtualizer.getTotalSize() }}>
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
