import type { ToolRecommendation } from '@claraverse/shared';
import type { RegisteredTool } from '../tool-registry.js';

/** Words too common to say anything about a tool. */
const stopWords = new Set(
  ('the and for with from that this into your you are was were will would can could should about then than them they ' +
    'their there what when where which while who why how use uses using used make makes each every some any all one ' +
    'its it not but have has had out our get gets give given just also only very more most other such via per step ' +
    'block input output result results data value values text user users agent agents workflow task tasks tool tools ' +
    'please return returns answer answers need needs want wants should must may might').split(' '),
);

/** A word reduced to a rough stem, so `emails`/`email` and `searching`/`search` meet. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('es') && /(sh|ch|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The distinct meaningful words of a text, lower-cased and stemmed, in order of appearance (stem → first form seen). */
export function keywordsOf(text: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || stopWords.has(raw) || /^\d+$/.test(raw)) continue;
    const key = stem(raw);
    if (!stopWords.has(key) && !words.has(key)) words.set(key, raw);
  }
  return words;
}

/** How strongly a tool's own words count: its name and keywords say most, its description least. */
const weights = { name: 3, keywords: 3, displayName: 2, category: 1, description: 1 } as const;

function toolTerms(tool: RegisteredTool): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const key of keywordsOf(text).keys()) terms.set(key, Math.max(terms.get(key) ?? 0, weight));
  };
  add(tool.description, weights.description);
  add(tool.category, weights.category);
  add(tool.displayName, weights.displayName);
  add(tool.keywords.join(' '), weights.keywords);
  add(tool.name.replace(/_/g, ' '), weights.name);
  return terms;
}

/** Weight at which the score reaches one half: one name or keyword match plus a description match. */
const halfScoreWeight = 4;

/**
 * Keyword-overlap scoring: each distinct word of the block's text that the tool's name, keywords, display name,
 * category or description contains adds that field's weight (strongest field only); the sum `w` becomes a score
 * `w / (w + 4)` in [0, 1). Tools with no match are left out; best first, then by name, at most `limit`.
 */
export function recommendTools(tools: readonly RegisteredTool[], blockText: string, limit: number): ToolRecommendation[] {
  const words = keywordsOf(blockText);
  if (words.size === 0) return [];
  const scored: ToolRecommendation[] = [];
  for (const tool of tools) {
    const terms = toolTerms(tool);
    let weight = 0;
    const matched: string[] = [];
    for (const [key, form] of words) {
      const termWeight = terms.get(key);
      if (termWeight === undefined) continue;
      weight += termWeight;
      matched.push(form);
    }
    if (weight === 0) continue;
    const score = Math.round((weight / (weight + halfScoreWeight)) * 1000) / 1000;
    scored.push({ toolId: tool.name, name: tool.displayName, category: tool.category, score, matchedKeywords: matched });
  }
  return scored.sort((a, b) => b.score - a.score || a.toolId.localeCompare(b.toolId)).slice(0, limit);
}
