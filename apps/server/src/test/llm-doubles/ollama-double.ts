import { startDoubleServer } from './double-server.js';
import { createOpenAiRoutes, type OpenAiDouble } from './openai-double.js';
import { ScenarioBook, type DoubleScenario } from './scenarios.js';
import { sendJson } from './sse.js';

/**
 * A local double of Ollama: its OpenAI-compatible API under `/v1` (no key needed, the OpenAI double's handlers)
 * and the native `GET /api/tags` list.
 */

export interface OllamaDoubleOptions {
  /** Pulled model names, e.g. `llama3.2:3b`. */
  models?: string[];
  scenario?: DoubleScenario;
  scenarios?: Record<string, DoubleScenario>;
}

/** Same shape as the OpenAI double; `baseUrl` is `http://127.0.0.1:PORT/v1`. */
export type OllamaDouble = OpenAiDouble;

function tagsBody(models: string[]): unknown {
  return {
    models: models.map((name, index) => ({
      name,
      model: name,
      modified_at: '2025-01-01T00:00:00Z',
      size: 2_019_393_189 + index,
      digest: `a80c4f17acd5${String(index).padStart(4, '0')}`,
      details: { parent_model: '', format: 'gguf', family: 'llama', families: ['llama'], parameter_size: '3.2B', quantization_level: 'Q4_K_M' },
    })),
  };
}

/** Starts the Ollama double on 127.0.0.1 (port 0). Unknown paths answer 404 with Ollama's `{ error }` body. */
export async function startOllamaDouble(options: OllamaDoubleOptions = {}): Promise<OllamaDouble> {
  const models = options.models ?? ['llama3.2:3b', 'qwen3:8b'];
  const book = new ScenarioBook(options.scenario, options.scenarios);
  const routes = createOpenAiRoutes({ apiKey: null, models, ownedBy: 'library' }, book);
  const server = await startDoubleServer(async (exchange) => {
    if (await routes(exchange)) return;
    if (exchange.recorded.method === 'GET' && exchange.recorded.path === '/api/tags') return sendJson(exchange.response, 200, tagsBody(models));
    sendJson(exchange.response, 404, { error: '404 page not found' });
  });
  return { ...server, baseUrl: `${server.origin}/v1`, setScenario: (scenario, model) => book.set(scenario, model) };
}
