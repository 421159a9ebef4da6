import { Download, Images, MessageSquare, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { ImageLightbox } from '../../../components/ui/image-lightbox';
import { LoadingState } from '../../../components/ui/spinner';
import { formatDateTime } from '../../../lib/format-date';
import { useLibraryImages, type ShownImage } from '../hooks/use-library-images';
import type { ImageLibrary } from '../lib/image-library';

interface ImagesGalleryProps {
  library: ImageLibrary;
  /** Titles of the chats still in this browser, by id; an image of a deleted chat has no link. */
  conversationTitles: ReadonlyMap<string, string>;
}

const actionClasses =
  'inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50';

function ImageCard({ image, chatTitle, onOpen, onDelete }: { image: ShownImage; chatTitle: string | undefined; onOpen: () => void; onDelete: () => void }) {
  const alt = `Generated image ${image.handle}`;
  return (
    <li className="flex min-w-0 flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <button type="button" onClick={onOpen} aria-label={`Enlarge ${image.handle}`} className="aspect-square w-full bg-zinc-100 dark:bg-zinc-800">
        <img src={image.url} alt={alt} loading="lazy" className="size-full object-cover" />
      </button>
      <div className="flex min-w-0 flex-col gap-1 p-2.5">
        <p className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
          <span className="font-medium whitespace-nowrap text-zinc-900 dark:text-zinc-100">{image.handle}</span>
          <time dateTime={new Date(image.createdAt).toISOString()} className="min-w-0 truncate text-xs text-zinc-500 dark:text-zinc-400">
            {formatDateTime(new Date(image.createdAt).toISOString())}
          </time>
        </p>
        {chatTitle === undefined ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Its chat was deleted.</p>
        ) : (
          <Link
            to={`/chat/${image.conversationId}`}
            aria-label={`Open the chat ${chatTitle}`}
            className="flex min-w-0 items-center gap-1 text-xs text-violet-700 hover:underline dark:text-violet-400"
          >
            <MessageSquare aria-hidden="true" className="size-3.5 shrink-0" />
            <span className="truncate">{chatTitle}</span>
          </Link>
        )}
        <div className="-ml-1.5 flex flex-wrap gap-1">
          <a href={image.url} download={image.filename} className={actionClasses} aria-label={`Download ${image.handle}`}>
            <Download aria-hidden="true" className="size-3.5" /> Download
          </a>
          <button type="button" onClick={onDelete} className={actionClasses} aria-label={`Delete ${image.handle}`}>
            <Trash2 aria-hidden="true" className="size-3.5" /> Delete
          </button>
        </div>
      </div>
    </li>
  );
}

/** Every image the user's chats generated or edited in this browser: enlarge, open its chat, download, delete. */
export function ImagesGallery({ library, conversationTitles }: ImagesGalleryProps) {
  const { state, remove } = useLibraryImages(library);
  const [openImage, setOpenImage] = useState<ShownImage | null>(null);
  const [pendingDelete, setPendingDelete] = useState<ShownImage | null>(null);
  const [isDeleting, setIsDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  if (state.status === 'loading') return <LoadingState label="Reading your images…" />;
  if (state.status === 'error') return <Alert tone="error">{state.message}</Alert>;
  if (state.images.length === 0) {
    return (
      <EmptyState
        icon={<Images aria-hidden="true" className="size-6" />}
        title="No images yet"
        description="Images that the image tools generate or edit in your chats are kept here, in this browser."
      />
    );
  }

  const handleConfirmDelete = async () => {
    if (!pendingDelete) return;
    setIsDeleting(true);
    setDeleteError(null);
    try {
      await remove(pendingDelete.fileId);
      setPendingDelete(null);
    } catch (error) {
      console.error('Could not delete an image', error);
      setDeleteError('The image could not be deleted. Try again.');
    } finally {
      setIsDeleting(false);
    }
  };

  return (
    <>
      <ul aria-label="Images" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {state.images.map((image) => (
          <ImageCard
            key={image.fileId}
            image={image}
            chatTitle={conversationTitles.get(image.conversationId)}
            onOpen={() => setOpenImage(image)}
            onDelete={() => {
              setDeleteError(null);
              setPendingDelete(image);
            }}
          />
        ))}
      </ul>
      {openImage ? (
        <ImageLightbox src={openImage.url} alt={`Generated image ${openImage.handle}`} downloadName={openImage.filename} onClose={() => setOpenImage(null)} />
      ) : null}
      <Dialog
        isOpen={pendingDelete !== null}
        title={`Delete ${pendingDelete?.handle ?? 'this image'}?`}
        description="It is removed from this browser. Its chat then shows that the image is no longer kept here."
        onClose={() => setPendingDelete(null)}
      >
        {deleteError ? (
          <Alert tone="error" className="mb-3">
            {deleteError}
          </Alert>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setPendingDelete(null)}>
            Cancel
          </Button>
          <Button variant="danger" isLoading={isDeleting} onClick={() => void handleConfirmDelete()}>
            Delete image
          </Button>
        </div>
      </Dialog>
    </>
  );
}
