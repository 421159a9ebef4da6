import { configString, defineBlockExecutor } from './define-block-executor.js';

/**
 * `code` `{ language: "python" | "javascript", code, input? }`: runs in the server's sandbox (ports.sandbox).
 * `code` is not templated (values reach it through `input`). Output `{ result, stdout, stderr }`.
 */
export const codeBlock = defineBlockExecutor({
  type: 'code',
  rawConfigKeys: ['code'],
  validateConfig(config) {
    const problems: string[] = [];
    if (config['language'] !== 'python' && config['language'] !== 'javascript') problems.push('language must be "python" or "javascript".');
    if (configString(config, 'code').trim() === '') problems.push('code is required.');
    return problems;
  },
  async execute({ config, ports, signal, run, timeoutMs }) {
    const language = config['language'] === 'python' ? 'python' : 'javascript';
    const result = await ports.sandbox.run({ userId: run.userId, language, code: configString(config, 'code'), input: config['input'], timeoutMs }, signal);
    return { output: { result: result.result, stdout: result.stdout, stderr: result.stderr } };
  },
});
