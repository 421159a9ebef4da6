/** A promise with its resolve/reject exposed, for ports whose answer a test releases at a chosen moment. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve;
    reject = onReject;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run (the engine schedules the next blocks in microtasks). */
export const flush = async (rounds = 20): Promise<void> => {
  for (let round = 0; round < rounds; round += 1) await Promise.resolve();
};
