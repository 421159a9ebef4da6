import type { Block, Workflow } from '@claraverse/engine';
import type { Agent } from '@claraverse/shared';
import { useMemo } from 'react';
import { useDeploySnippets } from '../api/get-deploy-snippets';
import { useEditorStore } from '../stores/editor-store-context';
import { CodeBox, DeploySection } from './deploy-ui';

export interface AgentInputDoc {
  type: 'text' | 'json' | 'file' | 'none';
  /** An example request body `{ input: … }`. */
  example: unknown;
  /** The start block's JSON Schema, when it has one. */
  schema: unknown;
}

/** The start block: a `variable` block reading `input`. */
function startBlock(workflow: Workflow): Block | undefined {
  return workflow.blocks.find((block) => block.type === 'variable' && (block.config['operation'] ?? 'read') === 'read' && (block.config['variableName'] ?? 'input') === 'input');
}

/** What the agent expects as input, from its start block (type, an example from its default, its schema). */
export function describeAgentInput(workflow: Workflow): AgentInputDoc {
  const start = startBlock(workflow);
  if (start === undefined) return { type: 'none', example: { input: {} }, schema: undefined };
  const type = start.config['inputType'] === 'json' || start.config['inputType'] === 'file' ? start.config['inputType'] : 'text';
  const schema = start.config['jsonSchema'];
  if (type === 'file') return { type, example: { input: { file_id: '<id from POST /api/external/upload>', filename: 'report.pdf', mime_type: 'application/pdf' } }, schema: undefined };
  if (type === 'json') return { type, example: { input: start.config['jsonValue'] ?? start.config['defaultValue'] ?? { message: 'Hello' } }, schema };
  return { type, example: { input: typeof start.config['defaultValue'] === 'string' && start.config['defaultValue'] !== '' ? start.config['defaultValue'] : 'Hello' }, schema: undefined };
}

/** The output shape: `{ <output block name>: <its value template> }` for each `output` block. */
export function describeAgentOutput(workflow: Workflow): Record<string, unknown> {
  return Object.fromEntries(workflow.blocks.filter((block) => block.type === 'output').map((block) => [block.name, block.config['value'] ?? null]));
}

const inputTypeText: Record<AgentInputDoc['type'], string> = {
  text: 'Text: `input` is a string.',
  json: 'JSON: `input` is any JSON value (checked against the schema below when the start block has one).',
  file: 'A file: upload it first with POST /api/external/upload (scope upload), then pass the reference it returns.',
  none: 'This workflow has no start block yet; `input` is passed as given.',
};

const errorRows: [string, string, string][] = [
  ['400', 'validation_failed', 'The body is not { input } or the input does not match the start block.'],
  ['401', 'unauthenticated', 'X-API-Key is missing, unknown, revoked or expired.'],
  ['403', 'forbidden', 'The key lacks execute:<this agent> (or read:executions for the status).'],
  ['404', 'not_found', 'No such agent or execution for this key’s owner.'],
  ['429', 'rate_limited', 'Too many requests for this key; wait for Retry-After seconds.'],
];

/** The agent's HTTP contract: input (from the start block), output (from the output blocks), status endpoint, errors. */
export function ApiDocsSection({ agent }: { agent: Agent }) {
  const workflow = useEditorStore((state) => state.workflow);
  const snippets = useDeploySnippets(agent.id, agent.workflowVersion).data;
  const input = useMemo(() => describeAgentInput(workflow), [workflow]);
  const output = useMemo(() => describeAgentOutput(workflow), [workflow]);
  const endpoint = snippets?.endpoint ?? `/api/trigger/${agent.id}`;
  const statusEndpoint = `${snippets?.statusEndpoint ?? '/api/trigger/status/'}{executionId}`;
  const record = { id: 'exec_…', agentId: agent.id, status: 'completed', input: (input.example as { input: unknown }).input, output, blocks: { '…': '…' }, error: null, startedAt: '…', completedAt: '…', durationMs: 120 };

  return (
    <DeploySection id="api-docs" title="API reference" intro="What this agent takes and returns (from the workflow in the editor).">
      <dl className="flex flex-col gap-1 text-xs text-zinc-700 dark:text-zinc-300">
        <dt className="font-semibold text-zinc-900 dark:text-zinc-50">Trigger</dt>
        <dd>
          <code className="font-mono break-all">POST {endpoint}</code> with header <code className="font-mono">X-API-Key</code>; add <code className="font-mono">?wait=true</code> to get the
          result in the answer.
        </dd>
        <dt className="mt-2 font-semibold text-zinc-900 dark:text-zinc-50">Input</dt>
        <dd>{inputTypeText[input.type]}</dd>
      </dl>
      <CodeBox code={JSON.stringify(input.example, null, 2)} label="Request body" copyLabel="Copy request body" />
      {input.schema !== undefined && input.schema !== null ? <CodeBox code={JSON.stringify(input.schema, null, 2)} label="Input schema" copyLabel="Copy input schema" /> : null}
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        <span className="font-semibold text-zinc-900 dark:text-zinc-50">Output</span> — the execution’s <code className="font-mono">output</code> is keyed by output block (values are the
        blocks’ templates, filled in at run time):
      </p>
      <CodeBox code={JSON.stringify(output, null, 2)} label="Output" copyLabel="Copy output shape" />
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        <span className="font-semibold text-zinc-900 dark:text-zinc-50">Status</span> — <code className="font-mono break-all">GET {statusEndpoint}</code> (scope read:executions) answers the
        execution record; <code className="font-mono">?wait=true</code> answers the same:
      </p>
      <CodeBox code={JSON.stringify(record, null, 2)} label="Execution record" copyLabel="Copy execution record" />
      <table className="w-full text-left text-xs">
        <caption className="mb-1 text-left font-semibold text-zinc-900 dark:text-zinc-50">Errors — body {'{ "error": { "code", "message", "requestId" } }'}</caption>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {errorRows.map(([status, code, meaning]) => (
            <tr key={code} className="align-top text-zinc-700 dark:text-zinc-300">
              <td className="py-1 pr-2 font-mono">{status}</td>
              <td className="py-1 pr-2 font-mono">{code}</td>
              <td className="py-1">{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </DeploySection>
  );
}
