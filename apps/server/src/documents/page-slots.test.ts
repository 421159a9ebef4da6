import { describe, expect, it } from 'vitest';
import { createPageSlots } from './page-slots.js';

describe('page slots', () => {
  it('hands out up to the limit at once and passes freed slots on in arrival order', async () => {
    const slots = createPageSlots(2, 10);
    const first = await slots.acquire();
    await slots.acquire();
    const order: string[] = [];
    const third = slots.acquire().then((release) => (order.push('third'), release));
    const fourth = slots.acquire().then((release) => (order.push('fourth'), release));
    expect(slots.stats).toEqual({ active: 2, waiting: 2 });
    first();
    first(); // a second call frees nothing more
    await third;
    expect(order).toEqual(['third']);
    expect(slots.stats).toEqual({ active: 2, waiting: 1 });
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
  });

  it('refuses callers beyond the waiting line', async () => {
    const slots = createPageSlots(1, 1);
    await slots.acquire();
    void slots.acquire();
    await expect(slots.acquire()).rejects.toMatchObject({ code: 'service_unavailable', message: expect.stringContaining('Too many') as unknown });
  });

  it('drops a waiting caller whose signal aborts, so the slot goes to the next one', async () => {
    const slots = createPageSlots(1, 5);
    const release = await slots.acquire();
    const controller = new AbortController();
    const abandoned = slots.acquire(controller.signal);
    const next = slots.acquire();
    controller.abort(new Error('stopped by the user'));
    await expect(abandoned).rejects.toThrow('stopped by the user');
    expect(slots.stats).toEqual({ active: 1, waiting: 1 });
    release();
    await expect(next).resolves.toBeTypeOf('function');
  });

  it('refuses waiting and later callers once closed', async () => {
    const slots = createPageSlots(1, 5);
    await slots.acquire();
    const waiting = slots.acquire();
    slots.close();
    await expect(waiting).rejects.toMatchObject({ message: expect.stringContaining('shutting down') as unknown });
    await expect(slots.acquire()).rejects.toMatchObject({ code: 'service_unavailable' });
  });
});
