import { describe, expect, it } from 'vitest';
import { createRunSlots } from './run-slots.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('run slots', () => {
  it('runs at most the limit at once and starts the waiting ones in order', async () => {
    const slots = createRunSlots(1);
    const started: string[] = [];
    const first = deferred();
    const second = deferred();
    const a = slots.run(undefined, async () => { started.push('a'); await first.promise; });
    const b = slots.run(undefined, async () => { started.push('b'); await second.promise; });
    const c = slots.run(undefined, async () => { started.push('c'); });
    await Promise.resolve();
    expect(started).toEqual(['a']);
    expect(slots.counts).toEqual({ running: 1, waiting: 2 });
    first.resolve();
    await a;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b']);
    second.resolve();
    await Promise.all([b, c]);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(slots.counts).toEqual({ running: 0, waiting: 0 });
  });

  it('lets a waiting caller that aborts go on at once, and frees the slot after a failure', async () => {
    const slots = createRunSlots(1);
    const blocker = deferred();
    const blocking = slots.run(undefined, () => blocker.promise);
    const controller = new AbortController();
    const aborted = slots.run(controller.signal, async () => (controller.signal.aborted ? 'cancelled' : 'ran'));
    controller.abort();
    expect(await aborted).toBe('cancelled');
    expect(slots.counts.waiting).toBe(0);
    blocker.resolve();
    await blocking;
    await expect(slots.run(undefined, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(undefined, async () => 'next')).toBe('next');
  });
});
