import type { ToolRecommendation, ToolSummary } from '@claraverse/shared';
import { useId } from 'react';
import { Badge } from '../../../components/ui/badge';
import { credentialsPagePath } from '../api/block-settings-paths';

interface ToolOptionProps {
  tool: ToolSummary;
  mode: 'multiple' | 'single';
  /** Radio group name in single mode. */
  groupName: string;
  isSelected: boolean;
  onToggle: (isSelected: boolean) => void;
  recommendation: ToolRecommendation | undefined;
  /** The tool's integration has no credential of the user. */
  needsCredential: boolean;
  /** Multiple mode: whether the block must call it, and its toggle (shown once selected). */
  isRequired?: boolean;
  onRequiredChange?: ((isRequired: boolean) => void) | undefined;
}

/** One tool of the picker: choose it, its description, a recommendation badge and a missing credential. */
export function ToolOption({ tool, mode, groupName, isSelected, onToggle, recommendation, needsCredential, isRequired = false, onRequiredChange }: ToolOptionProps) {
  const id = useId();
  return (
    <li className="relative flex gap-2.5 px-3 py-2">
      <input
        id={id}
        type={mode === 'multiple' ? 'checkbox' : 'radio'}
        name={mode === 'single' ? groupName : undefined}
        checked={isSelected}
        onChange={(event) => onToggle(event.target.checked)}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4 shrink-0 accent-violet-700"
      />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-1.5">
          <label htmlFor={id} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
            {tool.displayName}
          </label>
          {recommendation !== undefined ? (
            <span title={`Matches ${recommendation.matchedKeywords.join(', ')}`}>
              <Badge tone="accent">Recommended</Badge>
            </span>
          ) : null}
          {needsCredential ? <Badge tone="warning">Needs a credential</Badge> : null}
        </div>
        <p id={`${id}-description`} className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400">
          {tool.description}
        </p>
        {needsCredential ? (
          <a href={credentialsPagePath} target="_blank" rel="noreferrer" className="text-xs font-medium text-violet-700 underline-offset-2 hover:underline dark:text-violet-400">
            {`Add a ${tool.integration ?? ''} credential`}
          </a>
        ) : null}
        {isSelected && onRequiredChange !== undefined ? (
          <label className="flex items-center gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
            <input
              type="checkbox"
              aria-label={`Required: ${tool.displayName}`}
              checked={isRequired}
              onChange={(event) => onRequiredChange(event.target.checked)}
              className="size-3.5 accent-violet-700"
            />
            <span aria-hidden="true">Required (the block must call it)</span>
          </label>
        ) : null}
      </div>
    </li>
  );
}
