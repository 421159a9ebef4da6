import { useState } from 'react';
import { Field } from '../../../../components/ui/field';
import { Textarea } from '../../../../components/ui/textarea';
import { useEditorStore, useEditorStoreApi } from '../../stores/editor-store-context';
import type { TypeSettingsProps } from './basic-type-settings';
import { ConfigSelect, ConfigTextArea, ConfigTextField } from './config-fields';
import { DraftTextArea, headerLines, jsonText, lineList } from './draft-text-area';

/** `llm_inference`: model, prompts with the available `{{…}}` paths, and tools (a list for now). */
export function LlmSettings({ blockId, paths }: TypeSettingsProps) {
  return (
    <>
      <ConfigTextField blockId={blockId} configKey="model" label="Model" placeholder="Default model" hint="A model id; empty uses the default model." />
      <ConfigTextArea blockId={blockId} configKey="systemPrompt" label="System prompt" rows={4} hint="What this block must do, in the imperative." />
      <ConfigTextArea blockId={blockId} configKey="userPrompt" label="User prompt" rows={3} paths={paths} />
      <DraftTextArea key={`${blockId}-tools`} blockId={blockId} configKey="enabledTools" label="Tools" hint="One tool name per line." {...lineList} />
    </>
  );
}

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'].map((method) => ({ value: method, label: method }));

/** `http_request`: method, URL, headers and body (templates allowed in all of them). */
export function HttpRequestSettings({ blockId, paths }: TypeSettingsProps) {
  return (
    <>
      <div className="grid grid-cols-[7rem_1fr] gap-3">
        <ConfigSelect blockId={blockId} configKey="method" label="Method" fallback="GET" options={methods} />
        <ConfigTextField blockId={blockId} configKey="url" label="URL" placeholder="https://api.example.com/items" />
      </div>
      <DraftTextArea key={`${blockId}-headers`} blockId={blockId} configKey="headers" label="Headers" hint="One “Name: value” per line." {...headerLines} />
      <ConfigTextArea blockId={blockId} configKey="body" label="Body" rows={4} isCode paths={paths} />
    </>
  );
}

/** Types without their own form yet (tool call, code, merge, sub-agent, webhook): the config as JSON. */
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
