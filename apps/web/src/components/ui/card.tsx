import type { HTMLAttributes, ReactNode } from 'react';
import { classNames } from '../../lib/class-names';

/** A bordered surface. */
export function Card({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={classNames(
        'rounded-xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900',
        className,
      )}
      {...rest}
    />
  );
}

interface CardHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Heading level; defaults to h2. */
  headingLevel?: 'h1' | 'h2' | 'h3';
}

/** Title row of a card. */
export function CardHeader({ title, description, actions, headingLevel: Heading = 'h2' }: CardHeaderProps) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
      <div className="min-w-0">
        <Heading className="text-base font-semibold text-zinc-900 dark:text-zinc-50">{title}</Heading>
        {description ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

/** Padded content area of a card. */
export function CardBody({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={classNames('px-5 py-4', className)} {...rest} />;
}
