import { useId, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import { flushSync } from 'react-dom';
import { classNames } from '../../../lib/class-names';
import { filterPaths, insertPath, templateQueryAt } from './template-query';

type TextControl = HTMLInputElement | HTMLTextAreaElement;

interface Options<T extends TextControl> {
  text: string;
  setText: (text: string) => void;
  paths: readonly string[];
  /** The control's ref, when the caller needs it too (else one of its own). */
  ref?: RefObject<T | null> | undefined;
}

/** The props the text control spreads (caret tracking, keyboard, combobox ARIA). */
export interface AutocompleteControlProps<T extends TextControl> {
  ref: RefObject<T | null>;
  role: 'combobox';
  'aria-autocomplete': 'list';
  'aria-expanded': boolean;
  'aria-controls': string | undefined;
  'aria-activedescendant': string | undefined;
  onSelect: (event: SyntheticEvent<T>) => void;
  onKeyDown: (event: KeyboardEvent<T>) => void;
  onBlur: () => void;
}

/**
 * `{{…}}` autocomplete for a template field: typing `{{` opens the available paths, filtered as one types; arrows
 * move, Enter or Tab inserts the path and its closing braces, Escape closes the list until the next `{{`.
 */
export function useTemplateAutocomplete<T extends TextControl>({ text, setText, paths, ref: givenRef }: Options<T>): { control: AutocompleteControlProps<T>; list: ReactNode } {
  const ownRef = useRef<T>(null);
  const ref = givenRef ?? ownRef;
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState({ key: '', index: 0 });
  const query = caret === null || caret > text.length ? undefined : templateQueryAt(text, caret);
  const matches = query === undefined ? [] : filterPaths(paths, query.query).slice(0, 50);
  const isOpen = query !== undefined && query.start !== dismissedAt && matches.length > 0;
  const key = query === undefined ? '' : `${query.start}:${query.query}`;
  const activeIndex = active.key === key ? Math.min(active.index, matches.length - 1) : 0;
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (path: string) => {
    const element = ref.current;
    if (query === undefined || caret === null) return;
    const next = insertPath(text, caret, query, path);
    // Rendered at once, so the caret can be put right after the inserted placeholder.
    flushSync(() => {
      setText(next.text);
      setCaret(next.caret);
    });
    element?.focus();
    element?.setSelectionRange(next.caret, next.caret);
  };

  const control: AutocompleteControlProps<T> = {
    ref,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': isOpen,
    'aria-controls': isOpen ? listId : undefined,
    'aria-activedescendant': isOpen ? optionId(activeIndex) : undefined,
    onSelect: (event) => {
      const position = event.currentTarget.selectionStart;
      setCaret(position === event.currentTarget.selectionEnd ? position : null);
    },
    onKeyDown: (event) => {
      if (!isOpen) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive({ key, index: (activeIndex + step + matches.length) % matches.length });
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        choose(matches[activeIndex]!);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query.start);
      }
    },
    onBlur: () => setCaret(null),
  };

  const list = isOpen ? (
    <ul
      id={listId}
      role="listbox"
      aria-label="Available paths"
      className="absolute top-full right-0 left-0 z-20 mt-1 max-h-48 overflow-auto rounded-lg border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
    >
      {matches.map((path, index) => (
        <li
          key={path}
          id={optionId(index)}
          role="option"
          aria-selected={index === activeIndex}
          // Keeps the focus (and the caret) in the field.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => choose(path)}
          className={classNames(
            'cursor-pointer truncate px-3 py-1.5 font-mono text-xs',
            index === activeIndex ? 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200' : 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
          )}
        >
          {`{{${path}}}`}
        </li>
      ))}
    </ul>
  ) : null;

  return { control, list };
}
