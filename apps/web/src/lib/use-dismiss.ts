import { type RefObject, useEffect } from 'react';

/**
 * Closes a popover (menu, picker) when the user presses Escape or points anywhere outside `containerRef`,
 * while `isOpen`. `onDismiss` receives how it was dismissed, so a menu can return focus to its button on Escape.
 */
export function useDismiss(isOpen: boolean, containerRef: RefObject<HTMLElement | null>, onDismiss: (reason: 'escape' | 'outside') => void): void {
  useEffect(() => {
    if (!isOpen) return;
    const handlePointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) onDismiss('outside');
    };
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss('escape');
    };
    document.addEventListener('pointerdown', handlePointerDown);
    document.addEventListener('keydown', handleKeyDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
      document.removeEventListener('keydown', handleKeyDown);
    };
  }, [isOpen, containerRef, onDismiss]);
}
