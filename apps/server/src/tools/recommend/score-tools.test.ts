import { describe, expect, it } from 'vitest';
import type { RegisteredTool } from '../tool-registry.js';
import { keywordsOf, recommendTools } from './score-tools.js';

function tool(name: string, fields: Partial<RegisteredTool> = {}): RegisteredTool {
  return {
    name, displayName: name, description: '', icon: 'Wrench', category: 'data', keywords: [], source: 'builtin',
    inputJsonSchema: { type: 'object' }, interactive: false, run: () => Promise.reject(new Error('not run in these tests')),
    ...fields,
  };
}

describe('keywordsOf', () => {
  it('keeps the distinct meaningful words, stemmed, in order, with the first form seen', () => {
    expect([...keywordsOf('Search the web for the latest emails, then SEARCHING emails again: 2024 ok').entries()]).toEqual([
      ['search', 'search'],
      ['web', 'web'],
      ['latest', 'latest'],
      ['email', 'emails'],
      ['again', 'again'],
    ]);
  });
});

describe('recommendTools', () => {
  const web = tool('search_web', { displayName: 'Search the Web', category: 'search', keywords: ['search', 'news', 'internet'], description: 'Finds pages online.' });
  const slack = tool('send_slack_message', { displayName: 'Send Slack Message', category: 'integrations', keywords: ['slack', 'notify'], description: 'Posts a message to a channel.' });
  const clock = tool('get_current_time', { category: 'time', keywords: ['time', 'date'] });

  it('ranks by the weight of the matched words and leaves out tools that match nothing', () => {
    const result = recommendTools([clock, slack, web], 'News researcher\nSearch the internet for news about a company and post a message to the team channel', 5);
    expect(result.map((entry) => entry.toolId)).toEqual(['search_web', 'send_slack_message']);
    // search_web: news (3) + search (3) + internet (3) = 9 → 9/13.
    expect(result[0]).toEqual({ toolId: 'search_web', name: 'Search the Web', category: 'search', score: 0.692, matchedKeywords: ['news', 'search', 'internet'] });
    // send_slack_message: post (description, 1) + message (name, 3) + channel (description, 1) = 5 → 5/9.
    expect(result[1]).toMatchObject({ score: 0.556, matchedKeywords: ['post', 'message', 'channel'] });
  });

  it('counts a word once, at the strongest field that has it, and keeps the score below 1', () => {
    const [only] = recommendTools([web], 'search search searches searching news internet online pages web', 5);
    expect(only!.matchedKeywords).toEqual(['search', 'news', 'internet', 'online', 'pages', 'web']);
    // search 3 + news 3 + internet 3 + online 1 + pages 1 + web 3 (name) = 14 → 14/18.
    expect(only!.score).toBe(0.778);
  });

  it('breaks ties by name, honours the limit, and gives nothing for text without meaningful words', () => {
    const a = tool('b_tool', { keywords: ['invoice'] });
    const b = tool('a_tool', { keywords: ['invoice'] });
    expect(recommendTools([a, b], 'an invoice', 5).map((entry) => entry.toolId)).toEqual(['a_tool', 'b_tool']);
    expect(recommendTools([a, b], 'an invoice', 1).map((entry) => entry.toolId)).toEqual(['a_tool']);
    expect(recommendTools([a, b], 'the and of 42', 5)).toEqual([]);
  });
});
