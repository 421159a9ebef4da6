/** Words shorter than this are not indexed (they match too much to be useful). */
const minimumWordLength = 2;
/** Cap per text, so that a huge pasted log does not bloat the index. */
const maximumWordsPerText = 2_000;

/** Lower-cased, accent-free words of `text`, without duplicates, for the offline search index. */
export function searchWordsOf(text: string): string[] {
  const words = new Set<string>();
  const normalized = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  for (const match of normalized.matchAll(/[\p{L}\p{N}_]+/gu)) {
    const word = match[0];
    if (word.length >= minimumWordLength) words.add(word.slice(0, 64));
    if (words.size >= maximumWordsPerText) break;
  }
  return [...words];
}

/** The words of a query; each must prefix some indexed word for a conversation to match. */
export function queryWordsOf(query: string): string[] {
  const normalized = query.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set([...normalized.matchAll(/[\p{L}\p{N}_]+/gu)].map((match) => match[0]))];
}
