import { useState } from 'react';
import { Checkbox } from '../../../../components/ui/checkbox';
import { classNames } from '../../../../lib/class-names';
import { fromJsonSchema, rowsProblem, toJsonSchema, type SchemaNode } from './schema-model';
import { PropertyList } from './schema-property-list';
import { SchemaJsonEditor } from './schema-json-editor';

interface SchemaEditorProps {
  /** The block's `outputSchema` (undefined: free text). */
  value: unknown;
  onChange: (schema: Record<string, unknown> | undefined) => void;
}

const starterSchema = { type: 'object', properties: { answer: { type: 'string', description: 'The result' } }, required: ['answer'], additionalProperties: false };

/** The structured output of an LLM block: fields in a table, or the raw JSON Schema, with problems shown inline. */
export function SchemaEditor({ value, onChange }: SchemaEditorProps) {
  const read = value === undefined ? undefined : fromJsonSchema(value);
  const [mode, setMode] = useState<'table' | 'json'>(read !== undefined && 'error' in read ? 'json' : 'table');
  // Each switch (and each enabling) starts the other view from the saved schema.
  const [generation, setGeneration] = useState(0);
  const switchTo = (next: 'table' | 'json') => {
    setMode(next);
    setGeneration((count) => count + 1);
  };
  const tableBlocked = read !== undefined && 'error' in read ? read.error : undefined;
  return (
    <div className="flex flex-col gap-3">
      <Checkbox
        label="Structured output"
        description="The answer is JSON matching a schema (output.data)."
        isChecked={value !== undefined}
        onChange={(isChecked) => {
          onChange(isChecked ? starterSchema : undefined);
          setGeneration((count) => count + 1);
        }}
      />
      {value !== undefined ? (
        <>
          <div role="group" aria-label="Schema view" className="inline-flex self-start rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
            {(['table', 'json'] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={mode === option}
                disabled={option === 'table' && tableBlocked !== undefined}
                onClick={() => switchTo(option)}
                className={classNames(
                  'rounded-md px-2.5 py-1 text-xs font-medium disabled:opacity-50',
                  mode === option ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-100' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                )}
              >
                {option === 'table' ? 'Fields' : 'JSON Schema'}
              </button>
            ))}
          </div>
          {mode === 'table' && read !== undefined && 'node' in read ? (
            <SchemaTable key={generation} initial={read.node} onChange={onChange} />
          ) : (
            <SchemaJsonEditor key={generation} value={value} onChange={onChange} tableNote={tableBlocked} />
          )}
        </>
      ) : null}
    </div>
  );
}

function SchemaTable({ initial, onChange }: { initial: SchemaNode; onChange: (schema: Record<string, unknown>) => void }) {
  const [root, setRoot] = useState(initial);
  const problem = rowsProblem(root);
  return (
    <div className="flex flex-col gap-2">
      {root.type !== 'object' ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">The answer is a single {root.type}; switch to JSON Schema to change it.</p>
      ) : (
        <PropertyList
          node={root}
          path="answer"
          depth={0}
          onChange={(next) => {
            setRoot(next);
            if (rowsProblem(next) === undefined) onChange(toJsonSchema(next));
          }}
        />
      )}
      {problem !== undefined ? (
        <p role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">
          {`${problem} The schema is saved once this is fixed.`}
        </p>
      ) : null}
    </div>
  );
}
