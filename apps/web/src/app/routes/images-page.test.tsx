import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatDatabaseName, openChatDatabase } from '../../features/chat/stores/chat-database';
import { resetChatStore } from '../../features/chat/stores/chat-store';
import { useSessionStore } from '../../stores/session-store';
import { buildSession } from '../../test/build-user';
import { createFakeFetch, jsonResponse } from '../../test/fake-fetch';
import { stubObjectUrls } from '../../test/object-urls';
import { renderWithProviders } from '../../test/render-with-providers';
import { ImagesPage } from './images-page';

let objectUrls: ReturnType<typeof stubObjectUrls>;
let userId: string;

beforeEach(() => {
  objectUrls = stubObjectUrls();
  userId = `user-${crypto.randomUUID()}`;
  resetChatStore();
  useSessionStore.getState().setSession(buildSession({ user: { ...buildSession().user, id: userId } }));
  vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/auth/status': () => jsonResponse({ hasUsers: true, registrationMode: 'open', instanceName: 'Lab' }) }).fetch);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  objectUrls.restore();
  resetChatStore();
  await Dexie.delete(chatDatabaseName(userId));
});

async function seed() {
  const database = openChatDatabase(chatDatabaseName(userId));
  await database.conversations.put({ id: 'c1', title: 'Fox drawings', modelId: null, systemPrompt: '', isStarred: false, createdAt: 1, updatedAt: 1, activeLeafId: null });
  const bytes = (text: string) => new TextEncoder().encode(text).buffer;
  await database.images.bulkPut([
    { fileId: 'f1', handle: 'img-1', conversationId: 'c1', messageId: 'a1', mimeType: 'image/png', bytes: bytes('first fox'), createdAt: Date.parse('2026-03-01T10:00:00Z') },
    { fileId: 'f2', handle: 'img-2', conversationId: 'gone', messageId: 'a9', mimeType: 'image/jpeg', bytes: bytes('old'), createdAt: Date.parse('2026-03-02T10:00:00Z') },
  ]);
  return database;
}

describe('ImagesPage', () => {
  it('lists the kept images, newest first, with their chat, a download and a delete', async () => {
    const user = userEvent.setup();
    const database = await seed();
    renderWithProviders(<ImagesPage />, { path: '/images' });

    expect(screen.getByRole('heading', { name: 'Images', level: 1 })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Images' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards.map((card) => within(card).getByRole('img').getAttribute('alt'))).toEqual(['Generated image img-2', 'Generated image img-1']);

    const fox = within(cards[1]!);
    expect(fox.getByRole('link', { name: 'Open the chat Fox drawings' }).getAttribute('href')).toBe('/chat/c1');
    const download = fox.getByRole('link', { name: 'Download img-1' });
    expect(download.getAttribute('download')).toBe('img-1.png');
    expect(await objectUrls.created.get(download.getAttribute('href') ?? '')?.text()).toBe('first fox');
    expect(within(cards[0]!).getByText('Its chat was deleted.')).toBeTruthy();
    expect(within(cards[0]!).getByRole('link', { name: 'Download img-2' }).getAttribute('download')).toBe('img-2.jpg');

    await user.click(fox.getByRole('button', { name: 'Delete img-1' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete img-1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete image' }));

    await waitFor(() => expect(screen.queryByRole('img', { name: 'Generated image img-1' })).toBeNull());
    expect(await database.images.toCollection().primaryKeys()).toEqual(['f2']);
    expect(objectUrls.revoked).toContain(download.getAttribute('href'));
    database.close();
  });

  it('says where images come from when there are none', async () => {
    renderWithProviders(<ImagesPage />, { path: '/images' });
    expect(await screen.findByText('No images yet')).toBeTruthy();
  });
});
