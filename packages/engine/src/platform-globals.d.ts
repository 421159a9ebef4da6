/**
 * The few web-standard globals the engine uses. The package compiles without DOM or Node types so that no
 * I/O API (fetch, fs, net) is reachable from engine code; these declarations are the minimal shapes of the
 * globals shared by Node and browsers. Consumers compile against their own (richer) lib definitions.
 */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
  throwIfAborted(): void;
}
declare const AbortSignal: { abort(reason?: unknown): AbortSignal };
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare const AbortController: { new (): AbortController; prototype: AbortController };
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare const performance: { now(): number };
