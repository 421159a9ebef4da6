import { useState } from 'react';
import { Field } from '../../../../components/ui/field';
import { Textarea } from '../../../../components/ui/textarea';
import { useEditorStore, useEditorStoreApi } from '../../stores/editor-store-context';
import type { TypeSettingsProps } from './basic-type-settings';
import { jsonText } from './draft-text-area';

/** Types without their own form yet (code, merge, sub-agent, webhook): the config as JSON. */
export function JsonConfigSettings({ blockId }: TypeSettingsProps) {
  const store = useEditorStoreApi();
  const config = useEditorStore((state) => state.blocksById.get(blockId)?.config);
  const [draft, setDraft] = useState(() => jsonText.format(config));
  const [error, setError] = useState<string | undefined>();
  return (
    <Field label="Configuration (JSON)" error={error}>
      {(control) => (
        <Textarea
          {...control}
          rows={8}
          isCode
          spellCheck={false}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            const parsed = jsonText.parse(event.target.value);
            if ('error' in parsed) return setError(parsed.error);
            if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return setError('The configuration must be a JSON object.');
            setError(undefined);
            const next = parsed.value as Record<string, unknown>;
            const removed = Object.fromEntries(Object.keys(config ?? {}).filter((key) => !(key in next)).map((key) => [key, undefined]));
            store.getState().updateConfig(blockId, { ...removed, ...next });
          }}
        />
      )}
    </Field>
  );
}
