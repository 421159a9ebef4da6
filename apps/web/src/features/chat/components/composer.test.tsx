import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../../stores/session-store';
import { buildSession } from '../../../test/build-user';
import { stubObjectUrls } from '../../../test/object-urls';
import { sendJson, startUploadTestServer, uploadResponseBody } from '../../../test/upload-test-server';
import { Composer } from './composer';

let server: Awaited<ReturnType<typeof startUploadTestServer>>;
let objectUrls: ReturnType<typeof stubObjectUrls>;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startUploadTestServer();
});
afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.received.length = 0;
  // The app calls its API on its own origin: point the page's base URL at the loopback server, so that the
  // composer's real XMLHttpRequest and fetch calls reach it.
  const base = document.createElement('base');
  base.href = `${server.baseUrl}/`;
  document.head.append(base);
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => realFetch(new URL(String(input), document.baseURI), init));
  useSessionStore.getState().setSession(buildSession({ accessToken: 'token-1' }));
  objectUrls = stubObjectUrls();
  server.answerWith((request, response) => {
    if (request.method === 'DELETE') {
      response.writeHead(204);
      response.end();
      return;
    }
    const filename = /filename="([^"]+)"/.exec(request.body.toString('latin1'))?.[1] ?? 'file';
    const mimeType = filename.endsWith('.png') ? 'image/png' : 'text/plain';
    sendJson(response, 201, uploadResponseBody({ fileId: `id-${filename}`, filename, mimeType, kind: mimeType === 'image/png' ? 'image' : 'text', size: 5 }));
  });
});

afterEach(() => {
  document.querySelector('base')?.remove();
  vi.unstubAllGlobals();
  objectUrls.restore();
});

function renderComposer(overrides: Partial<Parameters<typeof Composer>[0]> = {}) {
  const props = { isStreaming: false, disabledReason: null, isToolsEnabled: true, onToggleTools: vi.fn(), onSend: vi.fn(), onStop: vi.fn(), ...overrides };
  const view = render(<Composer {...props} />);
  const fileInput = view.container.querySelector<HTMLInputElement>('input[type="file"]');
  if (!fileInput) throw new Error('no file input');
  return { ...props, fileInput };
}

