import { Field } from '../../../../components/ui/field';
import { Select } from '../../../../components/ui/select';
import { useEditorStoreApi } from '../../stores/editor-store-context';
import { ConfigNumberField, ConfigSelect, ConfigTextArea, ConfigTextField, PathHint, useConfigValue } from './config-fields';
import { ExpressionPreview } from './expression-preview';
import { expressionError } from './expression-error';

/** Props of every per-type form: the block and the template paths it can use. */
export interface TypeSettingsProps {
  blockId: string;
  paths: readonly string[];
}

/** `variable`: the start block (run input as text, JSON or file) or a set of a workflow variable. */
export function VariableSettings({ blockId, paths }: TypeSettingsProps) {
  const [operation] = useConfigValue(blockId, 'operation');
  return (
    <>
      <ConfigSelect blockId={blockId} configKey="operation" label="Operation" fallback="read" options={[{ value: 'read', label: 'Start: read the run input' }, { value: 'set', label: 'Set a variable' }]} />
      {operation === 'set' ? (
        <>
          <ConfigTextField blockId={blockId} configKey="variableName" label="Variable name" />
          <ConfigTextArea blockId={blockId} configKey="value" label="Value" hint="A template such as {{input.email}}." paths={paths} />
        </>
      ) : (
        <>
          <ConfigSelect
            blockId={blockId}
            configKey="inputType"
            label="Input type"
            fallback="text"
            options={[
              { value: 'text', label: 'Text' },
              { value: 'json', label: 'JSON' },
              { value: 'file', label: 'File' },
            ]}
          />
          <ConfigTextArea blockId={blockId} configKey="defaultValue" label="Default value" hint="Used when a run gives no input." />
        </>
      )}
    </>
  );
}

/** `transform`: a JSONata expression with a live preview over a sample input. */
export function TransformSettings({ blockId, paths }: TypeSettingsProps) {
  const [expression] = useConfigValue(blockId, 'expression');
  const text = typeof expression === 'string' ? expression : '';
  return (
    <>
      <ConfigTextArea blockId={blockId} configKey="expression" label="JSONata expression" isCode rows={4} error={expressionError(text)} hint="Reads input, variables and blocks by id, e.g. `fetch-feed`.body.items." />
      <ExpressionPreview key={blockId} expression={text} paths={paths} />
    </>
  );
}

/** `condition`: a JSONata expression; its truthiness picks the `true` or `false` output. */
export function ConditionSettings({ blockId, paths }: TypeSettingsProps) {
  const [expression] = useConfigValue(blockId, 'expression');
  const text = typeof expression === 'string' ? expression : '';
  return (
    <>
      <ConfigTextArea blockId={blockId} configKey="expression" label="Condition (JSONata)" isCode rows={3} error={expressionError(text)} hint="True sends the run down the true output, false down the false output." />
      <ExpressionPreview key={blockId} expression={text} paths={paths} />
    </>
  );
}

/** `delay`: how long to wait. */
export function DelaySettings({ blockId }: TypeSettingsProps) {
  return <ConfigNumberField blockId={blockId} configKey="durationMs" label="Duration (milliseconds)" min={0} max={86_400_000} hint="Up to 24 hours." />;
}

/** `output`: names a result of the run; its value is a template. */
export function OutputSettings({ blockId, paths }: TypeSettingsProps) {
  return <ConfigTextArea blockId={blockId} configKey="value" label="Value" rows={3} paths={paths} />;
}

/** `loop`: the list to go over (template or JSONata), how many at once and the most allowed. */
export function LoopSettings({ blockId, paths }: TypeSettingsProps) {
  const store = useEditorStoreApi();
  const [itemsExpression] = useConfigValue(blockId, 'itemsExpression');
  const [items] = useConfigValue(blockId, 'items');
  const usesExpression = typeof itemsExpression === 'string';
  const switchMode = (mode: string) => {
    if (mode === 'expression' && !usesExpression) {
      const fromTemplate = typeof items === 'string' ? items.replace(/^\{\{\s*|\s*\}\}$/g, '') : '';
      store.getState().updateConfig(blockId, { items: undefined, itemsExpression: fromTemplate === '' ? 'input' : fromTemplate });
    } else if (mode === 'template' && usesExpression) {
      store.getState().updateConfig(blockId, { items: '{{input}}', itemsExpression: undefined });
    }
  };
  return (
    <>
      <Field label="Items from">
        {(control) => (
          <Select
            {...control}
            value={usesExpression ? 'expression' : 'template'}
            onChange={(event) => switchMode(event.target.value)}
            options={[
              { value: 'template', label: 'A template ({{…}})' },
              { value: 'expression', label: 'A JSONata expression' },
            ]}
          />
        )}
      </Field>
      {usesExpression ? (
        <>
          <ConfigTextArea blockId={blockId} configKey="itemsExpression" label="Items expression" isCode error={expressionError(itemsExpression)} />
          <ExpressionPreview key={blockId} expression={typeof itemsExpression === 'string' ? itemsExpression : ''} paths={paths} />
        </>
      ) : (
        <ConfigTextField blockId={blockId} configKey="items" label="Items" hint={<PathHint paths={paths} />} paths={paths} />
      )}
      <div className="grid grid-cols-2 gap-3">
        <ConfigNumberField blockId={blockId} configKey="concurrency" label="At once" min={1} max={10} />
        <ConfigNumberField blockId={blockId} configKey="maxIterations" label="Max items" min={1} max={10_000} />
      </div>
    </>
  );
}
