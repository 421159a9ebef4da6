import { Menu, X, type LucideIcon } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { classNames } from '../../lib/class-names';
import { BrandMark } from './brand-mark';

export interface NavigationItem {
  to: string;
  label: string;
  icon: LucideIcon;
}

interface AppLayoutProps {
  instanceName: string;
  navigationItems: readonly NavigationItem[];
  /** Rendered at the right of the top bar: the account menu. */
  accountMenu: ReactNode;
  /**
   * Pages that use the whole window (a canvas) instead of the readable column, tested on each path: the sidebar
   * shrinks to a rail of icons and the page's margins to a few pixels.
   */
  isFullWidthPath?: (pathname: string) => boolean;
  children: ReactNode;
}

/**
 * The signed-in shell: a sidebar on wide screens; on narrow screens a top bar whose menu button opens the
 * navigation as a drawer.
 */
export function AppLayout({ instanceName, navigationItems, accountMenu, isFullWidthPath, children }: AppLayoutProps) {
  const location = useLocation();
  // The drawer remembers the page it was opened on, so that following a link closes it without an effect.
  const [drawerPath, setDrawerPath] = useState<string | null>(null);
  const isNavigationOpen = drawerPath === location.pathname;
  const setIsNavigationOpen = (isOpen: boolean) => setDrawerPath(isOpen ? location.pathname : null);
  const isFullWidth = isFullWidthPath?.(location.pathname) ?? false;

  useEffect(() => {
    if (!isNavigationOpen) return;
    const handleKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setIsNavigationOpen(false);
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [isNavigationOpen]);

  const renderNavigation = (isRail: boolean) => (
    <nav aria-label="Main" className={classNames('flex flex-col gap-1', isRail ? 'p-2' : 'p-3')}>
      {navigationItems.map(({ to, label, icon: Icon }) => (
        <NavLink
          key={to}
          to={to}
          title={isRail ? label : undefined}
          className={({ isActive }) =>
            classNames(
              'flex items-center gap-3 rounded-lg py-2 text-sm font-medium transition-colors',
              isRail ? 'justify-center px-2' : 'px-3',
              isActive
                ? 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100'
                : 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-50',
            )
          }
        >
          <Icon aria-hidden="true" className="size-4.5 shrink-0" />
          <span className={isRail ? 'sr-only' : undefined}>{label}</span>
        </NavLink>
      ))}
    </nav>
  );

  return (
    <div className="flex min-h-dvh">
      <a
        href="#main-content"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <aside className={classNames('hidden shrink-0 flex-col border-r border-zinc-200 bg-white md:flex dark:border-zinc-800 dark:bg-zinc-900', isFullWidth ? 'w-14' : 'w-60')}>
        <div className={classNames('flex h-14 items-center border-b border-zinc-200 dark:border-zinc-800', isFullWidth ? 'justify-center' : 'px-4')}>
          <BrandMark instanceName={instanceName} compact={isFullWidth} />
        </div>
        {renderNavigation(isFullWidth)}
      </aside>

      {isNavigationOpen ? (
        <div className="fixed inset-0 z-40 md:hidden">
          <div aria-hidden="true" className="absolute inset-0 bg-zinc-950/50" onClick={() => setIsNavigationOpen(false)} />
          <div
            id="mobile-navigation"
            className="absolute inset-y-0 left-0 flex w-72 max-w-[85%] flex-col bg-white shadow-xl dark:bg-zinc-900"
          >
            <div className="flex h-14 items-center justify-between border-b border-zinc-200 px-4 dark:border-zinc-800">
              <BrandMark instanceName={instanceName} />
              <button
                type="button"
                onClick={() => setIsNavigationOpen(false)}
                aria-label="Close navigation"
                className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
              >
                <X aria-hidden="true" className="size-5" />
              </button>
            </div>
            {renderNavigation(false)}
          </div>
        </div>
      ) : null}

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white/90 px-3 backdrop-blur sm:px-4 dark:border-zinc-800 dark:bg-zinc-900/90">
          <button
            type="button"
            onClick={() => setIsNavigationOpen(true)}
            aria-label="Open navigation"
            aria-expanded={isNavigationOpen}
            aria-controls="mobile-navigation"
            className="rounded-md p-1.5 text-zinc-700 hover:bg-zinc-100 md:hidden dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            <Menu aria-hidden="true" className="size-5" />
          </button>
          <div className="min-w-0 md:hidden">
            <BrandMark instanceName={instanceName} />
          </div>
          <div className="ml-auto">{accountMenu}</div>
        </header>
        <main id="main-content" tabIndex={-1} className={classNames('flex-1', isFullWidth ? 'p-2' : 'px-4 py-6 sm:px-6 lg:px-8')}>
          <div className={classNames('mx-auto w-full', isFullWidth ? '' : 'max-w-5xl')}>{children}</div>
        </main>
      </div>
    </div>
  );
}
