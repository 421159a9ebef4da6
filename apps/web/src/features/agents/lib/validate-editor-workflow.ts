import { builtInBlocks, validateWorkflow, type Workflow, type WorkflowIssue } from '@claraverse/engine';

/** The same ceiling the server applies; the editor only warns, the server refuses. */
const maxBlocks = 10_000;

/** Validation as the server does it, grouped for the canvas: issues of each block, and all of them. */
export interface EditorValidation {
  issues: readonly WorkflowIssue[];
  byBlock: ReadonlyMap<string, readonly WorkflowIssue[]>;
}

const sameIssues = (a: readonly WorkflowIssue[], b: readonly WorkflowIssue[]) => a.length === b.length && a.every((issue, index) => issue.message === b[index]?.message);

/**
 * Runs the engine's validateWorkflow (shape, cycles, start block, config, templates, ports) and keys issues by block.
 * A block whose issues did not change keeps the previous list object, so its node does not re-render.
 */
export function validateEditorWorkflow(workflow: Workflow, previous?: EditorValidation): EditorValidation {
  const issues = validateWorkflow(workflow, { knownBlockTypes: builtInBlocks, maxBlocks });
  const byBlock = new Map<string, WorkflowIssue[]>();
  for (const issue of issues) {
    for (const blockId of new Set(issue.blockIds)) {
      const list = byBlock.get(blockId);
      if (list === undefined) byBlock.set(blockId, [issue]);
      else list.push(issue);
    }
  }
  if (previous !== undefined) {
    for (const [blockId, list] of byBlock) {
      const before = previous.byBlock.get(blockId);
      if (before !== undefined && sameIssues(before, list)) byBlock.set(blockId, before as WorkflowIssue[]);
    }
  }
  return { issues, byBlock };
}