const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('Composer attachments', () => {
  it('uploads picked files with the session token and sends them with the message', async () => {
    const user = userEvent.setup();
    const { onSend, fileInput } = renderComposer();
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeTruthy();
    expect(fileInput.accept).toContain('.pdf');

    await user.upload(fileInput, [new File(['hello'], 'notes.txt', { type: 'text/plain' }), new File([pngBytes], 'cat.png', { type: 'image/png' })]);
    const chips = within(screen.getByRole('list', { name: 'Files to send' }));
    expect(chips.getByRole('listitem', { name: 'notes.txt' })).toBeTruthy();
    // An image shows its picture at once, from the file itself.
    expect(chips.getByRole('listitem', { name: 'cat.png' }).querySelector('img')?.getAttribute('src')).toMatch(/^blob:test\//);

    await waitFor(() => expect(screen.queryAllByRole('progressbar')).toHaveLength(0));
    expect(server.received.map((request) => [request.method, request.path, request.authorization])).toEqual([
      ['POST', '/api/upload', 'Bearer token-1'],
      ['POST', '/api/upload', 'Bearer token-1'],
    ]);
    await user.type(screen.getByLabelText('Message'), 'What is in these?');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(onSend).toHaveBeenCalledWith('What is in these?', [
      { fileId: 'id-notes.txt', filename: 'notes.txt', mimeType: 'text/plain', size: 5 },
      { fileId: 'id-cat.png', filename: 'cat.png', mimeType: 'image/png', size: 5 },
    ]);
    expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
    // The chip's picture is released once sent.
    expect(objectUrls.revoked).toEqual(['blob:test/1']);
  });

  it('holds Send while a file uploads, and sends a message made only of files', async () => {
    const user = userEvent.setup();
    let answer: () => void = () => {};
    server.answerWith((_request, response) => {
      answer = () => sendJson(response, 201, uploadResponseBody({ fileId: 'late', filename: 'slow.txt' }));
    });
    const { onSend, fileInput } = renderComposer();
    await user.upload(fileInput, new File(['x'.repeat(1000)], 'slow.txt', { type: 'text/plain' }));
    const send = screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement;
    expect(screen.getByRole('progressbar', { name: 'Uploading slow.txt' })).toBeTruthy();
    expect(send.disabled).toBe(true);

    await waitFor(() => expect(server.received).toHaveLength(1));
    answer();
    await waitFor(() => expect(send.disabled).toBe(false));
    await user.click(send);
    expect(onSend).toHaveBeenCalledWith('', [expect.objectContaining({ fileId: 'late' })]);
  });

  it('explains refused files in sentences: checked before uploading, or as the server said', async () => {
    const user = userEvent.setup({ applyAccept: false });
    server.answerWith((_request, response) =>
      sendJson(response, 415, { error: { code: 'unsupported_media_type', message: 'The content of fake.png is not a PNG image', requestId: 'r' } }),
    );
    const { fileInput } = renderComposer();
    await user.upload(fileInput, [new File(['MZ'], 'setup.exe'), new File(['not a png'], 'fake.png', { type: 'image/png' })]);

    const chips = within(screen.getByRole('list', { name: 'Files to send' }));
    expect(within(chips.getByRole('listitem', { name: 'setup.exe' })).getByRole('alert').textContent).toMatch(/^setup\.exe cannot be attached: ClaraVerse accepts images, PDFs/);
    await waitFor(() => expect(within(chips.getByRole('listitem', { name: 'fake.png' })).getByRole('alert').textContent).toBe('The content of fake.png is not a PNG image.'));
    // Only the file that passed the check in the browser was sent.
    expect(server.received).toHaveLength(1);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('removes a file: an uploaded one is deleted on the server too', async () => {
    const user = userEvent.setup();
    const { fileInput } = renderComposer();
    await user.upload(fileInput, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Remove notes.txt' }));
    expect(screen.queryByRole('list', { name: 'Files to send' })).toBeNull();
    await waitFor(() => expect(server.received.map((request) => `${request.method} ${request.path}`)).toContain('DELETE /api/upload/id-notes.txt'));
  });

  it('takes files dropped on it or pasted into the text box, at most ten per message', async () => {
    renderComposer();
    const box = screen.getByLabelText('Message');
    const files = Array.from({ length: 11 }, (_, index) => new File(['a'], `part-${index + 1}.txt`, { type: 'text/plain' }));
    fireEvent.drop(box, { dataTransfer: { files: files.slice(0, 9), types: ['Files'] } });
    fireEvent.paste(box, { clipboardData: { files: files.slice(9), getData: () => '' } });

    const chips = within(screen.getByRole('list', { name: 'Files to send' }));
    expect(chips.getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByRole('alert').textContent).toBe('A message can carry at most 10 files; 1 file was not added.');
    await waitFor(() => expect(screen.queryAllByRole('progressbar')).toHaveLength(0));
  });

  it('shows the chat’s tools toggle as pressed while tools are on', async () => {
    const user = userEvent.setup();
    const onToggleTools = vi.fn();
    const { rerender } = render(<Composer isStreaming={false} disabledReason={null} isToolsEnabled onToggleTools={onToggleTools} onSend={vi.fn()} onStop={vi.fn()} />);
    const toggle = screen.getByRole('button', { name: 'Tools' });
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    await user.click(toggle);
    expect(onToggleTools).toHaveBeenCalledTimes(1);
    rerender(<Composer isStreaming={false} disabledReason={null} isToolsEnabled={false} onToggleTools={onToggleTools} onSend={vi.fn()} onStop={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Tools' }).getAttribute('aria-pressed')).toBe('false');
  });
});
