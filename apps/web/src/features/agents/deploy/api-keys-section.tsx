import type { Agent, ApiKey } from '@claraverse/shared';
import { KeyRound, TriangleAlert } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { Field } from '../../../components/ui/field';
import { Select } from '../../../components/ui/select';
import { LoadingState } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { describeError } from '../../../lib/error-messages';
import { formatDate } from '../../../lib/format-date';
import { useCreateApiKey } from '../api/create-api-key';
import { canExecuteAgent, useApiKeys } from '../api/list-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { useEditorStore } from '../stores/editor-store-context';
import { describeAgentInput } from './api-docs-section';
import { CopyButton, DeploySection, describeDeployError } from './deploy-ui';

const expiryOptions = [
  { value: '', label: 'Never expires' },
  { value: '7', label: 'In 7 days' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
];

/** A key newly created here: the secret itself, which the server never shows again. */
export interface CreatedKey {
  name: string;
  apiKey: string;
}

interface ApiKeysSectionProps {
  agent: Agent;
  created: CreatedKey | undefined;
  onCreated: (key: CreatedKey | undefined) => void;
}

/**
 * The API keys that may run this agent (scope `execute:<agentId>` or `execute:*`): list, create with scopes and
 * an expiry — the key shown once, with a copy button — and revoke.
 */
export function ApiKeysSection({ agent, created, onCreated }: ApiKeysSectionProps) {
  const keysQuery = useApiKeys();
  const keys = (keysQuery.data ?? []).filter((key) => canExecuteAgent(key, agent.id) && key.revokedAt === null);
  return (
    <DeploySection id="api-keys" title="API keys" intro="Keys that can trigger this agent from your code. Keep them secret.">
      {created ? <NewKeyNotice created={created} onDone={() => onCreated(undefined)} /> : null}
      {keysQuery.isPending ? (
        <LoadingState label="Loading keys…" />
      ) : keysQuery.isError ? (
        <Alert tone="error" title="The keys could not be loaded">
          {describeError(keysQuery.error)}
        </Alert>
      ) : keys.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No key can run this agent yet.</p>
      ) : (
        <ul aria-label="API keys for this agent" className="flex flex-col gap-2">
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} />
          ))}
        </ul>
      )}
      <CreateKeyForm agent={agent} onCreated={onCreated} />
    </DeploySection>
  );
}

function NewKeyNotice({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  return (
    <div role="status" aria-label="New API key" className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950/50">
      <p className="flex items-center gap-1.5 text-sm font-semibold text-amber-900 dark:text-amber-200">
        <TriangleAlert aria-hidden="true" className="size-4" />
        Copy “{created.name}” now — you won’t see it again
      </p>
      <div className="flex items-center gap-1 rounded-md border border-amber-200 bg-white px-2 py-1 dark:border-amber-900 dark:bg-zinc-950">
        <code aria-label="API key" className="min-w-0 flex-1 font-mono text-xs break-all text-zinc-900 dark:text-zinc-100">
          {created.apiKey}
        </code>
        <CopyButton text={created.apiKey} label="Copy API key" />
      </div>
      <p className="text-xs text-amber-900 dark:text-amber-200">It is already filled into the snippets below. ClaraVerse stores only a hash of it.</p>
      <Button size="small" variant="secondary" className="self-end" onClick={onDone}>
        I have copied it
      </Button>
    </div>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const revoke = useRevokeApiKey();
  const [isConfirming, setIsConfirming] = useState(false);
  // The time the row was first shown: an expiry passing while the panel is open shows on the next visit.
  const [shownAt] = useState(() => Date.now());
  const isExpired = apiKey.expiresAt !== null && new Date(apiKey.expiresAt).getTime() < shownAt;
  return (
    <li aria-label={apiKey.name} className="rounded-lg border border-zinc-200 p-2.5 dark:border-zinc-800">
      <div className="flex items-center gap-2">
        <KeyRound aria-hidden="true" className="size-4 shrink-0 text-zinc-400" />
        <span className="min-w-0 truncate text-sm font-medium text-zinc-900 dark:text-zinc-50">{apiKey.name}</span>
        <code className="text-xs text-zinc-500 dark:text-zinc-400">{apiKey.prefix}…</code>
        {isExpired ? <Badge tone="danger">Expired</Badge> : null}
        {isConfirming ? (
          <span className="ml-auto flex gap-1">
            <Button size="small" variant="ghost" onClick={() => setIsConfirming(false)}>
              Cancel
            </Button>
            <Button size="small" variant="danger" isLoading={revoke.isPending} onClick={() => revoke.mutate(apiKey.id)}>
              Revoke now
            </Button>
          </span>
        ) : (
          <Button size="small" variant="ghost" className="ml-auto" aria-label={`Revoke ${apiKey.name}`} onClick={() => setIsConfirming(true)}>
            Revoke
          </Button>
        )}
      </div>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        {apiKey.scopes.join(', ')} · created {formatDate(apiKey.createdAt)} · {apiKey.expiresAt ? `expires ${formatDate(apiKey.expiresAt)}` : 'no expiry'} ·{' '}
        {apiKey.lastUsedAt ? `last used ${formatDate(apiKey.lastUsedAt)}` : 'never used'}
      </p>
      {revoke.isError ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{describeError(revoke.error)}</p> : null}
    </li>
  );
}

function CreateKeyForm({ agent, onCreated }: { agent: Agent; onCreated: (key: CreatedKey) => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState(`${agent.name} key`);
  const [canRead, setCanRead] = useState(true);
  // An agent whose start block takes a file is called by uploading first: its keys need "upload" by default.
  const takesFile = useEditorStore((state) => describeAgentInput(state.workflow).type === 'file');
  const [canUpload, setCanUpload] = useState(takesFile);
  const [expiry, setExpiry] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (name.trim() === '') {
      setError('Give the key a name, so you know later where it is used.');
      return;
    }
    const scopes = [`execute:${agent.id}`, ...(canRead ? ['read:executions'] : []), ...(canUpload ? ['upload'] : [])];
    try {
      const response = await create.mutateAsync({ name: name.trim(), scopes: scopes as never, ...(expiry === '' ? {} : { expiresInDays: Number(expiry) }) });
      onCreated({ name: response.key.name, apiKey: response.apiKey });
    } catch (caught) {
      setError(describeDeployError(caught));
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Create an API key" className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950/40">
      <p className="text-sm font-medium text-zinc-900 dark:text-zinc-50">New key</p>
      <TextField label="Key name" value={name} onValueChange={setName} maxLength={100} error={error} />
      <div className="flex flex-col gap-2">
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Can run this agent <span className="text-xs text-zinc-500 dark:text-zinc-400">(always; scope execute:{agent.id})</span>
        </p>
        <Checkbox label="Read executions" description="Poll a run's status and result (read:executions)." isChecked={canRead} onChange={setCanRead} />
        <Checkbox label="Upload files" description="Send files as run input (upload)." isChecked={canUpload} onChange={setCanUpload} />
      </div>
      <Field label="Expires">{(controlProps) => <Select {...controlProps} options={expiryOptions} value={expiry} onChange={(event) => setExpiry(event.target.value)} />}</Field>
      <Button type="submit" size="small" className="self-end" isLoading={create.isPending}>
        Create key
      </Button>
    </form>
  );
}
