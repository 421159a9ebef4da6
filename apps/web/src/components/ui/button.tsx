import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { classNames } from '../../lib/class-names';
import { Spinner } from './spinner';

const variantClasses = {
  // Disabled looks disabled in both themes (the dark background must not override it) and does not react to hover.
  primary:
    'bg-violet-700 text-white enabled:hover:bg-violet-800 disabled:bg-violet-700/50 dark:bg-violet-600 dark:enabled:hover:bg-violet-500 dark:disabled:bg-violet-600/30 dark:disabled:text-white/55',
  secondary:
    'border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800',
  ghost: 'text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800',
  danger:
    'bg-red-700 text-white enabled:hover:bg-red-800 disabled:bg-red-700/50 dark:bg-red-600 dark:enabled:hover:bg-red-500 dark:disabled:bg-red-600/30 dark:disabled:text-white/55',
} as const;

const sizeClasses = {
  small: 'h-8 px-2.5 text-xs gap-1.5',
  medium: 'h-10 px-4 text-sm gap-2',
} as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof variantClasses;
  size?: keyof typeof sizeClasses;
  /** Shows a spinner and disables the button while an action runs. */
  isLoading?: boolean;
  icon?: ReactNode;
}

/** The one button of the app. Defaults to `type="button"` so it never submits a form by accident. */
export function Button({
  variant = 'primary',
  size = 'medium',
  isLoading = false,
  icon,
  className,
  disabled,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || isLoading}
      aria-busy={isLoading || undefined}
      className={classNames(
        'inline-flex shrink-0 items-center justify-center rounded-lg font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-70',
        variantClasses[variant],
        sizeClasses[size],
        className,
      )}
      {...rest}
    >
      {isLoading ? <Spinner /> : icon}
      {children}
    </button>
  );
}
