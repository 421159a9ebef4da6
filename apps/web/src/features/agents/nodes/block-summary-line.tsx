import type { Block } from '@claraverse/engine';
import type { UserModel } from '@claraverse/shared';
import { QueryClientContext, useQuery } from '@tanstack/react-query';
import { useCallback, useContext } from 'react';
import { useIsApiAvailable } from '../api/api-availability';
import { agentModelsQueryOptions } from '../api/list-agent-models';
import { blockModelId, blockSummary, findModel, llmToolsNote, modelLabel } from '../lib/block-summary';

type SummarizedBlock = Pick<Block, 'type' | 'config'>;

const lineClasses = 'mt-0.5 font-mono text-[11px] leading-4 text-zinc-600 dark:text-zinc-300';

function Line({ text }: { text: string }) {
  if (text === '') return null;
  return (
    <p title={text} className={`${lineClasses} truncate`}>
      {text}
    </p>
  );
}

/** What a node needs of its model: its name and provider, or null when it is not among the user's models. */
type NamedModel = { name: string; provider: string } | null;

/**
 * An LLM block's summary with its model named from the user's models: the one models query of the model picker
 * (shared by every node through its key), each node selecting only its own model, so a node re-renders when that
 * changes and not when the list is refetched.
 */
function LlmSummaryLine({ block }: { block: SummarizedBlock }) {
  const modelId = blockModelId(block.config);
  const select = useCallback((models: UserModel[]): NamedModel => {
    const model = modelId === undefined ? undefined : findModel(modelId, models);
    return model === undefined ? null : { name: model.displayName, provider: model.providerName };
  }, [modelId]);
  const query = useQuery({ ...agentModelsQueryOptions, select, enabled: modelId !== undefined });
  const tools = llmToolsNote(block.config);
  const named = query.data ?? undefined;
  const isUnknown = query.data === null;
  let name: string;
  if (modelId === undefined) name = modelLabel(undefined, []);
  else if (named !== undefined) name = named.name;
  else if (isUnknown) name = modelLabel(modelId, []);
  // The stored id is all there is to show when the models cannot be read.
  else name = query.isError ? modelId : 'loading model…';
  const title = isUnknown ? `The model "${modelId ?? ''}" is not among your models` : blockSummary(block, { model: named ? `${named.name} · ${named.provider}` : name });
  // When the line is too long the provider gives way (a long name is cut at 60%); the number of tools stays in view.
  return (
    <p title={title} className={`${lineClasses} flex overflow-hidden whitespace-pre`}>
      <span className="max-w-[60%] shrink-0 truncate">{name}</span>
      {named ? <span className="min-w-0 truncate text-zinc-500 dark:text-zinc-400">{` · ${named.provider}`}</span> : null}
      {tools === '' ? null : <span className="shrink-0">{` · ${tools}`}</span>}
    </p>
  );
}

/**
 * The one-line summary of a block under its name on the canvas. An LLM block names its model by display name and
 * provider when the API can be read (the app); elsewhere (the editor's browser preview, without a query client or
 * an API) it shows the stored id.
 */
export function BlockSummaryLine({ block }: { block: SummarizedBlock }) {
  const hasQueryClient = useContext(QueryClientContext) !== undefined;
  const isApiAvailable = useIsApiAvailable();
  if (block.type === 'llm_inference' && hasQueryClient && isApiAvailable) return <LlmSummaryLine block={block} />;
  return <Line text={blockSummary(block)} />;
}
