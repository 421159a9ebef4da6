import { useState } from 'react';
import { Field } from '../../../../components/ui/field';
import { Textarea } from '../../../../components/ui/textarea';
import { fromJsonSchema } from './schema-model';

/** Text → schema, or the sentence saying what is wrong (JSON syntax with its position, or the schema's shape). */
export function parseSchemaText(text: string): { schema: Record<string, unknown> } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const read = fromJsonSchema(parsed);
  if ('error' in read) return { error: read.error };
  if (read.node.type !== 'object') return { error: '$: the answer must be an object ("type": "object").' };
  return { schema: parsed as Record<string, unknown> };
}

/** The raw JSON Schema; written to the block each time it is valid, its problem shown under it otherwise. */
export function SchemaJsonEditor({ value, onChange, tableNote }: { value: unknown; onChange: (schema: Record<string, unknown>) => void; tableNote: string | undefined }) {
  const [draft, setDraft] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string | undefined>();
  return (
    <Field label="JSON Schema" error={error} hint={tableNote === undefined ? 'Types, properties, required, items, enum.' : `The fields view cannot show this schema (${tableNote}).`}>
      {(control) => (
        <Textarea
          {...control}
          rows={10}
          isCode
          spellCheck={false}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            const parsed = parseSchemaText(event.target.value);
            if ('error' in parsed) return setError(parsed.error);
            setError(undefined);
            onChange(parsed.schema);
          }}
        />
      )}
    </Field>
  );
}
