import { ChevronDown, LogOut, Monitor, Moon, Sun } from 'lucide-react';
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '../../lib/use-dismiss';
import { classNames } from '../../lib/class-names';
import type { Theme } from '../../stores/ui-preferences-store';
import { Spinner } from '../ui/spinner';

const themeOptions = [
  { value: 'system', label: 'System', icon: Monitor },
  { value: 'light', label: 'Light', icon: Sun },
  { value: 'dark', label: 'Dark', icon: Moon },
] as const satisfies ReadonlyArray<{ value: Theme; label: string; icon: unknown }>;

interface AccountMenuProps {
  name: string | null;
  email: string;
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  onSignOut: () => void;
  isSigningOut: boolean;
}

/** The avatar button and its popover: who is signed in, the theme switch and Sign out. */
export function AccountMenu({ name, email, theme, onThemeChange, onSignOut, isSigningOut }: AccountMenuProps) {
  const [isOpen, setIsOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const initial = (name?.trim() || email).charAt(0).toUpperCase();

  const handleDismiss = useCallback((reason: 'escape' | 'outside') => {
    setIsOpen(false);
    if (reason === 'escape') buttonRef.current?.focus();
  }, []);
  useDismiss(isOpen, containerRef, handleDismiss);

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label="Account menu"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setIsOpen((value) => !value)}
        className="flex items-center gap-2 rounded-full p-0.5 pr-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        data-testid="account-menu-button"
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-violet-100 text-sm font-semibold text-violet-800 dark:bg-violet-900 dark:text-violet-100"
        >
          {initial}
        </span>
        <ChevronDown aria-hidden="true" className="size-4 text-zinc-500" />
      </button>
      {isOpen ? (
        <div
          id={menuId}
          className="absolute right-0 z-40 mt-2 w-72 max-w-[calc(100vw-1.5rem)] rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <div className="px-2.5 py-2">
            <p className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-50" data-testid="account-name">
              {name || 'No name set'}
            </p>
            <p className="truncate text-sm text-zinc-600 dark:text-zinc-400" data-testid="account-email">
              {email}
            </p>
          </div>
          <div className="my-1 border-t border-zinc-200 dark:border-zinc-800" />
          <fieldset className="px-2.5 py-2">
            <legend className="mb-2 text-xs font-medium text-zinc-500 dark:text-zinc-400">Theme</legend>
            <div className="grid grid-cols-3 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
              {themeOptions.map(({ value, label, icon: Icon }) => (
                <button
                  key={value}
                  type="button"
                  aria-pressed={theme === value}
                  onClick={() => onThemeChange(value)}
                  className={classNames(
                    'flex items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-xs font-medium',
                    theme === value
                      ? 'bg-white text-zinc-900 shadow-sm dark:bg-zinc-950 dark:text-zinc-50'
                      : 'text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100',
                  )}
                >
                  <Icon aria-hidden="true" className="size-3.5" />
                  {label}
                </button>
              ))}
            </div>
          </fieldset>
          <div className="my-1 border-t border-zinc-200 dark:border-zinc-800" />
          <button
            type="button"
            onClick={onSignOut}
            disabled={isSigningOut}
            className="flex w-full items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 disabled:opacity-60 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            {isSigningOut ? <Spinner /> : <LogOut aria-hidden="true" className="size-4" />}
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
