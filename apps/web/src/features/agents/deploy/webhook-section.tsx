import type { Agent } from '@claraverse/shared';
import { TriangleAlert } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { LoadingState } from '../../../components/ui/spinner';
import { TextField } from '../../../components/ui/text-field';
import { describeError } from '../../../lib/error-messages';
import { useCreateAgentWebhook } from '../api/create-agent-webhook';
import { useDeleteAgentWebhook } from '../api/delete-agent-webhook';
import { useAgentWebhook } from '../api/get-agent-webhook';
import { useUpdateAgentSettings } from '../api/update-agent-settings';
import { CodeBox, CopyButton, DeploySection, describeDeployError } from './deploy-ui';

/** How a sender signs a call to a signed hook (shell, with openssl). */
function signingExample(url: string): string {
  return [
    `BODY='{"message":"Hello"}'`,
    `SIG=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" | sed 's/^.* //')`,
    `curl -X POST '${url}' \\`,
    "  -H 'Content-Type: application/json' \\",
    `  -H "X-Claraverse-Signature: sha256=$SIG" \\`,
    `  -d "$BODY"`,
  ].join('\n');
}

/**
 * The inbound webhook (POST JSON to its URL to run the agent; optionally signed with HMAC-SHA256) — its secret is
 * shown once when it is made — and the completion callback URL the server calls when a run ends.
 */
export function WebhookSection({ agent }: { agent: Agent }) {
  const webhookQuery = useAgentWebhook(agent.id);
  const create = useCreateAgentWebhook(agent.id);
  const remove = useDeleteAgentWebhook(agent.id);
  const [signed, setSigned] = useState(true);
  const [secret, setSecret] = useState<string | undefined>();
  const webhook = webhookQuery.data;
  const url = webhook ? `${window.location.origin}${webhook.path}` : '';

  const makeHook = async () => {
    setSecret(undefined);
    const response = await create.mutateAsync(signed);
    setSecret(response.secret ?? undefined);
  };

  return (
    <DeploySection id="webhook" title="Webhook" intro="Let another service run this agent by POSTing JSON (the body is the run input).">
      {webhookQuery.isPending ? (
        <LoadingState label="Loading the webhook…" />
      ) : webhookQuery.isError ? (
        <Alert tone="error" title="The webhook could not be loaded">
          {describeError(webhookQuery.error)}
        </Alert>
      ) : webhook ? (
        <div className="flex flex-col gap-2">
          <div className="flex items-center gap-2">
            <span className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Webhook URL</span>
            {webhook.signed ? <Badge tone="success">Signed</Badge> : <Badge tone="warning">Not signed</Badge>}
          </div>
          <div className="flex items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50 px-2 py-1 dark:border-zinc-800 dark:bg-zinc-950">
            <code aria-label="Webhook URL" className="min-w-0 flex-1 font-mono text-xs break-all text-zinc-800 dark:text-zinc-200">
              {url}
            </code>
            <CopyButton text={url} label="Copy webhook URL" />
          </div>
          {secret ? (
            <div role="status" aria-label="Signing secret" className="flex flex-col gap-1.5 rounded-lg border border-amber-300 bg-amber-50 p-2.5 dark:border-amber-800 dark:bg-amber-950/50">
              <p className="flex items-center gap-1.5 text-xs font-semibold text-amber-900 dark:text-amber-200">
                <TriangleAlert aria-hidden="true" className="size-3.5" />
                Signing secret — copy it now, it is not shown again
              </p>
              <div className="flex items-center gap-1">
                <code className="min-w-0 flex-1 font-mono text-xs break-all text-zinc-900 dark:text-zinc-100">{secret}</code>
                <CopyButton text={secret} label="Copy signing secret" />
              </div>
            </div>
          ) : null}
          {webhook.signed ? (
            <>
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                Each call must carry <code className="font-mono">X-Claraverse-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body with the secret&gt;</code>; calls without a
                valid signature are refused with 401.
              </p>
              <CodeBox code={signingExample(url)} label="Signed call (shell)" copyLabel="Copy signed call" />
            </>
          ) : null}
          <div className="flex gap-2">
            <Button size="small" variant="secondary" isLoading={create.isPending} onClick={() => void makeHook().catch(() => undefined)}>
              Replace (new URL{signed ? ' and secret' : ''})
            </Button>
            <Button size="small" variant="ghost" isLoading={remove.isPending} onClick={() => remove.mutate()}>
              Delete webhook
            </Button>
          </div>
          <Checkbox label="Sign calls to the new URL" isChecked={signed} onChange={setSigned} />
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          <Checkbox label="Require a signature" description="Calls must be signed with a secret (HMAC-SHA256); recommended." isChecked={signed} onChange={setSigned} />
          <Button size="small" className="self-start" isLoading={create.isPending} onClick={() => void makeHook().catch(() => undefined)}>
            Create webhook
          </Button>
        </div>
      )}
      {create.isError ? <Alert tone="error">{describeDeployError(create.error)}</Alert> : null}
      {remove.isError ? <Alert tone="error">{describeDeployError(remove.error)}</Alert> : null}
      <CallbackUrlForm agent={agent} />
    </DeploySection>
  );
}

/** The completion callback URL: ClaraVerse POSTs `{ executionId, status, output, … }` there when a run ends. */
function CallbackUrlForm({ agent }: { agent: Agent }) {
  const update = useUpdateAgentSettings(agent.id);
  const saved = typeof agent.settings['callbackUrl'] === 'string' ? agent.settings['callbackUrl'] : '';
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setDone(false);
    const url = value.trim();
    if (url !== '') {
      try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http');
      } catch {
        setError('Enter a full http(s) URL, e.g. https://example.com/claraverse/done.');
        return;
      }
    }
    try {
      await update.mutateAsync({ ...agent.settings, callbackUrl: url });
      setDone(true);
    } catch (caught) {
      setError(describeDeployError(caught));
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="flex flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <TextField
        label="Completion callback URL"
        type="url"
        placeholder="https://example.com/claraverse/done"
        value={value}
        onValueChange={setValue}
        error={error}
        hint="When a run ends, ClaraVerse POSTs { executionId, agentId, status, output, error, durationMs } here — signed with the webhook's secret when it has one (X-Claraverse-Timestamp, and X-Claraverse-Signature: sha256=HMAC-SHA256 of “timestamp.body”). Leave empty for none."
      />
      <div className="flex items-center justify-end gap-2">
        {done ? (
          <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
            Saved
          </span>
        ) : null}
        <Button type="submit" size="small" variant="secondary" isLoading={update.isPending}>
          Save callback
        </Button>
      </div>
    </form>
  );
}
