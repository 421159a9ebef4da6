import type { Workflow } from '@claraverse/engine';
import type { Agent } from '@claraverse/shared';
import { useReactFlow } from '@xyflow/react';
import { Eye, GitBranch, RotateCcw, Save } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { LoadingState } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-messages';
import { formatDateTime } from '../../../lib/format-date';
import { useWorkflowVersion } from '../api/get-workflow-version';
import { useWorkflowVersions, type WorkflowVersionSummary } from '../api/list-workflow-versions';
import { useRestoreWorkflowVersion } from '../api/restore-workflow-version';
import { useSaveWorkflowVersion } from '../api/save-workflow-version';
import { useEditorStore, useEditorStoreApi } from '../stores/editor-store-context';
import { VersionPreview } from './version-preview';
import { diffWorkflows } from './workflow-diff';

/**
 * The Versions tab: saved snapshots of the workflow (newest first) with their description, block count and time;
 * save the current workflow as a new version; preview a version read-only with its differences to the current
 * workflow; restore one (the server saves it as a new version and the editor shows it). Restoring over unsaved
 * edits asks first.
 */
export function VersionsPanel({ agent }: { agent: Agent }) {
  const store = useEditorStoreApi();
  const { fitView } = useReactFlow();
  const currentWorkflow = useEditorStore((state) => state.workflow);
  const isDirty = useEditorStore((state) => state.isDirty);
  const versionsQuery = useWorkflowVersions(agent.id);
  const restore = useRestoreWorkflowVersion(agent.id);
  const [previewed, setPreviewed] = useState<WorkflowVersionSummary | undefined>();
  const [confirming, setConfirming] = useState<number | undefined>();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const versionQuery = useWorkflowVersion(agent.id, previewed?.version);
  const diff = useMemo(() => (versionQuery.data ? diffWorkflows(versionQuery.data.workflow, currentWorkflow) : undefined), [versionQuery.data, currentWorkflow]);

  const doRestore = async (version: number) => {
    setConfirming(undefined);
    setMessage(undefined);
    try {
      const response = await restore.mutateAsync(version);
      store.getState().replaceWorkflow(response.workflow as unknown as Workflow, { saved: true });
      // Frame the restored blocks once React Flow has them.
      requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1, duration: 200 }));
      setPreviewed(undefined);
      setMessage({ tone: 'success', text: `Restored version ${version}; it is now the current workflow (version ${response.version}).` });
    } catch (error) {
      setMessage({ tone: 'error', text: `Could not restore version ${version}: ${describeError(error)}` });
    }
  };

  const requestRestore = (version: number) => {
    if (store.getState().isDirty) setConfirming(version);
    else void doRestore(version);
  };

  return (
    <div className="flex flex-col gap-4 p-4">
      <SaveVersionForm agentId={agent.id} onSaved={(text) => setMessage({ tone: 'success', text })} />
      {message ? (
        <Alert tone={message.tone} className="text-sm">
          {message.text}
        </Alert>
      ) : null}
      <section aria-labelledby="versions-heading" className="flex flex-col gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <h3 id="versions-heading" className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">
            Saved versions
          </h3>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            Editing version {agent.workflowVersion}
            {isDirty ? ' · unsaved changes' : ''}
          </span>
        </div>
        <VersionList
          query={versionsQuery}
          restoringVersion={restore.isPending ? restore.variables : undefined}
          onPreview={setPreviewed}
          onRestore={requestRestore}
        />
      </section>

      {previewed ? (
        <VersionPreview
          version={previewed.version}
          description={previewed.description}
          createdAt={previewed.createdAt}
          workflow={versionQuery.data?.workflow}
          diff={diff}
          loadError={versionQuery.isError ? describeError(versionQuery.error) : undefined}
          onRestore={() => requestRestore(previewed.version)}
          isRestoring={restore.isPending}
          onClose={() => setPreviewed(undefined)}
        />
      ) : null}

      <ConfirmRestoreDialog version={confirming} onCancel={() => setConfirming(undefined)} onConfirm={(version) => void doRestore(version)} />
    </div>
  );
}

