import type { Workflow, WorkflowIssue } from '@claraverse/engine';
import type { Agent } from '@claraverse/shared';
import { ArrowLeft, GitBranch, History, Play, Rocket, Sparkles } from 'lucide-react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { LoadingState } from '../../components/ui/spinner';
import { useAgentWorkflow, useSaveAgentWorkflow } from '../../features/agents/api/agent-workflow';
import { useAgent } from '../../features/agents/api/get-agent';
import { BuilderChatPanel } from '../../features/agents/builder-chat/builder-chat-panel';
import { AgentEditor, WorkflowSaveError, type EditorPanel } from '../../features/agents/components/agent-editor';
import { DeployPanel } from '../../features/agents/deploy/deploy-panel';
import { HistoryPanel } from '../../features/agents/history/history-panel';
import { rememberOpenedAgent } from '../../features/agents/lib/recent-agents';
import { RunPanel } from '../../features/agents/run/run-panel';
import { VersionsPanel } from '../../features/agents/versions/versions-panel';
import { ApiError } from '../../lib/api-client';
import { describeError } from '../../lib/error-messages';
import { useDocumentTitle } from '../use-document-title';

/**
 * The sentence the editor shows when a save fails. A `validation_failed` answer carries the engine's own account
 * of the problems (which blocks, why), so it is shown as the server wrote it; anything else as the usual sentence.
 */
function saveError(error: unknown): Error {
  if (error instanceof ApiError && error.code === 'validation_failed' && error.message) {
    const details = error.details as { issues?: unknown } | undefined;
    const issues = Array.isArray(details?.issues) ? (details.issues as WorkflowIssue[]) : [];
    return new WorkflowSaveError(error.message, issues, { cause: error });
  }
  return new Error(describeError(error), { cause: error });
}

/** The side panel's tabs besides the block settings, in the order a user meets them: build, run, look back, ship. */
function agentPanels(agent: Agent): EditorPanel[] {
  return [
    { id: 'build', label: 'Build', icon: Sparkles, render: () => <BuilderChatPanel agent={agent} /> },
    { id: 'run', label: 'Run', icon: Play, keepOnSelect: true, render: () => <RunPanel agent={agent} /> },
    { id: 'history', label: 'History', icon: History, render: () => <HistoryPanel agent={agent} /> },
    { id: 'versions', label: 'Versions', icon: GitBranch, render: () => <VersionsPanel agent={agent} /> },
    { id: 'deploy', label: 'Deploy', icon: Rocket, render: () => <DeployPanel agent={agent} /> },
  ];
}

/** /agents/:agentId — the agent's workflow in the editor, full height inside the app shell, saved through the API. */
export function AgentEditorPage() {
  const { agentId = '' } = useParams();
  const agentQuery = useAgent(agentId);
  const workflowQuery = useAgentWorkflow(agentId);
  const saveMutation = useSaveAgentWorkflow(agentId);
  useDocumentTitle(agentQuery.data ? `${agentQuery.data.name} · Agents` : 'Agents');
  useEffect(() => {
    if (agentQuery.data) rememberOpenedAgent(agentQuery.data.id);
  }, [agentQuery.data]);

  const save = async (workflow: Workflow) => {
    try {
      await saveMutation.mutateAsync(workflow);
    } catch (error) {
      throw saveError(error);
    }
  };

  const backLink = (
    <Link to="/agents" className="inline-flex items-center gap-1 text-sm font-medium text-zinc-600 hover:text-violet-700 dark:text-zinc-400 dark:hover:text-violet-300">
      <ArrowLeft aria-hidden="true" className="size-4" />
      Agents
    </Link>
  );

  const failure = agentQuery.error ?? workflowQuery.error;
  if (failure) {
    const isMissing = failure instanceof ApiError && failure.code === 'not_found';
    return (
      <div className="flex flex-col gap-4">
        {backLink}
        <Alert tone="error" title={isMissing ? 'This agent does not exist' : 'The agent could not be loaded'}>
          <p>{isMissing ? 'It may have been deleted. Go back to your agents to open another one.' : describeError(failure)}</p>
          {isMissing ? null : (
            <Button className="mt-3" variant="secondary" size="small" onClick={() => void Promise.all([agentQuery.refetch(), workflowQuery.refetch()])}>
              Try again
            </Button>
          )}
        </Alert>
      </div>
    );
  }
  if (!agentQuery.data || !workflowQuery.data) return <LoadingState label="Loading the agent…" />;

  return (
    // The shell's header is 3.5 rem and a full-width page's margins 0.5 rem above and below: the editor fills the rest.
    <div className="h-[calc(100dvh-4.5rem)] min-h-[28rem] overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">
      <AgentEditor
        key={agentId}
        workflow={workflowQuery.data.workflow}
        title={agentQuery.data.name}
        onSave={save}
        panels={agentPanels(agentQuery.data)}
        toolbarLeading={
          <Link to="/agents" aria-label="Back to agents" title="Back to agents" className="rounded-md p-1 text-zinc-600 hover:bg-zinc-100 hover:text-violet-700 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-violet-300">
            <ArrowLeft aria-hidden="true" className="size-4" />
          </Link>
        }
      />
    </div>
  );
}
