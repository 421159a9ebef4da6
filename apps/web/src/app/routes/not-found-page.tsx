import { Compass } from 'lucide-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useDocumentTitle } from '../use-document-title';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <EmptyState
        icon={<Compass aria-hidden="true" className="size-6" />}
        title="This page does not exist"
        description="The link may be old, or the address mistyped."
        action={
          <Link to="/" className="text-sm font-medium text-violet-700 hover:underline dark:text-violet-400">
            Go to the start page
          </Link>
        }
      />
    </main>
  );
}
