/**
 * jsdom has no `URL.createObjectURL`: gives it one that hands out `blob:test/<n>` URLs and records what was made
 * and released. Call the returned `restore` after the test.
 */
export function stubObjectUrls() {
  const created = new Map<string, Blob>();
  const revoked: string[] = [];
  let counter = 0;
  const originals = {
    createObjectURL: Object.getOwnPropertyDescriptor(URL, 'createObjectURL'),
    revokeObjectURL: Object.getOwnPropertyDescriptor(URL, 'revokeObjectURL'),
  };
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      counter += 1;
      const url = `blob:test/${counter}`;
      created.set(url, blob);
      return url;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: (url: string) => revoked.push(url) });
  return {
    created,
    revoked,
    restore: () => {
      for (const [name, descriptor] of Object.entries(originals)) {
        if (descriptor) Object.defineProperty(URL, name, descriptor);
        else Reflect.deleteProperty(URL, name);
      }
    },
  };
}
