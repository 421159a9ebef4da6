import { randomUUID } from 'node:crypto';
import type { PromptAnswer, PromptRequest } from '../tools/tool-ports.js';
import type { ReplyRelay } from './reply-relay.js';
import type { ReplyPart } from './run-reply.js';

/** How long an `ask_user` form waits for the person. */
export const promptTimeoutMs = 5 * 60_000;

interface Pending {
  userId: string;
  conversationId: string;
  resolve(answer: PromptAnswer): void;
}

/**
 * `ask_user` forms waiting for an answer. The form goes out as a reply part (so a reconnecting browser gets
 * it again on resume); the answer comes back as `prompt.answer` on any of the user's sockets and is accepted
 * only from the user and conversation the form was sent to. In scale-out mode the form is also registered with
 * the relay, so an answer that reaches another instance is sent here.
 */
export function createPendingPrompts(options: { timeoutMs?: number; now: () => Date; relay?: Pick<ReplyRelay, 'registerPrompt' | 'forgetPrompt'> | null }) {
  const pending = new Map<string, Pending>();
  const timeoutMs = options.timeoutMs ?? promptTimeoutMs;

  return {
    /** Sends the form through `emit` and waits for the answer, a skip, the timeout or the reply's stop. */
    ask(target: { userId: string; conversationId: string; emit(part: ReplyPart): void }, request: PromptRequest, signal: AbortSignal): Promise<PromptAnswer> {
      const promptId = randomUUID();
      return new Promise<PromptAnswer>((resolve) => {
        const finish = (answer: PromptAnswer) => {
          if (!pending.delete(promptId)) return;
          options.relay?.forgetPrompt(promptId);
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
        const onAbort = () => finish({ status: 'skipped' });
        const timer = setTimeout(() => finish({ status: 'timeout' }), timeoutMs);
        pending.set(promptId, { userId: target.userId, conversationId: target.conversationId, resolve: finish });
        options.relay?.registerPrompt(promptId, target.userId, target.conversationId, timeoutMs);
        signal.addEventListener('abort', onAbort, { once: true });
        target.emit({
          type: 'prompt.request',
          promptId,
          title: request.title,
          ...(request.description ? { description: request.description } : {}),
          questions: request.questions,
          allowSkip: request.allowSkip ?? true,
          expiresAt: new Date(options.now().getTime() + timeoutMs).toISOString(),
        });
        if (signal.aborted) onAbort();
      });
    },

    /** Delivers an answer; false when no such form waits for this user and conversation. */
    answer(userId: string, conversationId: string, promptId: string, answer: PromptAnswer): boolean {
      const entry = pending.get(promptId);
      if (!entry || entry.userId !== userId || entry.conversationId !== conversationId) return false;
      entry.resolve(answer);
      return true;
    },
  };
}
export type PendingPrompts = ReturnType<typeof createPendingPrompts>;
