import type { WebSocket } from 'ws';

/** Options of {@link createSocketSendQueue}. */
export interface SocketSendQueueOptions {
  socket: WebSocket;
  /** Largest backlog (bytes already buffered by ws and the TCP socket, plus the new message) we accept. */
  maxQueuedBytes: number;
  /** Called once, when a send would exceed `maxQueuedBytes`; it should close the socket (4408). */
  onBackPressure(): void;
  /** Called when a message cannot be serialised (a programming error); must not log the message. */
  onSerialisationError(error: unknown): void;
}

/** Sends JSON messages on one socket with a bounded backlog. */
export interface SocketSendQueue {
  /** Returns true when the message was queued; false (never throws) when closed, too slow or unserialisable. */
  send(message: unknown): boolean;
}

/**
 * Wraps `socket.send` with back-pressure. ws already buffers what the kernel does not take, and
 * `bufferedAmount` reports that backlog, so there is no second queue here: we only refuse to grow it past the
 * limit. A single message larger than `maxQueuedBytes` is therefore also refused, which bounds memory per socket.
 */
export function createSocketSendQueue(options: SocketSendQueueOptions): SocketSendQueue {
  const { socket, maxQueuedBytes } = options;
  let hasOverflowed = false;

  return {
    send(message) {
      // ws would not throw on CLOSING/CLOSED either, but it would count the bytes and call back with an error.
      if (hasOverflowed || socket.readyState !== socket.OPEN) {
        return false;
      }
      let payload: string;
      try {
        payload = JSON.stringify(message);
      } catch (error) {
        options.onSerialisationError(error);
        return false;
      }
      const pendingBytes = socket.bufferedAmount + Buffer.byteLength(payload);
      if (pendingBytes > maxQueuedBytes) {
        hasOverflowed = true;
        options.onBackPressure();
        return false;
      }
      socket.send(payload);
      return true;
    },
  };
}
