import { ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { classNames } from '../../../lib/class-names';

/** Levels opened at first; deeper objects start folded so a large output stays readable. */
const openLevels = 2;

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === 'object';
}

function Scalar({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="break-all text-emerald-700 dark:text-emerald-400">&quot;{value}&quot;</span>;
  if (typeof value === 'number') return <span className="text-sky-700 dark:text-sky-400">{value}</span>;
  if (typeof value === 'boolean') return <span className="text-violet-700 dark:text-violet-400">{String(value)}</span>;
  return <span className="text-zinc-500 dark:text-zinc-400">{value === undefined ? 'undefined' : 'null'}</span>;
}

function Node({ name, value, depth }: { name: string | undefined; value: unknown; depth: number }) {
  const [isOpen, setOpen] = useState(depth < openLevels);
  const label = name === undefined ? null : <span className="text-zinc-700 dark:text-zinc-300">{name}: </span>;
  if (!isContainer(value)) {
    return (
      <li className="pl-5">
        {label}
        <Scalar value={value} />
      </li>
    );
  }
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <li>
      <button
        type="button"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        className="inline-flex items-center gap-0.5 rounded text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <ChevronRight aria-hidden="true" className={classNames('size-4 shrink-0 text-zinc-500 transition-transform', isOpen && 'rotate-90')} />
        {label ?? <span className="text-zinc-700 dark:text-zinc-300">{Array.isArray(value) ? 'list' : 'object'} </span>}
        <span className="text-zinc-500 dark:text-zinc-400">{summary}</span>
      </button>
      {isOpen && entries.length > 0 ? (
        <ul className="ml-2 border-l border-zinc-200 pl-1 dark:border-zinc-800">
          {entries.map(([key, item]) => (
            <Node key={key} name={key} value={item} depth={depth + 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** A JSON value as a tree whose objects and lists fold and unfold (buttons with aria-expanded). */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  return (
    <ul aria-label={label} className="font-mono text-xs leading-5">
      <Node name={undefined} value={value} depth={0} />
    </ul>
  );
}
