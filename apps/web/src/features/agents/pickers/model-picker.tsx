import type { UserModel } from '@claraverse/shared';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { Select } from '../../../components/ui/select';
import { describeError } from '../../../lib/error-messages';
import { useAgentModels } from '../api/list-agent-models';
import { CapabilityBadges } from './capability-badges';

interface ModelPickerProps {
  /** The block's model id; undefined runs on the instance default (the first model). */
  value: string | undefined;
  onChange: (modelId: string | undefined) => void;
  /** The block calls tools (or must answer in JSON): a model without that capability gets a warning. */
  needs: { tools: boolean; structuredOutput: boolean };
}

const defaultValue = '';

function optionLabel(model: UserModel): string {
  return `${model.displayName} · ${model.providerName}${model.isOwn ? ' (yours)' : ''}`;
}

/** The model of an LLM block: the models the user may use (provider, capabilities) or the instance default. */
export function ModelPicker({ value, onChange, needs }: ModelPickerProps) {
  const models = useAgentModels();
  const list = models.data ?? [];
  const chosen = value === undefined ? list[0] : list.find((model) => model.id === value || model.name === value);
  const isUnknown = value !== undefined && models.isSuccess && chosen === undefined;
  const options = [
    { value: defaultValue, label: list[0] === undefined ? 'Instance default' : `Instance default (${list[0].displayName})` },
    ...list.map((model) => ({ value: model.id, label: optionLabel(model) })),
    ...(value !== undefined && chosen === undefined ? [{ value, label: isUnknown ? `${value} (not available)` : value }] : []),
  ];
  const missing = chosen === undefined ? [] : [needs.tools && !chosen.capabilities.tools ? 'tool calls' : null, needs.structuredOutput && !chosen.capabilities.structuredOutput ? 'JSON output' : null].filter((entry) => entry !== null);
  return (
    <div className="flex flex-col gap-2">
      <Field
        label="Model"
        error={isUnknown ? 'This model is not available to you any more; choose another.' : undefined}
        hint={models.isLoading ? 'Loading models…' : undefined}
      >
        {(control) => (
          <Select
            {...control}
            disabled={models.isLoading}
            options={options}
            value={chosen !== undefined && value !== undefined ? chosen.id : (value ?? defaultValue)}
            onChange={(event) => onChange(event.target.value === defaultValue ? undefined : event.target.value)}
          />
        )}
      </Field>
      {models.isError ? <Alert tone="error">{`The models could not be loaded. ${describeError(models.error)}`}</Alert> : null}
      {chosen !== undefined ? (
        <div aria-label="Chosen model" role="group" className="flex flex-col gap-1.5 rounded-lg border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-950">
          <p className="flex items-baseline justify-between gap-2 text-xs">
            <span className="truncate font-medium text-zinc-800 dark:text-zinc-200">{chosen.displayName}</span>
            <span className="shrink-0 text-zinc-500 dark:text-zinc-400">{chosen.providerName}</span>
          </p>
          <CapabilityBadges capabilities={chosen.capabilities} />
          {missing.length > 0 ? <p className="text-xs text-amber-700 dark:text-amber-400">{`This model does not support ${missing.join(' or ')}, which this block uses.`}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
