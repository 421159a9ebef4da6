import type { WebSocket } from 'ws';

/** Pings sockets on one shared timer and terminates those that stopped answering. */
export interface Heartbeat {
  /** Starts watching a socket (it stops being watched when it closes); `onUnresponsive` runs before terminating it. */
  watch(socket: WebSocket, onUnresponsive: () => void): void;
  /** Stops the timer (it also stops by itself while no socket is watched). */
  stop(): void;
}

/**
 * Creates a heartbeat that sends a WS ping frame to every watched socket each `intervalMs` milliseconds. A socket
 * that has not answered the previous ping with a pong by the next tick is terminated (close code 1006 on the
 * client), so half-open TCP connections do not pile up. One timer serves all sockets, and it is unref'd.
 */
export function createHeartbeat(intervalMs: number): Heartbeat {
  /** Socket → whether it answered since the last ping, and what to call before terminating it. */
  const sockets = new Map<WebSocket, { isAlive: boolean; onUnresponsive: () => void }>();
  let timer: NodeJS.Timeout | undefined;

  function tick(): void {
    for (const [socket, entry] of sockets) {
      if (!entry.isAlive) {
        sockets.delete(socket);
        entry.onUnresponsive();
        socket.terminate();
        continue;
      }
      entry.isAlive = false;
      try {
        socket.ping();
      } catch {
        // ping throws only while CONNECTING, which a watched socket never is; the next tick terminates it.
      }
    }
  }

  function stop(): void {
    if (timer) {
      clearInterval(timer);
      timer = undefined;
    }
  }

  return {
    watch(socket, onUnresponsive) {
      const entry = { isAlive: true, onUnresponsive };
      sockets.set(socket, entry);
      socket.on('pong', () => {
        entry.isAlive = true;
      });
      socket.once('close', () => {
        sockets.delete(socket);
        if (sockets.size === 0) {
          stop();
        }
      });
      if (!timer) {
        timer = setInterval(tick, intervalMs);
        // The heartbeat alone must not keep the process alive during shutdown.
        timer.unref();
      }
    },
    stop,
  };
}
