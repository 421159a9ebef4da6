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

/** `POST /api/tools/recommend`: what a block is about (its name, description and prompts). */
export const recommendToolsBodySchema = z.strictObject({
  name: z.string().max(200).optional(),
  description: z.string().max(5_000).optional(),
  systemPrompt: z.string().max(20_000).optional(),
  userPrompt: z.string().max(20_000).optional(),
  /** At most this many recommendations (default 5). */
  limit: z.number().int().min(1).max(20).optional(),
});
export type RecommendToolsBody = z.infer<typeof recommendToolsBodySchema>;

export const toolRecommendationSchema = z.object({
  toolId: z.string(),
  name: z.string(),
  category: z.string(),
  /** 0 … 1: how much of the block's text the tool's name, keywords and description cover. */
  score: z.number().min(0).max(1),
  /** The words of the block that matched this tool, in the order they were found. */
  matchedKeywords: z.array(z.string()),
});
export type ToolRecommendation = z.infer<typeof toolRecommendationSchema>;

/** Best first; tools that match no word are left out. */
export const recommendToolsResponseSchema = z.object({ recommendations: z.array(toolRecommendationSchema) });
export type RecommendToolsResponse = z.infer<typeof recommendToolsResponseSchema>;
