import { EngineError } from '../errors.js';
import { configString, defineBlockExecutor } from './define-block-executor.js';

/**
 * `sub_agent` `{ agentId, input? }`: runs another of the user's agents through ports.runAgent. A call to an agent
 * already in the call chain (itself or a caller) is refused, and so is nesting deeper than maxAgentDepth.
 * Output `{ status, output }`; a failed or cancelled child fails the block.
 */
export const subAgentBlock = defineBlockExecutor({
  type: 'sub_agent',
  defaultTimeoutSeconds: 600,
  validateConfig: (config) => (configString(config, 'agentId') === '' ? ['agentId is required.'] : []),
  async execute({ config, ports, signal, run }) {
    const agentId = configString(config, 'agentId');
    const chain = run.agentId === undefined ? [...run.callChain] : [...run.callChain, run.agentId];
    if (chain.includes(agentId)) {
      throw new EngineError('SUB_AGENT_RECURSION', `Agent ${agentId} is already running in this call chain (${chain.join(' → ')}); an agent cannot call itself.`);
    }
    if (run.depth + 1 > run.maxAgentDepth) {
      throw new EngineError('SUB_AGENT_TOO_DEEP', `Sub-agents can be nested at most ${run.maxAgentDepth} deep.`);
    }
    const result = await ports.runAgent({ userId: run.userId, agentId, input: config['input'] ?? run.input, depth: run.depth + 1, callChain: chain }, signal);
    if (result.status === 'failed' || result.status === 'cancelled') {
      throw new EngineError('SUB_AGENT_FAILED', `Agent ${agentId} ended ${result.status}: ${result.error?.message ?? 'no detail'}`);
    }
    return { output: { status: result.status, output: result.output } };
  },
});
