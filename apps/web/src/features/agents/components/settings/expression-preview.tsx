import { compileExpression } from '@claraverse/engine';
import { useEffect, useState } from 'react';
import { Field } from '../../../../components/ui/field';
import { Textarea } from '../../../../components/ui/textarea';
import { useDebouncedValue } from '../../../../lib/use-debounced-value';
import { sampleScope } from '../../pickers/sample-scope';
import { describeExpressionError } from './expression-error';

type Preview = { state: 'ok' | 'error'; text: string; expression: string } | { state: 'idle' };

/** Parses the sample: the scope must be a JSON object (input, variables, blocks by id). */
function parseSample(sample: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(sample) as unknown;
  } catch (error) {
    throw new Error(`The sample is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('The sample must be a JSON object: { "input": …, "<block id>": … }.');
  return parsed as Record<string, unknown>;
}

/**
 * A sample scope (editable JSON, by default built from the paths the block can use) and the result of a JSONata
 * expression over it, evaluated with the engine's compileExpression (errors read as validation and runs report them).
 */
export function ExpressionPreview({ expression, paths }: { expression: string; paths: readonly string[] }) {
  const [sample, setSample] = useState(() => JSON.stringify(sampleScope(paths), null, 2));
  const debouncedExpression = useDebouncedValue(expression, 150);
  const debouncedSample = useDebouncedValue(sample, 150);
  const [computed, setPreview] = useState<Preview>({ state: 'idle' });
  // An emptied expression shows the prompt again at once (no stale result of the previous one).
  const preview: Preview = expression.trim() === '' ? { state: 'idle' } : computed;

  useEffect(() => {
    let isCurrent = true;
    if (debouncedExpression.trim() === '') return;
    const run = async (): Promise<Preview> => {
      try {
        const scope = parseSample(debouncedSample);
        const result = await compileExpression(debouncedExpression).evaluate(scope);
        return { state: 'ok', text: result === undefined ? '(nothing)' : JSON.stringify(result, null, 2), expression: debouncedExpression };
      } catch (error) {
        return { state: 'error', text: describeExpressionError(error), expression: debouncedExpression };
      }
    };
    void run().then((next) => {
      if (isCurrent) setPreview(next);
    });
    return () => {
      isCurrent = false;
    };
  }, [debouncedExpression, debouncedSample]);

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950">
      <Field label="Sample input" hint="What the expression reads: input, variables and upstream blocks by id (JSON).">
        {(control) => <Textarea {...control} rows={5} isCode spellCheck={false} value={sample} onChange={(event) => setSample(event.target.value)} />}
      </Field>
      <div>
        <p className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">Preview</p>
        {preview.state === 'error' ? (
          <p role="alert" className="rounded-md bg-red-50 px-2.5 py-2 font-mono text-xs text-red-800 dark:bg-red-950 dark:text-red-300">
            {preview.text}
          </p>
        ) : (
          <pre aria-label="Preview result" className="max-h-40 overflow-auto rounded-md bg-white px-2.5 py-2 font-mono text-xs text-zinc-800 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-900 dark:text-zinc-200 dark:ring-zinc-800">
            {preview.state === 'ok' ? preview.text : 'Type an expression to see its result.'}
          </pre>
        )}
      </div>
    </div>
  );
}
