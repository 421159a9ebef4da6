import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../platform/logging/logger.js';

/** A real pino logger whose JSON lines are kept in memory, so tests can read exactly what would be logged. */
export function createCapturingLogger(level: 'info' | 'debug' | 'trace' = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  return { logger: createLogger(level, stream), lines };
}
