import { EngineError } from '../errors.js';
import { configNumber, defineBlockExecutor } from './define-block-executor.js';

const maxDelayMs = 24 * 3_600_000;

/** `delay` `{ durationMs }`: waits (through ports.sleep, so a cancel ends it at once). Its timeout follows the delay. */
export const delayBlock = defineBlockExecutor({
  type: 'delay',
  defaultTimeoutSeconds: maxDelayMs / 1_000 + 60,
  validateConfig(config) {
    if (typeof config['durationMs'] === 'string' && config['durationMs'].includes('{{')) return [];
    const duration = configNumber(config, 'durationMs', Number.NaN);
    return Number.isFinite(duration) && duration >= 0 && duration <= maxDelayMs ? [] : [`durationMs must be a number from 0 to ${maxDelayMs}.`];
  },
  async execute({ config, ports, signal }) {
    const durationMs = configNumber(config, 'durationMs', Number.NaN);
    if (!Number.isFinite(durationMs) || durationMs < 0 || durationMs > maxDelayMs) {
      throw new EngineError('INVALID_CONFIG', `durationMs must be a number from 0 to ${maxDelayMs}, got ${JSON.stringify(config['durationMs'])}.`);
    }
    await ports.sleep(durationMs, signal);
    return { output: { delayedMs: durationMs } };
  },
});
