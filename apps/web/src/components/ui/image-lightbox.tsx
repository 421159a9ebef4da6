import { Download, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';

interface ImageLightboxProps {
  src: string;
  alt: string;
  /** Offers a download with this file name. */
  downloadName?: string;
  onClose: () => void;
}

const controlClasses =
  'inline-flex items-center gap-1.5 rounded-lg bg-white/90 px-2.5 py-1.5 text-sm font-medium text-zinc-900 shadow hover:bg-white dark:bg-zinc-800/90 dark:text-zinc-100 dark:hover:bg-zinc-800';

/** An image at full size over the page: Escape, the close button or a click beside the image close it. */
export function ImageLightbox({ src, alt, downloadName, onClose }: ImageLightboxProps) {
  const closeRef = useRef<HTMLButtonElement>(null);
  // The latest handler, so that a parent re-rendering (a reply streaming) does not re-run the focus effect.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onCloseRef.current();
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('keydown', handleKeyDown);
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div role="dialog" aria-modal="true" aria-label={alt} className="fixed inset-0 z-50 flex flex-col items-center justify-center gap-3 p-4">
      <div aria-hidden="true" className="absolute inset-0 bg-zinc-950/80" onClick={onClose} />
      <div className="relative flex gap-2 self-end">
        {downloadName ? (
          <a href={src} download={downloadName} className={controlClasses}>
            <Download aria-hidden="true" className="size-4" /> Download
          </a>
        ) : null}
        <button ref={closeRef} type="button" onClick={onClose} aria-label="Close" className={controlClasses}>
          <X aria-hidden="true" className="size-4" />
        </button>
      </div>
      <img src={src} alt={alt} className="relative max-h-[85dvh] max-w-full rounded-lg bg-white object-contain shadow-2xl dark:bg-zinc-900" />
    </div>,
    document.body,
  );
}
