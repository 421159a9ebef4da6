import type { Block } from '@claraverse/engine';
import type { UserModel } from '@claraverse/shared';
import { QueryClientContext, useQuery } from '@tanstack/react-query';
import { useCallback, useContext } from 'react';
import { useIsApiAvailable } from '../api/api-availability';
import { agentModelsQueryOptions } from '../api/list-agent-models';
import { blockModelId, blockSummary, modelLabel } from '../lib/block-summary';

type SummarizedBlock = Pick<Block, 'type' | 'config'>;

function Line({ text, title }: { text: string; title?: string | undefined }) {
  if (text === '') return null;
  return (
    <p title={title ?? text} className="mt-0.5 truncate font-mono text-[11px] leading-4 text-zinc-600 dark:text-zinc-300">
      {text}
    </p>
  );
}

/**
 * An LLM block's summary with its model named from the user's models: the one models query of the model picker
 * (shared by every node through its key), each node selecting only its own label, so a node re-renders when that
 * label changes and not when the list is refetched.
 */
function LlmSummaryLine({ block }: { block: SummarizedBlock }) {
  const modelId = blockModelId(block.config);
  const select = useCallback((models: UserModel[]) => modelLabel(modelId, models), [modelId]);
  const label = useQuery({ ...agentModelsQueryOptions, select, enabled: modelId !== undefined });
  // The stored id is all there is to show when the models cannot be read.
  const model = modelId === undefined ? undefined : (label.data ?? (label.isError ? modelId : 'loading model…'));
  const title = label.data === 'unknown model' ? `The model "${modelId ?? ''}" is not among your models` : undefined;
  return <Line text={blockSummary(block, { model })} title={title} />;
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
