import { useMemo } from 'react';
import { Alert } from '../../components/ui/alert';
import { PageHeader } from '../../components/ui/page-header';
import { LoadingState } from '../../components/ui/spinner';
import { useChatSession } from '../../features/chat/hooks/use-chat-session';
import { useChatStore } from '../../features/chat/stores/chat-store';
import { deleteGeneratedImage, generatedImageFilename, listGeneratedImages } from '../../features/chat/stores/generated-images';
import { ImagesGallery } from '../../features/images/components/images-gallery';
import type { ImageLibrary } from '../../features/images/lib/image-library';
import { useDocumentTitle } from '../use-document-title';

/** The gallery reads the images the chat keeps in the user's browser database. */
const chatImageLibrary: ImageLibrary = {
  list: async () => (await listGeneratedImages()).map((image) => ({ ...image, filename: generatedImageFilename(image) })),
  remove: deleteGeneratedImage,
};

/** `/images`: every image the user's chats generated or edited, kept in this browser. */
export function ImagesPage() {
  useDocumentTitle('Images');
  const { isLoaded, loadError } = useChatSession();
  const conversations = useChatStore((state) => state.conversations);
  const titles = useMemo(() => new Map(conversations.map((conversation) => [conversation.id, conversation.title])), [conversations]);
  let body;
  if (loadError) body = <Alert tone="error">{loadError}</Alert>;
  else if (!isLoaded) body = <LoadingState label="Opening your images…" />;
  else body = <ImagesGallery library={chatImageLibrary} conversationTitles={titles} />;
  return (
    <>
      <PageHeader title="Images" description="Images your chats generated or edited, kept in this browser." />
      {body}
    </>
  );
}
