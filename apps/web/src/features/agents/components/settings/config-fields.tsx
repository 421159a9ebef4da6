import { useRef, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Field } from '../../../../components/ui/field';
import { Input } from '../../../../components/ui/input';
import { Select, type SelectOption } from '../../../../components/ui/select';
import { Textarea } from '../../../../components/ui/textarea';
import { TemplateInput, TemplateTextArea } from '../../pickers/template-controls';
import { useEditorStore, useEditorStoreApi } from '../../stores/editor-store-context';

/** The props every config field takes: which block and which config key it edits. */
export interface ConfigFieldProps {
  blockId: string;
  configKey: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** One config value of a block and a setter that writes it through the store (undefined removes the key). */
export function useConfigValue(blockId: string, configKey: string): [unknown, (value: unknown) => void] {
  const store = useEditorStoreApi();
  const value = useEditorStore((state) => state.blocksById.get(blockId)?.config[configKey]);
  return [value, (next) => store.getState().updateConfig(blockId, { [configKey]: next })];
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

/** A one-line text config value; with `paths`, a template with `{{…}}` autocomplete. */
export function ConfigTextField({ blockId, configKey, label, hint, error, placeholder, paths }: ConfigFieldProps & { placeholder?: string; paths?: readonly string[] }) {
  const [value, setValue] = useConfigValue(blockId, configKey);
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) =>
        paths === undefined ? (
          <Input {...control} value={asText(value)} placeholder={placeholder} onChange={(event) => setValue(event.target.value)} />
        ) : (
          <TemplateInput control={control} value={asText(value)} placeholder={placeholder} paths={paths} onChange={setValue} />
        )
      }
    </Field>
  );
}

interface ConfigTextAreaProps extends ConfigFieldProps {
  placeholder?: string;
  rows?: number;
  isCode?: boolean;
  /** Template paths: typing `{{` offers them, and the hint under the field lists them (a click inserts one at the cursor). */
  paths?: readonly string[];
}

/** A multi-line text config value (prompts, templates, expressions). */
export function ConfigTextArea({ blockId, configKey, label, hint, error, placeholder, rows = 3, isCode = false, paths }: ConfigTextAreaProps) {
  const [value, setValue] = useConfigValue(blockId, configKey);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const text = asText(value);
  const insert = (path: string) => {
    const element = textarea.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const placeholderText = `{{${path}}}`;
    // Rendered at once, so the caret can be put right after the inserted placeholder.
    flushSync(() => setValue(text.slice(0, start) + placeholderText + text.slice(end)));
    element?.focus();
    element?.setSelectionRange(start + placeholderText.length, start + placeholderText.length);
  };
  return (
    <Field label={label} hint={paths === undefined ? hint : <WithPaths hint={hint} paths={paths} onInsert={insert} />} error={error}>
      {(control) =>
        paths === undefined ? (
          <Textarea {...control} ref={textarea} rows={rows} isCode={isCode} spellCheck={!isCode} value={text} placeholder={placeholder} onChange={(event) => setValue(event.target.value)} />
        ) : (
          <TemplateTextArea control={control} textareaRef={textarea} rows={rows} isCode={isCode} value={text} placeholder={placeholder} paths={paths} onChange={setValue} />
        )
      }
    </Field>
  );
}

/** A number config value; emptying the field removes the key (the engine's default applies). */
export function ConfigNumberField({ blockId, configKey, label, hint, error, min, max }: ConfigFieldProps & { min?: number; max?: number }) {
  const [value, setValue] = useConfigValue(blockId, configKey);
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <Input
          {...control}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={typeof value === 'number' ? String(value) : asText(value)}
          onChange={(event) => setValue(event.target.value === '' ? undefined : Number(event.target.value))}
        />
      )}
    </Field>
  );
}

/** A choice among fixed config values. */
export function ConfigSelect({ blockId, configKey, label, hint, options, fallback }: ConfigFieldProps & { options: readonly SelectOption[]; fallback: string }) {
  const [value, setValue] = useConfigValue(blockId, configKey);
  return (
    <Field label={label} hint={hint}>
      {(control) => <Select {...control} options={options} value={typeof value === 'string' ? value : fallback} onChange={(event) => setValue(event.target.value)} />}
    </Field>
  );
}

function WithPaths({ hint, paths, onInsert }: { hint: ReactNode; paths: readonly string[]; onInsert: (path: string) => void }) {
  return (
    <>
      {hint ? <span className="mb-1 block">{hint}</span> : null}
      <PathHint paths={paths} onInsert={onInsert} />
    </>
  );
}

/** The `{{…}}` paths a template can use here, as a hint under prompt and template fields (buttons with onInsert). */
export function PathHint({ paths, onInsert }: { paths: readonly string[]; onInsert?: (path: string) => void }) {
  const chip = 'rounded bg-zinc-100 px-1 py-px font-mono text-[11px] text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300';
  return (
    <span>
      {onInsert === undefined ? 'Type {{ for a path:' : 'Type {{ or insert:'}{' '}
      {paths.map((path, index) => (
        <span key={path}>
          {index > 0 ? ' ' : null}
          {onInsert === undefined ? (
            <code className={chip}>{`{{${path}}}`}</code>
          ) : (
            <button type="button" className={`${chip} hover:bg-violet-100 hover:text-violet-800 dark:hover:bg-violet-950 dark:hover:text-violet-300`} onClick={() => onInsert(path)}>
              {`{{${path}}}`}
            </button>
          )}
        </span>
      ))}
    </span>
  );
}
