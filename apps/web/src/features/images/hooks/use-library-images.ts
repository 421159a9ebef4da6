import { useCallback, useEffect, useState } from 'react';
import type { ImageLibrary, LibraryImage } from '../lib/image-library';

export interface ShownImage extends LibraryImage {
  /** An object URL of the bytes, valid while the gallery is on screen. */
  url: string;
}

type LibraryState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; images: ShownImage[] };

/**
 * The library's images with object URLs to show them; the URLs are released when an image is deleted and when
 * the gallery goes away.
 */
export function useLibraryImages(library: ImageLibrary) {
  const [state, setState] = useState<LibraryState>({ status: 'loading' });

  useEffect(() => {
    let isCurrent = true;
    let shown: ShownImage[] = [];
    library
      .list()
      .then((images) => {
        if (!isCurrent) return;
        shown = images.map((image) => ({ ...image, url: URL.createObjectURL(new Blob([image.bytes], { type: image.mimeType })) }));
        setState({ status: 'ready', images: shown });
      })
      .catch((error: unknown) => {
        console.error('Could not read the kept images', error);
        if (isCurrent) setState({ status: 'error', message: 'Your images could not be read: this browser blocks storage (private mode?) or it failed.' });
      });
    return () => {
      isCurrent = false;
      for (const image of shown) URL.revokeObjectURL(image.url);
    };
  }, [library]);

  /** Deletes one image; rejects (leaving the list as it was) when the browser refuses. */
  const remove = useCallback(
    async (fileId: string) => {
      await library.remove(fileId);
      setState((current) => {
        if (current.status !== 'ready') return current;
        const removed = current.images.find((image) => image.fileId === fileId);
        if (removed) URL.revokeObjectURL(removed.url);
        return { status: 'ready', images: current.images.filter((image) => image.fileId !== fileId) };
      });
    },
    [library],
  );

  return { state, remove };
}
