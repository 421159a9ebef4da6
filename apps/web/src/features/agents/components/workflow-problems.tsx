import { CircleAlert, CircleCheck } from 'lucide-react';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';

/**
 * Every validation problem of the workflow (including those of no single block, such as a missing start block),
 * each with a button to select the blocks it names. Shown when no block is selected.
 */
export function WorkflowProblems() {
  const store = useEditorStoreApi();
  const issues = useEditorStore((state) => state.validation.issues);
  const blocksById = useEditorStore((state) => state.blocksById);
  if (issues.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-emerald-700 dark:text-emerald-400">
        <CircleCheck aria-hidden="true" className="size-4" />
        No problems: the workflow can be saved and run.
      </p>
    );
  }
  return (
    <section aria-labelledby="workflow-problems-title">
      <h3 id="workflow-problems-title" className="mb-2 flex items-center gap-2 text-sm font-semibold text-red-700 dark:text-red-400">
        <CircleAlert aria-hidden="true" className="size-4" />
        {issues.length === 1 ? '1 problem to fix before saving' : `${issues.length} problems to fix before saving`}
      </h3>
      <ul className="flex flex-col gap-2">
        {issues.map((issue, index) => {
          const blockIds = issue.blockIds.filter((id) => blocksById.has(id));
          return (
            <li key={`${issue.code}-${index}`} className="rounded-lg bg-red-50 p-2.5 text-xs text-red-800 dark:bg-red-950 dark:text-red-300">
              <p>{issue.message}</p>
              {blockIds.length > 0 ? (
                <button
                  type="button"
                  className="mt-1 font-medium underline underline-offset-2 hover:no-underline"
                  onClick={() => store.getState().select({ blockIds, connectionIds: [] })}
                >
                  {blockIds.length === 1 ? `Show ${blocksById.get(blockIds[0]!)?.name ?? 'the block'}` : `Select these ${blockIds.length} blocks`}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
