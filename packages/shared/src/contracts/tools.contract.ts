import { z } from 'zod';

/** A tool as the tool picker and the agent builder see it. */
export const toolSummarySchema = z.object({
  name: z.string(),
  displayName: z.string(),
  description: z.string(),
  /** Lucide icon name. */
  icon: z.string(),
  category: z.string(),
  keywords: z.array(z.string()),
  /** `builtin`, `mcp:<server>`, `bridge:<server>`. */
  source: z.string(),
  /** JSON Schema of the tool's arguments. */
  parameters: z.record(z.string(), z.unknown()),
  /** Needs a person to answer (only in chat). */
  interactive: z.boolean(),
  /** The integration whose credential it needs (`slack`); absent for tools that need none. */
  integration: z.string().optional(),
});
export type ToolSummary = z.infer<typeof toolSummarySchema>;

export const toolCategoryGroupSchema = z.object({ category: z.string(), count: z.number().int(), tools: z.array(toolSummarySchema) });

/** `GET /api/tools` and `GET /api/tools/available`. */
export const toolsResponseSchema = z.object({
  categories: z.array(toolCategoryGroupSchema),
  total: z.number().int(),
});
export type ToolsResponse = z.infer<typeof toolsResponseSchema>;

/** `GET /api/tools/available`: also says how many tools were left out (credentials missing, agents only…). */
export const availableToolsResponseSchema = toolsResponseSchema.extend({ filteredCount: z.number().int() });
export type AvailableToolsResponse = z.infer<typeof availableToolsResponseSchema>;
