import type { Agent, DeploySnippets } from '@claraverse/shared';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { LoadingState } from '../../../components/ui/spinner';
import { classNames } from '../../../lib/class-names';
import { describeError } from '../../../lib/error-messages';
import { useDeploySnippets } from '../api/get-deploy-snippets';
import { CodeBox, DeploySection } from './deploy-ui';

/** The placeholder the server writes where an API key goes. */
export const apiKeyPlaceholder = 'clv_YOUR_API_KEY';

export const snippetLanguages = [
  { id: 'curl', label: 'curl' },
  { id: 'python', label: 'Python' },
  { id: 'javascript', label: 'JavaScript' },
  { id: 'go', label: 'Go' },
] as const;
export type SnippetLanguage = (typeof snippetLanguages)[number]['id'];

/**
 * A snippet as shown: the server's `?wait=true` example, or its async variant (answers 202 with the execution id
 * at once), with `apiKey` in place of the placeholder when a key was just created.
 */
export function snippetVariant(snippets: DeploySnippets, language: SnippetLanguage, options: { wait: boolean; apiKey?: string | undefined }): string {
  let code = snippets[language];
  if (!options.wait) {
    code = language === 'python' ? code.replace(/^\s*params=\{"wait": "true"\},\n/m, '') : code.replaceAll('?wait=true', '');
    if (language === 'python') code = code.replace('print(response.json()["output"])', 'print(response.json()["executionId"])');
    if (language === 'javascript') code = code.replace('console.log(execution.output);', 'console.log(execution.executionId);');
  }
  return options.apiKey === undefined ? code : code.replaceAll(apiKeyPlaceholder, options.apiKey);
}

/** Ready-to-paste trigger code in four languages, waiting for the result or not, with the new key filled in. */
export function SnippetsSection({ agent, apiKey }: { agent: Agent; apiKey: string | undefined }) {
  const snippetsQuery = useDeploySnippets(agent.id, agent.workflowVersion);
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [wait, setWait] = useState(true);
  return (
    <DeploySection id="snippets" title="Code snippets" intro="Trigger this agent over HTTP with an API key.">
      {snippetsQuery.isPending ? (
        <LoadingState label="Loading snippets…" />
      ) : snippetsQuery.isError ? (
        <Alert tone="error" title="The snippets could not be loaded">
          {describeError(snippetsQuery.error)}
        </Alert>
      ) : (
        <>
          <div className="flex items-center justify-between gap-2">
            <div role="tablist" aria-label="Language" className="flex gap-0.5 rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-800">
              {snippetLanguages.map((item) => (
                <button
                  key={item.id}
                  type="button"
                  role="tab"
                  aria-selected={item.id === language}
                  onClick={() => setLanguage(item.id)}
                  className={classNames(
                    'rounded-md px-2 py-1 text-xs font-medium',
                    item.id === language ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-50' : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                  )}
                >
                  {item.label}
                </button>
              ))}
            </div>
            <label className="flex items-center gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
              <input type="checkbox" checked={wait} onChange={(event) => setWait(event.target.checked)} className="size-3.5 accent-violet-700" />
              Wait for the result
            </label>
          </div>
          <CodeBox
            code={snippetVariant(snippetsQuery.data, language, { wait, apiKey })}
            label={`${snippetLanguages.find((item) => item.id === language)?.label ?? language} snippet`}
            copyLabel="Copy snippet"
          />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {wait
              ? 'Waits for the run to end and answers with the execution (its output, status and blocks); a long run answers 202 with its id instead.'
              : 'Answers 202 at once with { executionId }; read the result from the status endpoint below.'}{' '}
            {apiKey === undefined ? `Replace ${apiKeyPlaceholder} with a key that can run this agent.` : 'Your new key is filled in.'}
          </p>
        </>
      )}
    </DeploySection>
  );
}
