import type { Agent, AgentLastRun, AgentStatus } from '@claraverse/shared';
import { Bot, Copy, Plus, Search, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { Badge, type BadgeTone } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { Field } from '../../components/ui/field';
import { Input } from '../../components/ui/input';
import { PageHeader } from '../../components/ui/page-header';
import { LoadingState } from '../../components/ui/spinner';
import { TextField } from '../../components/ui/text-field';
import { Textarea } from '../../components/ui/textarea';
import { showToast } from '../../components/ui/toast';
import { useCreateAgent } from '../../features/agents/api/create-agent';
import { useDeleteAgent } from '../../features/agents/api/delete-agent';
import { useDuplicateAgent } from '../../features/agents/api/duplicate-agent';
import { useAgents } from '../../features/agents/api/list-agents';
import { readRecentAgentIds } from '../../features/agents/lib/recent-agents';
import { classNames } from '../../lib/class-names';
import { formatDateTime } from '../../lib/format-date';
import { describeError } from '../../lib/error-messages';
import { fieldErrorsFromApiError } from '../../lib/form-errors';
import { useDocumentTitle } from '../use-document-title';

const statusTone: Record<AgentStatus, BadgeTone> = { draft: 'neutral', active: 'success', deployed: 'accent', paused: 'warning' };
const statusLabel: Record<AgentStatus, string> = { draft: 'Draft', active: 'Active', deployed: 'Deployed', paused: 'Paused' };
const runTone: Record<AgentLastRun['status'], string> = {
  running: 'text-violet-700 dark:text-violet-300',
  completed: 'text-emerald-700 dark:text-emerald-400',
  partial: 'text-amber-700 dark:text-amber-400',
  failed: 'text-red-700 dark:text-red-400',
  cancelled: 'text-zinc-600 dark:text-zinc-400',
};

/** The agents whose name or description contains every word of the search, case-insensitively. */
function matchAgents(agents: readonly Agent[], search: string): Agent[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return agents.filter((agent) => {
    const text = `${agent.name} ${agent.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** Agents (issue 7): the user's agents with search, and the way in to create, open and delete them. */
export function AgentsPage() {
  useDocumentTitle('Agents');
  const [isCreating, setIsCreating] = useState(false);
  const createButton = (
    <Button icon={<Plus aria-hidden="true" className="size-4" />} onClick={() => setIsCreating(true)}>
      New agent
    </Button>
  );
  return (
    <>
      <PageHeader title="Agents" description="Workflows of blocks that follow your instructions, use tools and run on demand, on a schedule or a trigger." actions={createButton} />
      <AgentsList onCreate={() => setIsCreating(true)} />
      {isCreating ? <CreateAgentDialog onClose={() => setIsCreating(false)} /> : null}
    </>
  );
}

function AgentsList({ onCreate }: { onCreate: () => void }) {
  const agentsQuery = useAgents();
  const [search, setSearch] = useState('');
  const [deleting, setDeleting] = useState<Agent | null>(null);

  if (agentsQuery.isPending) return <LoadingState label="Loading your agents…" />;
  if (agentsQuery.isError) {
    return (
      <Alert tone="error" title="The agents could not be loaded">
        <p>{describeError(agentsQuery.error)}</p>
        <Button className="mt-3" variant="secondary" size="small" onClick={() => void agentsQuery.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  const agents = agentsQuery.data;
  if (agents.length === 0) {
    return (
      <EmptyState
        icon={<Bot aria-hidden="true" className="size-6" />}
        title="No agents yet"
        description="Create an agent, then add blocks in its editor: an LLM step, a web search, a condition…"
        action={<Button onClick={onCreate}>Create your first agent</Button>}
      />
    );
  }
  const shown = matchAgents(agents, search);
  return (
    <div className="flex flex-col gap-4">
      {search.trim() === '' ? <RecentlyOpened agents={agents} /> : null}
      <div className="relative">
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
        <Input type="search" aria-label="Search agents" placeholder="Search agents" className="pl-9" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      {shown.length === 0 ? (
        <p className="py-8 text-center text-sm text-zinc-600 dark:text-zinc-400">{`No agent matches “${search.trim()}”`}</p>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Your agents">
          {shown.map((agent) => (
            <AgentRow key={agent.id} agent={agent} onDelete={() => setDeleting(agent)} />
          ))}
        </ul>
      )}
      {deleting ? <DeleteAgentDialog agent={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}

/** Quick links to the agents opened last on this browser (when there are several agents to choose from). */
function RecentlyOpened({ agents }: { agents: readonly Agent[] }) {
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const recent = readRecentAgentIds().flatMap((id) => byId.get(id) ?? []);
  if (recent.length === 0 || agents.length < 4) return null;
  return (
    <nav aria-label="Recently opened agents" className="flex flex-wrap items-center gap-2">
      <span className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">Recently opened</span>
      {recent.map((agent) => (
        <Link
          key={agent.id}
          to={`/agents/${encodeURIComponent(agent.id)}`}
          className="inline-flex max-w-56 items-center gap-1.5 truncate rounded-full border border-zinc-200 bg-white px-3 py-1 text-sm text-zinc-800 hover:border-violet-300 hover:text-violet-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:border-violet-700 dark:hover:text-violet-300"
        >
          <Bot aria-hidden="true" className="size-3.5 shrink-0" />
          <span className="truncate">{agent.name}</span>
        </Link>
      ))}
    </nav>
  );
}

/** "Last run completed · 3 Mar 2026, 10:30", or that it never ran. */
function LastRun({ run }: { run: AgentLastRun | null | undefined }) {
  if (!run) return <span>never run</span>;
  return (
    <span>
      last run <span className={classNames('font-medium', runTone[run.status])}>{run.status}</span> {formatDateTime(run.startedAt)}
    </span>
  );
}

function AgentRow({ agent, onDelete }: { agent: Agent; onDelete: () => void }) {
  const navigate = useNavigate();
  const duplicateMutation = useDuplicateAgent();
  const duplicate = () =>
    duplicateMutation.mutate(agent.id, {
      onSuccess: (copy) => {
        showToast(`${copy.name} created.`);
        void navigate(`/agents/${encodeURIComponent(copy.id)}`);
      },
      onError: (error) => showToast(`Could not duplicate ${agent.name}: ${describeError(error)}`),
    });
  return (
    <li data-testid="agent-row" className="flex items-start gap-3 rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link to={`/agents/${encodeURIComponent(agent.id)}`} className="min-w-0 truncate font-semibold text-zinc-900 hover:text-violet-700 hover:underline dark:text-zinc-50 dark:hover:text-violet-300">
            {agent.name}
          </Link>
          <Badge tone={statusTone[agent.status]}>{statusLabel[agent.status]}</Badge>
        </div>
        {agent.description ? <p className="mt-1 line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{agent.description}</p> : null}
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
          {`${agent.blockCount === 1 ? '1 block' : `${agent.blockCount} blocks`} · updated ${formatDateTime(agent.updatedAt)} · `}
          <LastRun run={agent.lastRun} />
        </p>
      </div>
      <Button variant="ghost" size="small" aria-label={`Duplicate ${agent.name}`} title="Duplicate" isLoading={duplicateMutation.isPending} icon={<Copy aria-hidden="true" className="size-4" />} onClick={duplicate} />
      <Button variant="ghost" size="small" aria-label={`Delete ${agent.name}`} title="Delete" icon={<Trash2 aria-hidden="true" className="size-4" />} onClick={onDelete} />
    </li>
  );
}

/** Name and description of a new agent; on success the editor opens. */
function CreateAgentDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const createMutation = useCreateAgent();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const fieldErrors = createMutation.isError ? fieldErrorsFromApiError(createMutation.error) : {};

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError('Give the agent a name.');
      return;
    }
    setNameError(undefined);
    createMutation.mutate({ name: name.trim(), description: description.trim() }, { onSuccess: (agent) => void navigate(`/agents/${encodeURIComponent(agent.id)}`) });
  };

  return (
    <Dialog isOpen title="New agent" description="You add its blocks in the editor next." onClose={onClose}>
      <form className="flex flex-col gap-4" onSubmit={handleSubmit} noValidate>
        <TextField label="Name" value={name} onValueChange={setName} error={nameError ?? fieldErrors.name} maxLength={200} />
        <Field label="Description" error={fieldErrors.description} hint="Optional: what the agent is for.">
          {(controlProps) => <Textarea {...controlProps} rows={3} maxLength={2000} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        {createMutation.isError && Object.keys(fieldErrors).length === 0 ? <p role="alert" className="text-sm text-red-700 dark:text-red-400">{describeError(createMutation.error)}</p> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" isLoading={createMutation.isPending}>
            Create agent
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks before deleting: the workflow, its versions and its triggers go with the agent. */
function DeleteAgentDialog({ agent, onClose }: { agent: Agent; onClose: () => void }) {
  const deleteMutation = useDeleteAgent();
  const handleDelete = () => {
    deleteMutation.mutate(agent.id, {
      onSuccess: () => {
        onClose();
        showToast(`${agent.name} deleted.`);
      },
    });
  };
  return (
    <Dialog isOpen title={`Delete ${agent.name}?`} description="Its workflow, saved versions, schedule and triggers are deleted with it. This cannot be undone." onClose={onClose}>
      {deleteMutation.isError ? <p role="alert" className="mb-3 text-sm text-red-700 dark:text-red-400">{describeError(deleteMutation.error)}</p> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" isLoading={deleteMutation.isPending} onClick={handleDelete}>
          Delete agent
        </Button>
      </div>
    </Dialog>
  );
}
