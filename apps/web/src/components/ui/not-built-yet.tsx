import { Construction } from 'lucide-react';
import { Card } from './card';
import { EmptyState } from './empty-state';

/** The panel of a page that exists in the navigation but is not built yet. */
export function NotBuiltYet({ purpose }: { purpose: string }) {
  return (
    <Card data-testid="not-built-yet">
      <EmptyState
        icon={<Construction aria-hidden="true" className="size-6" />}
        title="Not built yet — coming in a later release"
        description={purpose}
      />
    </Card>
  );
}
