import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { createScrapeLimits } from './scrape-limits.js';

const signal = new AbortController().signal;

describe('createScrapeLimits', () => {
  it('refuses the server-wide 11th fetch of a second, whoever asks', async () => {
    const limits = createScrapeLimits({ perUserPerSecond: 5, globalPerSecond: 10, maxConcurrent: 100, minHostIntervalMs: 0 });
    for (let index = 0; index < 10; index += 1) (await limits.admit({ userId: `user-${index}`, site: `site-${index}`, crawlDelaySeconds: undefined, now: 0, signal }))();
    const error = await limits.admit({ userId: 'user-x', site: 'site-x', crawlDelaySeconds: undefined, now: 500, signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('The server is reading too many pages right now; try again in 1 second.');
    expect((error as AppError).headers).toEqual({ 'retry-after': '1' });
    await expect(limits.admit({ userId: 'user-x', site: 'site-x', crawlDelaySeconds: undefined, now: 1000, signal })).resolves.toBeTypeOf('function');
  });

  it('keeps a small gap between two fetches of one site when robots.txt sets none', async () => {
    const limits = createScrapeLimits({ perUserPerSecond: 100, globalPerSecond: 100, maxConcurrent: 100, minHostIntervalMs: 250 });
    (await limits.admit({ userId: 'a', site: 'example.com', crawlDelaySeconds: undefined, now: 0, signal }))();
    await expect(limits.admit({ userId: 'b', site: 'example.com', crawlDelaySeconds: undefined, now: 100, signal })).rejects.toThrow('example.com was read a moment ago; try again in 1 second.');
    await expect(limits.admit({ userId: 'b', site: 'example.com', crawlDelaySeconds: undefined, now: 250, signal })).resolves.toBeTypeOf('function');
  });

  it('makes the fetch over the concurrency cap wait for a free slot, and lets it go when cancelled', async () => {
    const limits = createScrapeLimits({ perUserPerSecond: 100, globalPerSecond: 100, maxConcurrent: 1, minHostIntervalMs: 0 });
    const releaseFirst = await limits.admit({ userId: 'a', site: 's1', crawlDelaySeconds: undefined, now: 0, signal });
    let isSecondIn = false;
    const second = limits.admit({ userId: 'a', site: 's2', crawlDelaySeconds: undefined, now: 0, signal }).then((release) => {
      isSecondIn = true;
      return release;
    });
    const controller = new AbortController();
    const third = limits.admit({ userId: 'a', site: 's3', crawlDelaySeconds: undefined, now: 0, signal: controller.signal });
    await Promise.resolve();
    expect(isSecondIn).toBe(false);
    controller.abort(new Error('stopped by the user'));
    await expect(third).rejects.toThrow('stopped by the user');
    releaseFirst();
    releaseFirst(); // a second call must not free a slot twice
    const releaseSecond = await second;
    expect(isSecondIn).toBe(true);
    releaseSecond();
    await expect(limits.admit({ userId: 'a', site: 's4', crawlDelaySeconds: undefined, now: 0, signal })).resolves.toBeTypeOf('function');
  });
});
