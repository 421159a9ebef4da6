import { useState, type ReactNode } from 'react';
import { Field } from '../../../../components/ui/field';
import { Textarea } from '../../../../components/ui/textarea';
import { TemplateTextArea } from '../../pickers/template-controls';
import { useConfigValue } from './config-fields';

interface DraftTextAreaProps<T> {
  blockId: string;
  configKey: string;
  label: string;
  hint?: ReactNode;
  rows?: number;
  /** Config value → text shown. */
  format: (value: unknown) => string;
  /** Text → config value, or an error sentence when the text does not parse. */
  parse: (text: string) => { value: T } | { error: string };
  /** Template paths offered after `{{` (headers, argument mappings). */
  paths?: readonly string[];
}

/**
 * A text area over a structured config value (a list, headers, JSON): the text is kept as typed while it does not
 * parse, and the config is written each time it does. Mount it with `key={blockId}` so another block starts fresh.
 */
export function DraftTextArea<T>({ blockId, configKey, label, hint, rows = 3, format, parse, paths }: DraftTextAreaProps<T>) {
  const [value, setValue] = useConfigValue(blockId, configKey);
  const [draft, setDraft] = useState(() => format(value));
  const [error, setError] = useState<string | undefined>();
  const change = (text: string) => {
    setDraft(text);
    const parsed = parse(text);
    if ('error' in parsed) setError(parsed.error);
    else {
      setError(undefined);
      setValue(parsed.value);
    }
  };
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) =>
        paths === undefined ? (
          <Textarea {...control} rows={rows} isCode spellCheck={false} value={draft} onChange={(event) => change(event.target.value)} />
        ) : (
          <TemplateTextArea control={control} rows={rows} isCode value={draft} paths={paths} onChange={change} />
        )
      }
    </Field>
  );
}

/** One entry per line (tools, required tools). */
export const lineList = {
  format: (value: unknown) => (Array.isArray(value) ? value.map(String).join('\n') : ''),
  parse: (text: string) => ({ value: text.split('\n').map((line) => line.trim()).filter((line) => line !== '') }),
};

/** `Name: value` per line (HTTP headers). */
export const headerLines = {
  format: (value: unknown) =>
    value !== null && typeof value === 'object' ? Object.entries(value as Record<string, unknown>).map(([name, header]) => `${name}: ${String(header)}`).join('\n') : '',
  parse: (text: string): { value: Record<string, string> } | { error: string } => {
    const headers: Record<string, string> = {};
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) return { error: `"${line.trim()}" is not "Name: value".` };
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
    return { value: headers };
  },
};

/** A JSON object whose values may be templates (a tool call's arguments); empty text removes it. */
export const jsonObjectText = {
  format: (value: unknown) => (value === undefined ? '' : JSON.stringify(value, null, 2)),
  parse: (text: string): { value: Record<string, unknown> | undefined } | { error: string } => {
    if (text.trim() === '') return { value: undefined };
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'The arguments must be a JSON object: { "name": "value or {{path}}" }.' };
      return { value: parsed as Record<string, unknown> };
    } catch (error) {
      return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
};

/** A JSON value (the whole config of types without their own form). */
export const jsonText = {
  format: (value: unknown) => JSON.stringify(value ?? {}, null, 2),
  parse: (text: string): { value: unknown } | { error: string } => {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch (error) {
      return { error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  },
};
