import { randomUUID } from 'node:crypto';
import type { Agent, AgentStatus, CreateAgentBody, ExecutionStatus, DeploySnippets, SaveWorkflowBody, UpdateAgentBody, WorkflowDocument, WorkflowResponse } from '@claraverse/shared';
import { workflowSchema, type Engine, type Workflow } from '@claraverse/engine';
import { AppError, ConflictError, NotFoundError } from '../platform/errors/app-error.js';
import type { AgentRow } from '../platform/database/tables.js';
import type { AgentsRepository } from './agents.repository.js';
import { deploySnippets } from './deploy-snippets.js';

const emptyWorkflow: WorkflowDocument = { blocks: [], connections: [], variables: [] };

/** The setting a copy does not take: where the original reports its runs (its webhook and secret live in their own table). */
const duplicatedSettingsLeftOut = ['callbackUrl'];

/** "Name (copy)", kept within the 200 characters a name may have. */
const copyName = (name: string) => `${name.slice(0, 193)} (copy)`;

function present(row: AgentRow): Agent {
  return {
    id: row.id, name: row.name, description: row.description, status: row.status as AgentStatus,
    settings: JSON.parse(row.settings) as Record<string, unknown>, hasWorkflow: row.workflow !== null && row.block_count > 0,
    blockCount: row.block_count, workflowVersion: row.workflow_version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function presentWorkflow(row: AgentRow): WorkflowResponse {
  const workflow = row.workflow === null ? emptyWorkflow : (JSON.parse(row.workflow) as WorkflowDocument);
  return { agentId: row.id, workflow, version: row.workflow_version, updatedAt: row.updated_at };
}

/** Validates with the engine and saves as the next version (conditional on the version read). */
async function saveWorkflow(deps: AgentsServiceDeps, row: AgentRow, body: SaveWorkflowBody): Promise<WorkflowResponse> {
  const candidate = { blocks: body.blocks, connections: body.connections, variables: body.variables };
  const issues = deps.engine.validate(candidate);
  if (issues.length > 0) {
    const blockIds = [...new Set(issues.flatMap((issue) => issue.blockIds))];
    const summary = issues.slice(0, 3).map((issue) => issue.message).join(' ');
    throw new AppError('validation_failed', `The workflow has ${issues.length} problem(s): ${summary}`, { blockIds, issues: issues.slice(0, 100) });
  }
  const workflow: Workflow = workflowSchema.parse(candidate);
  const version = row.workflow_version + 1;
  const updatedAt = deps.now().toISOString();
  const text = JSON.stringify(workflow);
  const saved = await deps.agentsRepository.saveWorkflow(row.id, row.workflow_version, { workflow: text, workflow_version: version, block_count: workflow.blocks.length, updated_at: updatedAt });
  if (!saved) throw new ConflictError('The workflow was saved by someone else meanwhile; reload it and try again');
  if (body.createVersion) {
    await deps.agentsRepository.insertVersion({
      agent_id: row.id, version, workflow: text, description: body.versionDescription ?? '', block_count: workflow.blocks.length, created_at: updatedAt,
    });
  }
  return presentWorkflow({ ...row, workflow: text, workflow_version: version, block_count: workflow.blocks.length, updated_at: updatedAt });
}

interface AgentsServiceDeps {
  agentsRepository: AgentsRepository;
  engine: Pick<Engine, 'validate'>;
  now: () => Date;
}

/**
 * Agents and their workflows (reference §1.5, §3.1, §3.6): CRUD, save with validation by the engine (a 400 names
 * the blocks), version snapshots and restore. Another user's agent is "not found".
 */
export function createAgentsService(deps: AgentsServiceDeps) {
  const { agentsRepository: repository } = deps;

  const rowOf = async (userId: string, id: string): Promise<AgentRow> => {
    const row = await repository.findOfUser(userId, id);
    if (!row) throw new NotFoundError('agent', id);
    return row;
  };

  const save = async (userId: string, id: string, body: SaveWorkflowBody) => saveWorkflow(deps, await rowOf(userId, id), body);

  return {
    async create(userId: string, body: CreateAgentBody): Promise<Agent> {
      const now = deps.now().toISOString();
      const row: AgentRow = {
        id: randomUUID(), user_id: userId, name: body.name, description: body.description, status: 'draft',
        settings: JSON.stringify(body.settings ?? {}), workflow: null, workflow_version: 0, block_count: 0, created_at: now, updated_at: now,
      };
      await repository.insert(row);
      return present(row);
    },

    async list(userId: string, page: { limit: number; offset: number }) {
      const { rows, total } = await repository.listOfUser(userId, page.limit, page.offset);
      const runs = await repository.latestRuns(rows.map((row) => row.id));
      const agents = rows.map((row): Agent => {
        const run = runs.get(row.id);
        return { ...present(row), lastRun: run ? { executionId: run.id, status: run.status as ExecutionStatus, startedAt: run.started_at } : null };
      });
      return { agents, total, limit: page.limit, offset: page.offset, hasMore: page.offset + rows.length < total };
    },

    /**
     * A copy of the agent as a new draft: name "… (copy)", its description and current workflow (version 1, with a
     * snapshot saying where it came from). Triggers, keys and secrets stay with the original.
     */
    async duplicate(userId: string, id: string): Promise<Agent> {
      const source = await rowOf(userId, id);
      const now = deps.now().toISOString();
      const settings = JSON.parse(source.settings) as Record<string, unknown>;
      for (const key of duplicatedSettingsLeftOut) delete settings[key];
      const hasWorkflow = source.workflow !== null;
      const row: AgentRow = {
        id: randomUUID(), user_id: userId, name: copyName(source.name), description: source.description, status: 'draft',
        settings: JSON.stringify(settings), workflow: source.workflow, workflow_version: hasWorkflow ? 1 : 0, block_count: source.block_count, created_at: now, updated_at: now,
      };
      await repository.insert(row);
      if (hasWorkflow) {
        await repository.insertVersion({ agent_id: row.id, version: 1, workflow: source.workflow!, description: `Copied from ${source.name}`, block_count: source.block_count, created_at: now });
      }
      return present(row);
    },

    get: async (userId: string, id: string): Promise<Agent> => present(await rowOf(userId, id)),

    async update(userId: string, id: string, body: UpdateAgentBody): Promise<Agent> {
      const row = await rowOf(userId, id);
      const changes: Partial<AgentRow> = { updated_at: deps.now().toISOString() };
      if (body.name !== undefined) changes.name = body.name;
      if (body.description !== undefined) changes.description = body.description;
      if (body.status !== undefined) changes.status = body.status;
      if (body.settings !== undefined) changes.settings = JSON.stringify(body.settings);
      await repository.update(userId, id, changes);
      return present({ ...row, ...changes });
    },

    /** Deletes the agent with its workflow and versions (executions stay until retention removes them). */
    async remove(userId: string, id: string): Promise<void> {
      if ((await repository.deleteOfUser(userId, id)) === 0) throw new NotFoundError('agent', id);
    },

    getWorkflow: async (userId: string, id: string): Promise<WorkflowResponse> => presentWorkflow(await rowOf(userId, id)),

    /** Validates and saves; the version always increments, a snapshot only with `createVersion`. @throws validation_failed with `details.blockIds` */
    saveWorkflow: save,

    async listVersions(userId: string, id: string) {
      await rowOf(userId, id);
      const rows = await repository.listVersions(id);
      return { versions: rows.map((row) => ({ version: row.version, description: row.description, blockCount: row.block_count, createdAt: row.created_at })) };
    },

    async getVersion(userId: string, id: string, version: number) {
      await rowOf(userId, id);
      const row = await repository.findVersion(id, version);
      if (!row) throw new NotFoundError(`version ${version} of agent`, id);
      return { version: row.version, description: row.description, blockCount: row.block_count, createdAt: row.created_at, workflow: JSON.parse(row.workflow) as WorkflowDocument };
    },

    /** Trigger examples for this agent on `origin` (`https://host`). @throws NotFoundError */
    async deploySnippets(userId: string, id: string, origin: string): Promise<DeploySnippets> {
      return deploySnippets(origin, id, (await rowOf(userId, id)).workflow);
    },

    /** Saves a snapshot as a new version ("Restored from version N"). */
    async restoreVersion(userId: string, id: string, version: number): Promise<WorkflowResponse> {
      await rowOf(userId, id);
      const row = await repository.findVersion(id, version);
      if (!row) throw new NotFoundError(`version ${version} of agent`, id);
      const snapshot = JSON.parse(row.workflow) as WorkflowDocument;
      return save(userId, id, { ...snapshot, createVersion: true, versionDescription: `Restored from version ${version}` });
    },
  };
}
export type AgentsService = ReturnType<typeof createAgentsService>;
