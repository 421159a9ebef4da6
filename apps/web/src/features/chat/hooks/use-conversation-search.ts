import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { searchConversations } from '../stores/conversation-actions';

/** Ids of the conversations matching `query` (null when the query is empty or not answered yet). */
export function useConversationSearch(query: string): Set<string> | null {
  const debouncedQuery = useDebouncedValue(query.trim(), 200);
  const [result, setResult] = useState<{ query: string; ids: Set<string> } | null>(null);

  useEffect(() => {
    if (!debouncedQuery) return;
    let isCurrent = true;
    searchConversations(debouncedQuery).then(
      (ids) => {
        if (isCurrent) setResult({ query: debouncedQuery, ids });
      },
      (error: unknown) => console.error('Chat search failed', error),
    );
    return () => {
      isCurrent = false;
    };
  }, [debouncedQuery]);

  if (!query.trim()) return null;
  return result?.query === debouncedQuery ? result.ids : null;
}
