import { useEditorStore } from '../../stores/editor-store-context';
import { ModelPicker } from '../../pickers/model-picker';
import { SchemaEditor } from '../../pickers/schema/schema-editor';
import { ToolPicker } from '../../pickers/tool-picker';
import type { TypeSettingsProps } from './basic-type-settings';
import { ConfigTextArea, useConfigValue } from './config-fields';
import { IntegrationCredentials } from './integration-credentials';

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `llm_inference`: model, prompts with `{{…}}` autocomplete, tools (required ones), credentials and structured output. */
export function LlmSettings({ blockId, paths }: TypeSettingsProps) {
  const name = useEditorStore((state) => state.blocksById.get(blockId)?.name ?? '');
  const description = useEditorStore((state) => state.blocksById.get(blockId)?.description ?? '');
  const [model, setModel] = useConfigValue(blockId, 'model');
  const [systemPrompt] = useConfigValue(blockId, 'systemPrompt');
  const [userPrompt] = useConfigValue(blockId, 'userPrompt');
  const [enabledTools, setEnabledTools] = useConfigValue(blockId, 'enabledTools');
  const [requiredTools, setRequiredTools] = useConfigValue(blockId, 'requiredTools');
  const [outputSchema, setOutputSchema] = useConfigValue(blockId, 'outputSchema');
  const tools = asList(enabledTools);
  return (
    <>
      <ModelPicker
        value={typeof model === 'string' && model !== '' ? model : undefined}
        onChange={setModel}
        needs={{ tools: tools.length > 0, structuredOutput: outputSchema !== undefined }}
      />
      <ConfigTextArea blockId={blockId} configKey="systemPrompt" label="System prompt" rows={4} paths={paths} hint="What this block must do, in the imperative." />
      <ConfigTextArea blockId={blockId} configKey="userPrompt" label="User prompt" rows={3} paths={paths} />
      <ToolPicker
        label="Tools"
        mode="multiple"
        selected={tools}
        onChange={(names) => setEnabledTools(names.length === 0 ? undefined : names)}
        required={asList(requiredTools)}
        onRequiredChange={(names) => setRequiredTools(names.length === 0 ? undefined : names)}
        context={{ name, description, systemPrompt: asText(systemPrompt), userPrompt: asText(userPrompt) }}
      />
      <IntegrationCredentials blockId={blockId} toolNames={tools} />
      <SchemaEditor key={`${blockId}-schema`} value={outputSchema} onChange={setOutputSchema} />
    </>
  );
}
