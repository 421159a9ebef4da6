import { uploadSchema, type Upload } from '@claraverse/shared';
import { env } from '../config/env';
import { ApiError, apiClient, apiErrorFromResponse } from './api-client';
import { describeError } from './error-messages';
import { useSessionStore } from '../stores/session-store';

/** How the upload reaches the API; the app's session by default, a test server in tests. */
export interface UploadTransport {
  /** Prefix of the API path, '' for same origin. */
  baseUrl: string;
  getAccessToken: () => string | null;
  /** Resolves false when the session could not be renewed. */
  refreshSession: () => Promise<boolean>;
  isStrictResponseParsing: boolean;
}

const appTransport: UploadTransport = {
  baseUrl: env.apiBaseUrl,
  getAccessToken: () => useSessionStore.getState().accessToken,
  refreshSession: () => apiClient.refreshSession(),
  isStrictResponseParsing: env.isStrictResponseParsing,
};

export interface UploadOptions {
  /** Share of the bytes sent so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

/** One multipart POST with XMLHttpRequest, the only browser API that reports upload progress. */
function send(file: File, token: string | null, transport: UploadTransport, options: UploadOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(abortError());
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', `${transport.baseUrl}/api/upload`);
    request.setRequestHeader('Accept', 'application/json');
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(Math.min(1, event.loaded / event.total));
    });
    request.addEventListener('load', () => {
      const headers = new Headers();
      for (const line of request.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const separator = line.indexOf(':');
        if (separator > 0) headers.append(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
      }
      const status = request.status;
      resolve(new Response(status === 204 ? null : request.responseText, { status, headers }));
    });
    request.addEventListener('error', () =>
      reject(new ApiError({ code: 'service_unavailable', message: 'The server could not be reached. Check your connection and try again.', status: 0 })),
    );
    request.addEventListener('abort', () => reject(abortError()));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    const body = new FormData();
    body.append('file', file, file.name);
    request.send(body);
  });
}

/**
 * `POST /api/upload` with the file in the multipart field `file`, reporting progress. An expired access token is
 * renewed once. Resolves with the upload (201); rejects with an `ApiError` (or an `AbortError` when cancelled).
 */
export async function uploadFile(file: File, options: UploadOptions = {}, transport: UploadTransport = appTransport): Promise<Upload> {
  const token = transport.getAccessToken();
  let response = await send(file, token, transport, options);
  if (response.status === 401 && token) {
    const error = await apiErrorFromResponse(response.clone());
    if ((error.code === 'token_expired' || error.code === 'unauthenticated') && (await transport.refreshSession())) {
      options.onProgress?.(0);
      response = await send(file, transport.getAccessToken(), transport, options);
    }
  }
  if (!response.ok) throw await apiErrorFromResponse(response);
  const body: unknown = await response.json();
  const parsed = uploadSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  if (transport.isStrictResponseParsing) {
    throw new ApiError({ code: 'internal', message: `The upload response does not match the shared contract: ${parsed.error.message}`, status: response.status });
  }
  console.warn('Upload response does not match the shared contract', parsed.error);
  return body as Upload;
}

/** Codes whose server message names the problem with this file (size, type, content). */
const fileSpecificCodes = new Set(['payload_too_large', 'unsupported_media_type', 'validation_failed', 'gone']);

/** Why an upload failed, as a sentence that names the file. */
export function describeUploadError(error: unknown, filename: string): string {
  if (error instanceof ApiError && fileSpecificCodes.has(error.code) && error.message) {
    const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
    return sentence.includes(filename) ? sentence : `${filename} could not be uploaded: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  }
  return `${filename} could not be uploaded. ${describeError(error)}`;
}

/** `DELETE /api/upload/:id`: a file removed from the message before sending is not kept on the server. */
export async function deleteUpload(fileId: string): Promise<void> {
  await apiClient.request(`/api/upload/${encodeURIComponent(fileId)}`, { method: 'DELETE' });
}
