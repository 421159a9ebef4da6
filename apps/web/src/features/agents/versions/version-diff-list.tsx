import { Minus, Pencil, Plus } from 'lucide-react';
import type { ReactNode } from 'react';
import { blockTypeInfo } from '../lib/block-catalog';
import { describeField, shortValue, type WorkflowDiff } from './workflow-diff';

function Section({ title, tone, children }: { title: string; tone: 'added' | 'removed' | 'changed'; children: ReactNode }) {
  const Icon = tone === 'added' ? Plus : tone === 'removed' ? Minus : Pencil;
  const color =
    tone === 'added' ? 'text-emerald-700 dark:text-emerald-400' : tone === 'removed' ? 'text-red-700 dark:text-red-400' : 'text-amber-700 dark:text-amber-400';
  return (
    <section aria-label={title} className="flex flex-col gap-1.5">
      <h4 className={`flex items-center gap-1.5 text-xs font-semibold tracking-wide uppercase ${color}`}>
        <Icon aria-hidden="true" className="size-3.5" />
        {title}
      </h4>
      <ul className="flex flex-col gap-1 text-sm text-zinc-800 dark:text-zinc-200">{children}</ul>
    </section>
  );
}

/**
 * The difference between a saved version and the current workflow as a readable list: blocks added since the
 * version, removed since (restoring brings them back), changed (with which fields), and rewired connections.
 */
export function VersionDiffList({ diff, version }: { diff: WorkflowDiff; version: number }) {
  if (diff.isEmpty) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">Version {version} is identical to the current workflow.</p>;
  }
  return (
    <div className="flex flex-col gap-4">
      {diff.addedBlocks.length > 0 ? (
        <Section title={`Added since version ${version}`} tone="added">
          {diff.addedBlocks.map((block) => (
            <li key={block.id}>
              <span className="font-medium">{block.name}</span> <span className="text-zinc-500 dark:text-zinc-400">· {blockTypeInfo(block.type).label}</span>
            </li>
          ))}
        </Section>
      ) : null}
      {diff.removedBlocks.length > 0 ? (
        <Section title={`Removed since version ${version}`} tone="removed">
          {diff.removedBlocks.map((block) => (
            <li key={block.id}>
              <span className="font-medium">{block.name}</span> <span className="text-zinc-500 dark:text-zinc-400">· {blockTypeInfo(block.type).label}</span>
            </li>
          ))}
        </Section>
      ) : null}
      {diff.changedBlocks.length > 0 ? (
        <Section title={`Changed since version ${version}`} tone="changed">
          {diff.changedBlocks.map((change) => (
            <li key={change.blockId}>
              <span className="font-medium">{change.name}</span>
              {change.previousName === change.name ? null : <span className="text-zinc-500 dark:text-zinc-400"> (was {change.previousName})</span>}
              <ul className="mt-0.5 flex flex-col gap-0.5 text-xs text-zinc-600 dark:text-zinc-400">
                {change.changes.map(({ field, before, after }) => {
                  const [was, now] = [shortValue(before), shortValue(after)];
                  return (
                    <li key={field} className="break-words">
                      <span className="font-medium text-zinc-700 dark:text-zinc-300">{describeField(field)}</span>
                      {was !== undefined && now !== undefined && field !== 'name' ? (
                        <>
                          : <code className="font-mono text-red-700 line-through decoration-red-400/60 dark:text-red-400">{was}</code> →{' '}
                          <code className="font-mono text-emerald-700 dark:text-emerald-400">{now}</code>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </Section>
      ) : null}
      {diff.addedConnections.length > 0 ? (
        <Section title="Connections added" tone="added">
          {diff.addedConnections.map((connection) => (
            <li key={connection.key}>{connection.label}</li>
          ))}
        </Section>
      ) : null}
      {diff.removedConnections.length > 0 ? (
        <Section title="Connections removed" tone="removed">
          {diff.removedConnections.map((connection) => (
            <li key={connection.key}>{connection.label}</li>
          ))}
        </Section>
      ) : null}
      {diff.variablesChanged ? <p className="text-sm text-zinc-700 dark:text-zinc-300">The workflow variables differ.</p> : null}
    </div>
  );
}
