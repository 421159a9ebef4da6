import { useEditorStore } from '../../stores/editor-store-context';
import { ToolPicker } from '../../pickers/tool-picker';
import type { TypeSettingsProps } from './basic-type-settings';
import { useConfigValue } from './config-fields';
import { DraftTextArea, jsonObjectText } from './draft-text-area';
import { IntegrationCredentials } from './integration-credentials';

/** `code_block`: one tool called directly (no model), its arguments as templates, and its credential. */
export function CodeBlockSettings({ blockId, paths }: TypeSettingsProps) {
  const name = useEditorStore((state) => state.blocksById.get(blockId)?.name ?? '');
  const description = useEditorStore((state) => state.blocksById.get(blockId)?.description ?? '');
  const [toolName, setToolName] = useConfigValue(blockId, 'toolName');
  const selected = typeof toolName === 'string' && toolName !== '' ? [toolName] : [];
  return (
    <>
      <ToolPicker label="Tool" mode="single" selected={selected} onChange={(names) => setToolName(names[0] ?? '')} context={{ name, description }} />
      <DraftTextArea
        key={`${blockId}-arguments`}
        blockId={blockId}
        configKey="argumentMapping"
        label="Arguments (JSON)"
        rows={4}
        hint={'Values may be templates, e.g. { "query": "{{input}}" }. Empty: the fields of the blocks before it.'}
        paths={paths}
        {...jsonObjectText}
      />
      <IntegrationCredentials blockId={blockId} toolNames={selected} />
    </>
  );
}
