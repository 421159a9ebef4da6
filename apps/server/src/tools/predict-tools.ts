import { z } from 'zod';
import type { LlmClient, LlmTarget } from '../providers/llm/llm-client.js';
import type { RegisteredTool } from './tool-registry.js';

const instruction = [
  'You choose which tools an assistant may need to answer the user\'s latest message.',
  'Pick the minimum set (usually 0 to 3). Pick none when the message can be answered from knowledge alone.',
  'Answer with JSON only: {"selected_tools": ["tool_name", ...], "reasoning": "one sentence"}.',
].join(' ');

const answerSchema = z.object({ selected_tools: z.array(z.string()) });

/** The JSON object inside a model's answer (models wrap it in prose or code fences). */
function parseAnswer(text: string): string[] | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end <= start) return null;
  try {
    const parsed = answerSchema.safeParse(JSON.parse(text.slice(start, end + 1)));
    return parsed.success ? parsed.data.selected_tools : null;
  } catch {
    return null;
  }
}

export interface PredictToolsInput {
  llmClient: LlmClient;
  target: LlmTarget;
  tools: RegisteredTool[];
  /** The conversation so far; the last user message and up to 6 before it are shown to the predictor. */
  turns: Array<{ role: string; content: string }>;
  maxTools: number;
  signal: AbortSignal;
  timeoutMs?: number;
}

/**
 * The tool predictor (reference §11 item 1): a model picks the few tools this message needs, so a prompt
 * doesn't carry 100+ schemas. Any failure — error, timeout, unparseable answer — falls back to every tool;
 * names the model invents are ignored.
 */
export async function predictTools(input: PredictToolsInput): Promise<{ tools: RegisteredTool[]; predicted: boolean }> {
  const lastUser = [...input.turns].reverse().find((turn) => turn.role === 'user');
  if (!lastUser || input.tools.length === 0) return { tools: input.tools, predicted: false };
  const history = input.turns.filter((turn) => turn.role !== 'system').slice(-7, -1);
  const catalogue = input.tools.map((tool) => `- ${tool.name}: ${tool.description.split('\n')[0]?.slice(0, 200) ?? ''}`).join('\n');
  const prompt = [
    `Available tools:\n${catalogue}`,
    history.length > 0 ? `Recent conversation:\n${history.map((turn) => `${turn.role}: ${turn.content.slice(0, 500)}`).join('\n')}` : '',
    `Latest user message:\n${lastUser.content.slice(0, 4_000)}`,
    `Choose at most ${input.maxTools} tools.`,
  ].filter(Boolean).join('\n\n');
  try {
    const { text } = await input.llmClient.complete({
      target: input.target,
      system: instruction,
      messages: [{ role: 'user', content: prompt }],
      temperature: 0.2,
      maxOutputTokens: 300,
      signal: AbortSignal.any([input.signal, AbortSignal.timeout(input.timeoutMs ?? 30_000)]),
    });
    const names = parseAnswer(text);
    if (!names) return { tools: input.tools, predicted: false };
    const byName = new Map(input.tools.map((tool) => [tool.name, tool]));
    const chosen = [...new Set(names)].map((name) => byName.get(name)).filter((tool): tool is RegisteredTool => tool !== undefined);
    return { tools: chosen.slice(0, input.maxTools), predicted: true };
  } catch {
    return { tools: input.tools, predicted: false };
  }
}
