import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stubObjectUrls } from '../../../test/object-urls';
import { chatDatabaseName, openChatDatabase, type ChatDatabase } from '../stores/chat-database';
import { createChatRepository } from '../stores/chat-repository';
import { resetChatStore, useChatStore } from '../stores/chat-store';
import { deleteGeneratedImage, resetGeneratedImageUrls, saveGeneratedImages } from '../stores/generated-images';
import { ImageStrip } from './image-strip';

let database: ChatDatabase;
let name: string;
let objectUrls: ReturnType<typeof stubObjectUrls>;

beforeEach(() => {
  objectUrls = stubObjectUrls();
  name = chatDatabaseName(`strip-${crypto.randomUUID()}`);
  database = openChatDatabase(name);
  resetChatStore();
  resetGeneratedImageUrls();
  useChatStore.setState({ repository: createChatRepository(database) });
});

afterEach(async () => {
  database.close();
  await Dexie.delete(name);
  objectUrls.restore();
});

describe('ImageStrip', () => {
  it('shows kept images from the browser database, enlarges one for download, and says which are not kept', async () => {
    const user = userEvent.setup();
    await saveGeneratedImages({ id: 'a1', conversationId: 'c1' }, [{ handle: 'img-1', fileId: 'f1', mimeType: 'image/png', data: btoa('png one') }]);
    // A new tab: nothing in memory, the bytes are read back from IndexedDB.
    resetGeneratedImageUrls();

    render(
      <ImageStrip
        images={[
          { handle: 'img-1', fileId: 'f1', mimeType: 'image/png' },
          { handle: 'img-2', fileId: 'elsewhere', mimeType: 'image/png' },
        ]}
      />,
    );
    const image = await screen.findByRole('img', { name: 'Generated image img-1' });
    const url = image.getAttribute('src') ?? '';
    expect(await objectUrls.created.get(url)?.text()).toBe('png one');
    expect(await screen.findByText('img-2 is not kept in this browser.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Enlarge img-1' }));
    const dialog = screen.getByRole('dialog', { name: 'Generated image img-1' });
    const download = within(dialog).getByRole('link', { name: 'Download' });
    expect(download.getAttribute('href')).toBe(url);
    expect(download.getAttribute('download')).toBe('img-1.png');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('follows a deletion from the gallery', async () => {
    await saveGeneratedImages({ id: 'a1', conversationId: 'c1' }, [{ handle: 'img-3', fileId: 'f3', mimeType: 'image/jpeg', data: btoa('jpeg') }]);
    render(<ImageStrip images={[{ handle: 'img-3', fileId: 'f3', mimeType: 'image/jpeg' }]} />);
    const url = (await screen.findByRole('img', { name: 'Generated image img-3' })).getAttribute('src');

    await deleteGeneratedImage('f3');
    expect(await screen.findByText('img-3 is not kept in this browser.')).toBeTruthy();
    expect(objectUrls.revoked).toContain(url);
    expect(await database.images.count()).toBe(0);
  });
});