/** Saves the editor's workflow as a new version with a description (the server validates it like any save). */
function SaveVersionForm({ agentId, onSaved }: { agentId: string; onSaved: (message: string) => void }) {
  const store = useEditorStoreApi();
  const save = useSaveWorkflowVersion(agentId);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const workflow = store.getState().workflow;
    try {
      const response = await save.mutateAsync({ workflow, description: description.trim() });
      // Edits made while saving are still unsaved.
      if (store.getState().workflow === workflow) store.getState().markSaved();
      setDescription('');
      onSaved(`Saved as version ${response.version}.`);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.code === 'validation_failed' && caught.message ? caught.message : describeError(caught));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950/40">
      <TextField label="Describe this version" placeholder="e.g. Added the Slack message" value={description} onValueChange={setDescription} maxLength={500} error={error} />
      <Button type="submit" size="small" className="self-end" isLoading={save.isPending} icon={<Save aria-hidden="true" className="size-3.5" />}>
        Save as version
      </Button>
    </form>
  );
}

interface VersionListItemProps {
  item: WorkflowVersionSummary;
  isLatest: boolean;
  isRestoring: boolean;
  onPreview: () => void;
  onRestore: () => void;
}

function VersionListItem({ item, isLatest, isRestoring, onPreview, onRestore }: VersionListItemProps) {
  return (
    <li aria-label={`Version ${item.version}`} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center gap-2">
        <span className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">Version {item.version}</span>
        {isLatest ? <Badge tone="accent">Latest</Badge> : null}
        <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">{formatDateTime(item.createdAt)}</span>
      </div>
      <p className="mt-1 text-sm break-words text-zinc-700 dark:text-zinc-300">
        {item.description || <span className="text-zinc-500 italic dark:text-zinc-400">No description</span>}
      </p>
      <div className="mt-2 flex items-center gap-2">
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {item.blockCount} {item.blockCount === 1 ? 'block' : 'blocks'}
        </span>
        <Button className="ml-auto" size="small" variant="secondary" icon={<Eye aria-hidden="true" className="size-3.5" />} aria-label={`Preview version ${item.version}`} onClick={onPreview}>
          Preview
        </Button>
        <Button size="small" variant="secondary" icon={<RotateCcw aria-hidden="true" className="size-3.5" />} aria-label={`Restore version ${item.version}`} isLoading={isRestoring} onClick={onRestore}>
          Restore
        </Button>
      </div>
    </li>
  );
}

interface VersionListProps {
  query: ReturnType<typeof useWorkflowVersions>;
  restoringVersion: number | undefined;
  onPreview: (item: WorkflowVersionSummary) => void;
  onRestore: (version: number) => void;
}

function VersionList({ query, restoringVersion, onPreview, onRestore }: VersionListProps) {
  return query.isPending ? (
    <LoadingState label="Loading versions…" />
  ) : query.isError ? (
    <Alert tone="error" title="The versions could not be loaded">
      <p>{describeError(query.error)}</p>
      <Button className="mt-2" size="small" variant="secondary" onClick={() => void query.refetch()}>
        Try again
      </Button>
    </Alert>
  ) : query.data.length === 0 ? (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center dark:border-zinc-700">
      <GitBranch aria-hidden="true" className="size-6 text-zinc-400" />
      <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">No saved versions yet</p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">Save a version above to keep a copy of the workflow you can come back to.</p>
    </div>
  ) : (
    <ol aria-label="Versions" className="flex flex-col gap-2">
      {query.data.map((item, index) => (
        <VersionListItem
          key={item.version}
          item={item}
          isLatest={index === 0}
          isRestoring={restoringVersion === item.version}
          onPreview={() => onPreview(item)}
          onRestore={() => onRestore(item.version)}
        />
      ))}
    </ol>
  );
}

function ConfirmRestoreDialog({ version, onCancel, onConfirm }: { version: number | undefined; onCancel: () => void; onConfirm: (version: number) => void }) {
  return (
    // Its keys must not reach the editor's shortcuts (Backspace would delete the selected blocks behind it).
    <div onKeyDown={(event) => event.key !== 'Escape' && event.stopPropagation()}>
      <Dialog
        isOpen={version !== undefined}
        title="Discard your unsaved changes?"
        description={`The workflow has changes you have not saved. Restoring version ${version ?? ''} replaces them; they cannot be brought back.`}
        onClose={onCancel}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Keep editing
          </Button>
          <Button variant="danger" onClick={() => version !== undefined && onConfirm(version)}>
            Discard and restore
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
