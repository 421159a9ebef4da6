import { ShieldAlert } from 'lucide-react';
import { Link, NavLink, Outlet } from 'react-router';
import { Card } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { classNames } from '../../../lib/class-names';
import { useSessionStore } from '../../../stores/session-store';
import { useDocumentTitle } from '../../use-document-title';

const sections = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/providers', label: 'Providers' },
  { to: '/admin/models', label: 'Models' },
  { to: '/admin/mcp-servers', label: 'MCP servers' },
  { to: '/admin/settings', label: 'Settings' },
] as const;

/** Frame of the admin pages; people who are not administrators get a "not allowed" page instead. */
export function AdminArea() {
  const isAdmin = useSessionStore((state) => state.user?.role === 'admin');
  useDocumentTitle(isAdmin ? 'Admin' : 'Not allowed');
  if (!isAdmin) {
    return (
      <Card data-testid="not-allowed">
        <EmptyState
          icon={<ShieldAlert aria-hidden="true" className="size-6" />}
          title="You are not allowed to see this page"
          description="The admin area is for administrators of this instance. Ask one if you need access."
          action={
            <Link to="/chat" className="text-sm font-medium text-violet-700 hover:underline dark:text-violet-400">
              Go to Chat
            </Link>
          }
        />
      </Card>
    );
  }
  return (
    <>
      <PageHeader title="Admin" description="Manage who can use this instance and how it behaves." />
      <nav aria-label="Admin sections" className="mb-6 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800">
        {sections.map((section) => (
          <NavLink
            key={section.to}
            to={section.to}
            className={({ isActive }) =>
              classNames(
                '-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors',
                isActive
                  ? 'border-violet-600 text-violet-800 dark:border-violet-400 dark:text-violet-200'
                  : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
              )
            }
          >
            {section.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
