import { builtInBlocks, retryPolicySchema, type ErrorPolicy, type RetryPolicy } from '@claraverse/engine';
import { Field } from '../../../../components/ui/field';
import { Select } from '../../../../components/ui/select';
import { OptionalNumberField } from './optional-number-field';
import { useEditorStore, useEditorStoreApi } from '../../stores/editor-store-context';

/** The engine's block timeout when neither the block nor its type gives one. */
const engineDefaultTimeoutSeconds = 30;
/** The engine's retry defaults (no retries; 1 s first delay, doubling). */
const retryDefaults = retryPolicySchema.parse({});

/** The timeout a block of this type gets when it sets none, and the least it may have (the engine's rules). */
export function timeoutDefaults(type: string): { seconds: number; minimum: number } {
  const executor = builtInBlocks.get(type);
  const minimum = executor?.minTimeoutSeconds ?? 0;
  return { seconds: Math.max(executor?.defaultTimeoutSeconds ?? engineDefaultTimeoutSeconds, minimum), minimum };
}

const errorPolicies: { value: ErrorPolicy; label: string; explanation: string }[] = [
  { value: 'continue', label: 'Continue other branches (default)', explanation: 'Blocks after this one are skipped; other branches go on.' },
  { value: 'stop', label: 'Stop the run', explanation: 'The whole run fails at once.' },
  { value: 'error-branch', label: 'Follow an error output', explanation: 'The block gets an “error” output: connect what should handle the failure.' },
];

/** Timeout, retries (count, first delay, backoff) and error policy of any block, with the engine's defaults as placeholders. */
export function ReliabilitySettings({ blockId, type }: { blockId: string; type: string }) {
  const store = useEditorStoreApi();
  const timeoutSeconds = useEditorStore((state) => state.blocksById.get(blockId)?.timeoutSeconds);
  const retry = useEditorStore((state) => state.blocksById.get(blockId)?.retry);
  const onError = useEditorStore((state) => state.blocksById.get(blockId)?.onError);
  const update = store.getState().updateBlock;
  const timeout = timeoutDefaults(type);
  const policy = errorPolicies.find((entry) => entry.value === (onError ?? 'continue'))!;
  const setRetry = (key: keyof RetryPolicy, value: number | undefined) => {
    const { [key]: _previous, ...rest } = retry ?? {};
    const next = value === undefined ? rest : { ...rest, [key]: value };
    update(blockId, { retry: Object.keys(next).length === 0 ? undefined : next });
  };
  const retries = retry?.maxRetries ?? retryDefaults.maxRetries;
  return (
    <fieldset className="flex flex-col gap-4 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <legend className="sr-only">Timeout, retries and errors</legend>
      <p className="text-xs font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">Reliability</p>
      <div className="grid grid-cols-2 gap-3">
        <OptionalNumberField
          label="Timeout (s)"
          hint={timeout.minimum > 0 ? `At least ${timeout.minimum} s for this type.` : `Empty: ${timeout.seconds} s.`}
          range={[1, 86_400]}
          placeholder={timeout.seconds}
          value={timeoutSeconds}
          onChange={(value) => update(blockId, { timeoutSeconds: value })}
        />
        <OptionalNumberField label="Retries" hint="Transient errors only." range={[0, 10]} placeholder={retryDefaults.maxRetries} value={retry?.maxRetries} onChange={(value) => setRetry('maxRetries', value)} />
      </div>
      {retries > 0 ? (
        <div className="grid grid-cols-2 gap-3">
          <OptionalNumberField label="First retry after (ms)" range={[0, 600_000]} placeholder={retryDefaults.initialDelayMs} value={retry?.initialDelayMs} onChange={(value) => setRetry('initialDelayMs', value)} />
          <OptionalNumberField
            label="Backoff (×)"
            hint={`Up to ${retryDefaults.maxDelayMs / 1_000} s apart.`}
            range={[1, 10]}
            step={0.5}
            placeholder={retryDefaults.backoffMultiplier}
            value={retry?.backoffMultiplier}
            onChange={(value) => setRetry('backoffMultiplier', value)}
          />
        </div>
      ) : null}
      <Field label="When it fails" hint={policy.explanation}>
        {(control) => (
          <Select
            {...control}
            options={errorPolicies}
            value={policy.value}
            onChange={(event) => update(blockId, { onError: event.target.value === 'continue' ? undefined : (event.target.value as ErrorPolicy) })}
          />
        )}
      </Field>
    </fieldset>
  );
}
