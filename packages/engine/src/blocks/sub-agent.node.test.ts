import { describe, expect, it } from 'vitest';
import { createEngine } from '../run/create-engine.js';
import { buildGraph } from '../test-support/build-graph.js';
import { createInMemoryPorts } from '../test-support/in-memory-ports.js';

function subAgentWorkflow(agentId: string) {
  //  start ──▶ child (sub_agent)
  const workflow = buildGraph(['start -> child']);
  Object.assign(workflow.blocks[1]!, { type: 'sub_agent', config: { agentId, input: { topic: '{{input.topic}}' } } });
  return workflow;
}

describe('sub_agent', () => {
  it('refuses an agent calling itself, without calling the port', async () => {
    const { ports, calls } = createInMemoryPorts();
    const result = await createEngine({ ports }).run(subAgentWorkflow('agent-a'), { userId: 'u', agentId: 'agent-a' });
    expect(result.blocks['child']).toMatchObject({ status: 'failed', error: { code: 'SUB_AGENT_RECURSION' } });
    expect(calls.runAgent).toHaveLength(0);
  });

  it('refuses calling an agent already up the call chain', async () => {
    const { ports } = createInMemoryPorts();
    const result = await createEngine({ ports }).run(subAgentWorkflow('agent-root'), { userId: 'u', agentId: 'agent-b', depth: 1, callChain: ['agent-root'] });
    expect(result.blocks['child']!.error?.message).toBe('Agent agent-root is already running in this call chain (agent-root → agent-b); an agent cannot call itself.');
  });

  it('refuses nesting deeper than maxAgentDepth', async () => {
    const { ports } = createInMemoryPorts();
    const result = await createEngine({ ports, maxAgentDepth: 2 }).run(subAgentWorkflow('agent-c'), { userId: 'u', agentId: 'agent-b', depth: 2, callChain: ['agent-a'] });
    expect(result.blocks['child']).toMatchObject({ status: 'failed', error: { code: 'SUB_AGENT_TOO_DEEP' } });
  });

  it('passes the rendered input, depth and chain, and fails when the child fails', async () => {
    const { ports, calls } = createInMemoryPorts({ runAgent: () => ({ status: 'failed', output: null }) });
    const result = await createEngine({ ports }).run(subAgentWorkflow('agent-c'), { userId: 'u', agentId: 'agent-b', input: { topic: 'owls' } });
    expect(calls.runAgent[0]!.request).toEqual({ userId: 'u', agentId: 'agent-c', input: { topic: 'owls' }, depth: 1, callChain: ['agent-b'] });
    expect(result.blocks['child']).toMatchObject({ status: 'failed', error: { code: 'SUB_AGENT_FAILED' } });
  });
});
