import { TriangleAlert } from 'lucide-react';
import { useRouteError } from 'react-router';
import { Button } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';

/** Shown when a page throws or its code cannot be loaded (typically after an update: reloading fixes it). */
export function RouteError() {
  const error = useRouteError();
  const isChunkError = error instanceof TypeError && /dynamically imported module|fetch/i.test(error.message);
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <EmptyState
        icon={<TriangleAlert aria-hidden="true" className="size-6" />}
        title={isChunkError ? 'A new version is available' : 'Something went wrong'}
        description={
          isChunkError
            ? 'ClaraVerse was updated while this page was open. Reload to continue.'
            : 'This page hit an unexpected problem. Reloading usually helps.'
        }
        action={<Button onClick={() => window.location.reload()}>Reload</Button>}
      />
    </main>
  );
}
