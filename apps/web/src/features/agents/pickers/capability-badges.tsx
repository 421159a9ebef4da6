import type { ModelCapabilities } from '@claraverse/shared';
import { Badge } from '../../../components/ui/badge';

const labels: { key: keyof ModelCapabilities; label: string }[] = [
  { key: 'tools', label: 'Tools' },
  { key: 'structuredOutput', label: 'JSON output' },
  { key: 'vision', label: 'Vision' },
  { key: 'reasoning', label: 'Reasoning' },
];

/** What a model can do, as badges (only the capabilities it has). */
export function CapabilityBadges({ capabilities }: { capabilities: ModelCapabilities }) {
  const present = labels.filter((entry) => capabilities[entry.key]);
  if (present.length === 0) return <span className="text-xs text-zinc-500 dark:text-zinc-400">Text only</span>;
  return (
    <ul aria-label="Capabilities" className="flex flex-wrap gap-1">
      {present.map((entry) => (
        <li key={entry.key}>
          <Badge tone="accent">{entry.label}</Badge>
        </li>
      ))}
    </ul>
  );
}
