// The OpenAI double in its own process, so the benchmark's client, the double and the server are separate
// processes sharing the machine. Prints `READY <baseUrl>` once listening.
import { startOpenAiDouble } from '../../apps/server/src/test/llm-doubles/openai-double.js';

const tokens = Number(process.argv[2] ?? 500);
const tokenDelayMs = Number(process.argv[3] ?? 2);
const double = await startOpenAiDouble({ apiKey: 'bench-key', models: ['bench-model'], scenario: { kind: 'reply', wordCount: tokens, tokenDelayMs } });
process.stdout.write(`READY ${double.baseUrl}\n`);
process.on('SIGTERM', () => {
  void double.close().then(() => process.exit(0));
});
