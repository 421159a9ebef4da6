import type { SelectedTool, SetupRequiredItem } from '@claraverse/shared';
import type { RegisteredTool } from '../../tools/tool-registry.js';

/** What the builder needs of the tool registry and the integrations (narrow). */
export interface BuilderToolsDeps {
  /** Every non-interactive tool of the user, including integration tools they have no credential for yet. */
  listTools(userId: string): Promise<RegisteredTool[]>;
  /** An integration by id, or undefined when this instance does not offer it (its tools are then left out). */
  integrationOf(integrationId: string): { name: string; category: string } | undefined;
  /** The integration of each of the user's credentials, by credential id (credentials domain). */
  credentialIntegrations(userId: string): Promise<Map<string, string>>;
}

/** One tool as the generator shows it to the model. */
export interface BuilderTool {
  name: string;
  description: string;
  /** The tool's category, or its integration's for integration tools (`communication`, `crm`…). */
  category: string;
  integration?: { id: string; name: string };
  parameters: Record<string, unknown>;
}

const oneLine = (text: string, max = 160) => {
  const first = text.replace(/\s+/g, ' ').trim();
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
};

/** The user's tools for the builder, by name; tools of integrations the instance does not offer are left out. */
export async function listBuilderTools(deps: BuilderToolsDeps, userId: string): Promise<Map<string, BuilderTool>> {
  const tools = new Map<string, BuilderTool>();
  for (const tool of await deps.listTools(userId)) {
    let integration: BuilderTool['integration'];
    let category: string = tool.category;
    if (tool.integration) {
      const found = deps.integrationOf(tool.integration);
      if (!found) continue;
      integration = { id: tool.integration, name: found.name };
      category = found.category;
    }
    tools.set(tool.name, { name: tool.name, description: tool.description, category, parameters: tool.inputJsonSchema, ...(integration ? { integration } : {}) });
  }
  return tools;
}

/** The catalogue for tool selection and one-step generation: by category, `- id: one line` each. */
export function formatCatalogue(tools: Iterable<BuilderTool>): string {
  const byCategory = new Map<string, BuilderTool[]>();
  for (const tool of tools) byCategory.set(tool.category, [...(byCategory.get(tool.category) ?? []), tool]);
  return [...byCategory.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([category, members]) => `## ${category}\n${members.map((tool) => `- ${tool.name}${tool.integration ? ` (${tool.integration.name})` : ''}: ${oneLine(tool.description)}`).join('\n')}`)
    .join('\n');
}

/** The selected tools in detail for step 2: description and parameters (name, type, required). */
export function formatToolDetails(tools: BuilderTool[]): string {
  return tools.map((tool) => {
    const properties = (tool.parameters['properties'] ?? {}) as Record<string, { type?: unknown; description?: unknown }>;
    const required = new Set(Array.isArray(tool.parameters['required']) ? (tool.parameters['required'] as string[]) : []);
    const parameters = Object.entries(properties).map(([name, schema]) =>
      `${name}${required.has(name) ? '' : '?'}: ${typeof schema.type === 'string' ? schema.type : 'any'}${typeof schema.description === 'string' ? ` (${oneLine(schema.description, 100)})` : ''}`);
    return `- ${tool.name}${tool.integration ? ` [${tool.integration.name}]` : ''} — ${oneLine(tool.description, 300)} — parameters: ${parameters.length > 0 ? parameters.join('; ') : 'none'}`;
  }).join('\n');
}

export const presentSelectedTool = (tool: BuilderTool, reason: string): SelectedTool => ({ toolId: tool.name, name: tool.name, category: tool.category, reason });

/** Tool names a workflow uses: LLM blocks' enabled/required tools and code blocks' tool. */
export function toolsUsedBy(workflow: { blocks: Array<Record<string, unknown>> }): string[] {
  const used = new Set<string>();
  for (const block of workflow.blocks) {
    const config = (block.config ?? {}) as Record<string, unknown>;
    for (const key of ['enabledTools', 'requiredTools']) {
      const listed = config[key];
      if (Array.isArray(listed)) for (const name of listed) if (typeof name === 'string') used.add(name);
    }
    if (typeof config['toolName'] === 'string') used.add(config['toolName']);
  }
  return [...used];
}

/** The tools of `workflow` whose integration the user has no credential for ("Setup required"). */
export async function setupRequiredFor(deps: BuilderToolsDeps, userId: string, workflow: { blocks: Array<Record<string, unknown>> }, tools: Map<string, BuilderTool>): Promise<SetupRequiredItem[]> {
  const needing = toolsUsedBy(workflow).map((name) => tools.get(name)).filter((tool): tool is BuilderTool & { integration: { id: string; name: string } } => tool?.integration !== undefined);
  if (needing.length === 0) return [];
  const owned = new Set((await deps.credentialIntegrations(userId)).values());
  return needing.filter((tool) => !owned.has(tool.integration.id)).map((tool) => ({ toolId: tool.name, integrationId: tool.integration.id, integrationName: tool.integration.name }));
}
