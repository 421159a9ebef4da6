import type { WebSocket } from 'ws';

/**
 * Starts the close handshake with `code` and `reason` (at most 123 bytes), and terminates the socket if the client
 * has not completed it within `graceMs` milliseconds: a client that stopped reading would otherwise hold the
 * socket (and its send backlog) for ws's 30-second close timeout. Never throws; an invalid close code terminates.
 */
export function closeSocketWithGrace(socket: WebSocket, code: number, reason: string, graceMs: number): void {
  if (socket.readyState === socket.CLOSED) {
    return;
  }
  if (socket.readyState === socket.OPEN) {
    try {
      socket.close(code, reason);
    } catch {
      // ws rejects codes that may not be sent (e.g. 1006); dropping the connection is the safe fallback.
      socket.terminate();
      return;
    }
  }
  const timer = setTimeout(() => socket.terminate(), graceMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
