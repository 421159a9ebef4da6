import type { Agent } from '@claraverse/shared';
import { useState } from 'react';
import { ApiDocsSection } from './api-docs-section';
import { ApiKeysSection, type CreatedKey } from './api-keys-section';
import { ScheduleSection } from './schedule-section';
import { SnippetsSection } from './snippets-section';
import { WebhookSection } from './webhook-section';

/**
 * The Deploy tab: everything that runs this agent without the editor — a schedule (visual cron builder, time
 * zone, next runs), API keys that may trigger it (shown once when created), code snippets (the new key filled in),
 * the inbound webhook and completion callback, and the agent's API reference.
 */
export function DeployPanel({ agent }: { agent: Agent }) {
  const [created, setCreated] = useState<CreatedKey | undefined>();
  return (
    <div className="flex flex-col">
      <ScheduleSection agent={agent} />
      <ApiKeysSection agent={agent} created={created} onCreated={setCreated} />
      <SnippetsSection agent={agent} apiKey={created?.apiKey} />
      <WebhookSection agent={agent} />
      <ApiDocsSection agent={agent} />
    </div>
  );
}
