/**
 * What React Flow needs from a browser that jsdom lacks: ResizeObserver and DOMMatrixReadOnly. Installed by the
 * editor's component tests only (not the global setup), and removed again after them.
 */
class ResizeObserverStub {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    // Reports a fixed size once, like a laid-out node, so React Flow treats nodes as measured.
    this.callback([{ target, contentRect: { width: 248, height: 84 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve(): void {}
  disconnect(): void {}
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? '')?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

const saved: Record<string, unknown> = {};
const savedSizes: Record<string, PropertyDescriptor | undefined> = {};

/** Installs the stubs (call in beforeAll). */
export function installReactFlowStubs(): void {
  for (const [name, value] of Object.entries({ ResizeObserver: ResizeObserverStub, DOMMatrixReadOnly: DOMMatrixReadOnlyStub })) {
    saved[name] = (globalThis as Record<string, unknown>)[name];
    (globalThis as Record<string, unknown>)[name] = value;
  }
  // React Flow reads element sizes from offsetWidth/offsetHeight, which jsdom reports as 0.
  for (const name of ['offsetWidth', 'offsetHeight']) savedSizes[name] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: { configurable: true, get: () => 248 },
    offsetHeight: { configurable: true, get: () => 84 },
  });
}

/** Restores what installReactFlowStubs replaced (call in afterAll). */
export function removeReactFlowStubs(): void {
  for (const [name, value] of Object.entries(saved)) (globalThis as Record<string, unknown>)[name] = value;
  for (const [name, descriptor] of Object.entries(savedSizes)) if (descriptor !== undefined) Object.defineProperty(HTMLElement.prototype, name, descriptor);
}
