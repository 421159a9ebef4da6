import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';

/** A Lua script run by SHA (loaded on first use); resolves with its reply. */
export type RedisScript = (keys: string[], args: Array<string | number>) => Promise<unknown>;

/**
 * The two Redis connections of one server process in scale-out mode: one for commands and scripts
 * (auto-pipelined, so commands issued in the same tick leave in one write, in order), one held in subscriber
 * mode. Channels are shared by every handler of this process that subscribes to them.
 */
export interface RedisPubSub {
  commands: Redis;
  /** Defines a script on the command connection. */
  script(name: string, lua: string): RedisScript;
  /**
   * Adds `handler` to `channel`; resolves once Redis confirmed the subscription (a message published after
   * that reaches the handler) with the function that removes it.
   */
  subscribe(channel: string, handler: (payload: string) => void): Promise<() => void>;
  close(): Promise<void>;
}

interface Channel {
  handlers: Set<(payload: string) => void>;
  ready: Promise<unknown>;
}

export function createRedisPubSub(url: string, logger: Logger): RedisPubSub {
  const options = { maxRetriesPerRequest: 2, enableAutoPipelining: true };
  const commands = new Redis(url, options);
  const subscriber = new Redis(url, options);
  // Without a listener ioredis prints every connection error; log them once per kind instead (never the URL).
  for (const [role, connection] of [['commands', commands], ['subscriber', subscriber]] as const) {
    let lastMessage = '';
    connection.on('error', (error: Error) => {
      if (error.message === lastMessage) return;
      lastMessage = error.message;
      logger.warn({ err: error.message, role }, 'redis connection error');
    });
    connection.on('ready', () => {
      lastMessage = '';
    });
  }
  const channels = new Map<string, Channel>();
  subscriber.on('message', (channel: string, payload: string) => {
    for (const handler of channels.get(channel)?.handlers ?? []) handler(payload);
  });

  return {
    commands,

    script(name, lua) {
      commands.defineCommand(name, { lua });
      const run = (commands as unknown as Record<string, (...args: Array<string | number>) => Promise<unknown>>)[name];
      if (!run) throw new Error(`script ${name} was not defined`);
      return (keys, args) => run.call(commands, keys.length, ...keys, ...args);
    },

    async subscribe(channel, handler) {
      let entry = channels.get(channel);
      if (!entry) {
        entry = { handlers: new Set(), ready: subscriber.subscribe(channel) };
        channels.set(channel, entry);
      }
      const current = entry;
      current.handlers.add(handler);
      const remove = () => {
        if (!current.handlers.delete(handler) || current.handlers.size > 0 || channels.get(channel) !== current) return;
        channels.delete(channel);
        // Commands of one connection run in order: a later SUBSCRIBE to this channel still wins.
        subscriber.unsubscribe(channel).catch(() => undefined);
      };
      try {
        await current.ready;
      } catch (error) {
        remove();
        throw error;
      }
      return remove;
    },

    async close() {
      channels.clear();
      await Promise.allSettled([commands.quit(), subscriber.quit()]);
      // QUIT does not stop a connection that is still retrying (Redis down): stop it for sure.
      commands.disconnect();
      subscriber.disconnect();
    },
  };
}
