import type { PromptQuestion, UploadFileKind } from '@claraverse/shared';

/**
 * The side-effect ports a tool may use (CONVENTIONS §2.5, §2.10). Tools receive them through `ToolContext`,
 * never the whole app, so each tool's test can hand it real implementations pointed at local servers.
 * Each port is implemented in its own domain folder:
 *   OutboundHttp → platform/outbound-http   Sandbox → sandbox   ToolFiles → files
 *   DocumentRenderer → documents            MediaModels → tools/media   PromptUser → chat (ask_user)
 */

// ── Outbound HTTP (SSRF-guarded) ─────────────────────────────────────────────────────────────────────────────

// Declared beside its implementation so platform/ does not import a domain; re-exported here with the others.
export type { OutboundHttp, OutboundRequestOptions, OutboundResponse } from '../platform/outbound-http/outbound-http.js';

// ── Sandboxed code ───────────────────────────────────────────────────────────────────────────────────────────

export interface SandboxFile {
  name: string;
  data: Buffer;
}

export interface SandboxRunRequest {
  language: 'python' | 'javascript';
  code: string;
  /** Files placed in the working directory before the run (e.g. an uploaded CSV). */
  files?: SandboxFile[];
  /** Wall-clock limit, milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Memory limit, MiB. Default 512. */
  memoryMb?: number;
  signal?: AbortSignal;
}

export interface SandboxRunResult {
  /** Which backend ran it: `bubblewrap`, `pyodide`, `e2b`, `quickjs`. */
  backend: string;
  /** A sentence for the user/model when a fallback limits what can run (e.g. Pyodide has no pandas offline). */
  notice?: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `timeout`, `memory`, `cancelled` when the run was stopped by a limit. */
  killedBy?: 'timeout' | 'memory' | 'cancelled';
  /** matplotlib figures, as PNG base64. */
  plots: Array<{ format: 'png' | 'svg'; data: string }>;
  /** Files the code wrote into its working directory (other than the inputs). */
  files: SandboxFile[];
}

export interface Sandbox {
  run(request: SandboxRunRequest): Promise<SandboxRunResult>;
}

// ── Files (uploads and generated "secure files") ───────────────────────────────────────────────────────────────

export interface StoredFileInfo {
  fileId: string;
  filename: string;
  mimeType: string;
  size: number;
}

export interface ToolFiles {
  /** An upload of this user (owner-checked). @throws NotFoundError */
  readUpload(userId: string, fileId: string): Promise<StoredFileInfo & { data: Buffer }>;
  /**
   * Stores bytes as an upload of this user (download_file), with the same type sniffing and caps as
   * `POST /api/upload`; `maxBytesByKind` may lower the cap of a kind of file (bytes).
   * @throws AppError unsupported_media_type, payload_too_large, validation_failed
   */
  saveUpload(
    userId: string,
    file: { filename: string; mimeType?: string; data: Buffer; maxBytesByKind?: Partial<Record<UploadFileKind, number>> },
  ): Promise<StoredFileInfo & { expiresAt: string }>;
  /**
   * Keeps a tool-generated file for 30 days behind a random access code; returns the download URL path
   * (`/api/files/<id>?code=…`).
   */
  saveGenerated(userId: string, file: { filename: string; mimeType: string; data: Buffer }): Promise<StoredFileInfo & { url: string; expiresAt: string }>;
}

// ── Documents rendered by headless Chromium ────────────────────────────────────────────────────────────────────

export interface PdfRenderOptions {
  /** `A4` (default), `Letter`, `Legal`, `A3`, `A5`, `Tabloid`. */
  pageSize?: string;
  landscape?: boolean;
  /** CSS lengths (`1cm`, `0.5in`); missing sides are 0. */
  margin?: { top?: string; right?: string; bottom?: string; left?: string };
  /** Print background colours and images. Default true. */
  printBackground?: boolean;
  /** Zoom of the content, 0.1–2. Default 1. */
  scale?: number;
  /** Let the document's CSS `@page { size }` decide the page size (slides). Default false. */
  preferCssPageSize?: boolean;
  signal?: AbortSignal;
}

export interface DocumentRenderer {
  /**
   * HTML → PDF bytes, rendered offline: no script runs and the page loads nothing but `data:` URLs.
   * @throws AppError `service_unavailable` (no Chromium, render timeout, busy), `payload_too_large`
   */
  htmlToPdf(html: string, options?: PdfRenderOptions): Promise<Buffer>;
}

// ── Models used by tools (vision, images, audio) ───────────────────────────────────────────────────────────────

export interface MediaModels {
  /** Describes an image with a vision-capable model the user can use. */
  describeImage(userId: string, image: { data: Buffer; mimeType: string }, question: string, signal?: AbortSignal): Promise<{ text: string; model: string }>;
  /** OpenAI-compatible `/images/generations` on an `imageOnly` provider. */
  generateImage(userId: string, request: { prompt: string; size: string; n?: number }, signal?: AbortSignal): Promise<{ images: Array<{ data: Buffer; mimeType: string }>; model: string }>;
  /** OpenAI-compatible `/images/edits` on an `imageEditOnly` (or `imageOnly`) provider. */
  editImage(userId: string, request: { prompt: string; image: { data: Buffer; mimeType: string }; size?: string }, signal?: AbortSignal): Promise<{ images: Array<{ data: Buffer; mimeType: string }>; model: string }>;
  /** OpenAI-compatible `/audio/transcriptions` on an `audioOnly` provider. */
  transcribe(userId: string, audio: { data: Buffer; mimeType: string; filename: string }, options?: { language?: string; prompt?: string }, signal?: AbortSignal): Promise<{ text: string; model: string }>;
}

// ── Asking the user (chat only) ────────────────────────────────────────────────────────────────────────────────

/** A question of an `ask_user` form: the shape the browser renders (packages/shared). */
export type { PromptQuestion };

export interface PromptRequest {
  title: string;
  description?: string;
  questions: PromptQuestion[];
  allowSkip?: boolean;
}

export type PromptAnswer = { status: 'answered'; answers: Record<string, unknown> } | { status: 'skipped' } | { status: 'timeout' };

/** Shows a form in the user's chat and waits for the answer (5 min). */
export type PromptUser = (request: PromptRequest, signal: AbortSignal) => Promise<PromptAnswer>;

// ── Composio (Gmail, Google Sheets through OAuth) ────────────────────────────────────────────────────────────────

/** Runs a Composio action for a user's connected account with the instance's API key (issue 5, reference §4.3). */
export interface ComposioActions {
  /** @throws AppError with Composio's message when the action fails. */
  execute(action: string, request: { entityId: string; arguments: Record<string, unknown>; signal: AbortSignal }): Promise<unknown>;
}
