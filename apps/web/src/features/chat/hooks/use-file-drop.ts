import { useState, type ClipboardEvent, type DragEvent } from 'react';

function hasFiles(event: DragEvent): boolean {
  return [...event.dataTransfer.types].includes('Files');
}

/**
 * Files dropped on a zone or pasted into a text box go to `onFiles`. Text drags and pastes behave as usual.
 * Nothing is taken while `isEnabled` is false.
 */
export function useFileDrop(isEnabled: boolean, onFiles: (files: File[]) => void) {
  const [isDragging, setIsDragging] = useState(false);

  const dropZoneProps = {
    onDragOver: (event: DragEvent) => {
      if (!isEnabled || !hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setIsDragging(true);
    },
    onDragLeave: () => setIsDragging(false),
    onDrop: (event: DragEvent) => {
      setIsDragging(false);
      if (!isEnabled || !hasFiles(event)) return;
      event.preventDefault();
      onFiles([...event.dataTransfer.files]);
    },
  };

  const handlePaste = (event: ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (!isEnabled || files.length === 0) return;
    // A copied picture comes without text: the text box stays as it is. With text (a copied page), both are kept.
    if (!event.clipboardData.getData('text/plain')) event.preventDefault();
    onFiles(files);
  };

  return { isDragging, dropZoneProps, handlePaste };
}
