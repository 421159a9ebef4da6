import type { Credential, Integration, IntegrationCategoryGroup } from '@claraverse/shared';
import { Search } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { IntegrationIcon } from '../lib/integration-icons';
import { IntegrationCard } from './integration-card';

interface IntegrationCatalogueProps {
  categories: readonly IntegrationCategoryGroup[];
  credentials: readonly Credential[];
  readyToolsByIntegration: Readonly<Record<string, readonly string[]>>;
  onAdd: (integration: Integration) => void;
}

/** Whether every word of the search appears in the integration's name, id, description or a tool's name. */
function matches(integration: Integration, words: readonly string[]): boolean {
  const text = [integration.name, integration.id, integration.description, ...integration.tools].join(' ').toLowerCase();
  return words.every((word) => text.includes(word));
}

/** The services a credential can be added for, by category in the server's order, with a search box. */
export function IntegrationCatalogue({ categories, credentials, readyToolsByIntegration, onAdd }: IntegrationCatalogueProps) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const countByIntegration = useMemo(() => {
    const counts = new Map<string, number>();
    for (const credential of credentials) counts.set(credential.integrationType, (counts.get(credential.integrationType) ?? 0) + 1);
    return counts;
  }, [credentials]);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = categories
    .map((category) => ({ ...category, integrations: category.integrations.filter((integration) => matches(integration, words)) }))
    .filter((category) => category.integrations.length > 0);

  return (
    <section aria-labelledby={`${searchId}-heading`} className="flex flex-col gap-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h2 id={`${searchId}-heading`} className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">
            Services
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Add a credential to give your chats and agents that service's tools.</p>
          <ReadySummary categories={categories} readyToolsByIntegration={readyToolsByIntegration} />
        </div>
        <div className="relative w-full sm:w-72">
          <label htmlFor={searchId} className="sr-only">
            Search services
          </label>
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" />
          <Input id={searchId} type="search" value={search} placeholder="Search services or tools" className="pl-9" onChange={(event) => setSearch(event.target.value)} />
        </div>
      </div>
      {shown.length === 0 ? (
        <EmptyState icon={<Search aria-hidden="true" className="size-6" />} title={`No service matches “${search.trim()}”`} description="Try the service's name (Slack, GitHub) or what you want to do (email, issues)." />
      ) : null}
      {shown.map((category) => (
        <section key={category.id} aria-labelledby={`${searchId}-${category.id}`}>
          <h3 id={`${searchId}-${category.id}`} className="mb-2.5 flex items-center gap-2 text-sm font-semibold tracking-wide text-zinc-700 uppercase dark:text-zinc-300">
            <IntegrationIcon name={category.icon} className="size-4 text-violet-700 dark:text-violet-400" />
            {category.name}
          </h3>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {category.integrations.map((integration) => (
              <IntegrationCard
                key={integration.id}
                integration={integration}
                credentialCount={countByIntegration.get(integration.id) ?? 0}
                readyTools={readyToolsByIntegration[integration.id] ?? []}
                onAdd={() => onAdd(integration)}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

/** "Ready in your chats: 3 tools from Slack and GitHub." — nothing when no integration has a credential yet. */
function ReadySummary({ categories, readyToolsByIntegration }: Pick<IntegrationCatalogueProps, 'categories' | 'readyToolsByIntegration'>) {
  const ready = categories.flatMap((category) => category.integrations).filter((integration) => (readyToolsByIntegration[integration.id]?.length ?? 0) > 0);
  if (ready.length === 0) return null;
  const toolCount = ready.reduce((total, integration) => total + (readyToolsByIntegration[integration.id]?.length ?? 0), 0);
  const names = ready.map((integration) => integration.name);
  const serviceList = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return (
    <p data-testid="ready-summary" className="mt-1 text-sm font-medium text-emerald-800 dark:text-emerald-300">
      Ready in your chats: {toolCount === 1 ? '1 tool' : `${toolCount} tools`} from {serviceList}.
    </p>
  );
}
