import { ImageOff } from 'lucide-react';
import { useState } from 'react';
import { ImageLightbox } from '../../../components/ui/image-lightbox';
import { Spinner } from '../../../components/ui/spinner';
import type { GeneratedImageReference } from '../lib/chat-types';
import { generatedImageFilename, useGeneratedImageUrl } from '../stores/generated-images';

const tileClasses = 'flex size-28 shrink-0 items-center justify-center overflow-hidden rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-800';

function GeneratedImageTile({ image, onOpen }: { image: GeneratedImageReference; onOpen: (url: string) => void }) {
  const url = useGeneratedImageUrl(image.fileId);
  const alt = `Generated image ${image.handle}`;
  if (url === undefined) {
    return (
      <div className={tileClasses}>
        <Spinner label={`Loading ${alt}`} />
      </div>
    );
  }
  if (url === 'missing') {
    return (
      <div className={`${tileClasses} flex-col gap-1 p-2 text-center text-xs text-zinc-500 dark:text-zinc-400`}>
        <ImageOff aria-hidden="true" className="size-5" />
        <span>{image.handle} is not kept in this browser.</span>
      </div>
    );
  }
  return (
    <button type="button" onClick={() => onOpen(url)} className={`${tileClasses} hover:ring-2 hover:ring-violet-500 focus-visible:ring-2 focus-visible:ring-violet-500`} aria-label={`Enlarge ${image.handle}`}>
      <img src={url} alt={alt} className="size-full object-cover" />
    </button>
  );
}

/** The images a tool generated or edited, as thumbnails; a click shows one at full size. */
export function ImageStrip({ images }: { images: readonly GeneratedImageReference[] }) {
  const [open, setOpen] = useState<{ image: GeneratedImageReference; url: string } | null>(null);
  if (images.length === 0) return null;
  return (
    <>
      <ul aria-label="Generated images" className="flex gap-2 overflow-x-auto pb-1">
        {images.map((image) => (
          <li key={image.fileId}>
            <GeneratedImageTile image={image} onOpen={(url) => setOpen({ image, url })} />
          </li>
        ))}
      </ul>
      {open ? (
        <ImageLightbox
          src={open.url}
          alt={`Generated image ${open.image.handle}`}
          downloadName={generatedImageFilename(open.image)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
