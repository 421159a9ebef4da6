import { CircleAlert, CircleCheck, Info } from 'lucide-react';
import type { ReactNode } from 'react';
import { classNames } from '../../lib/class-names';

const toneStyles = {
  error: {
    classes: 'border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200',
    Icon: CircleAlert,
  },
  success: {
    classes:
      'border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200',
    Icon: CircleCheck,
  },
  info: {
    classes: 'border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-200',
    Icon: Info,
  },
} as const;

interface AlertProps {
  tone?: keyof typeof toneStyles;
  title?: string;
  children: ReactNode;
  className?: string;
}

/** An inline message. Errors are announced at once (`role="alert"`), the others politely. */
export function Alert({ tone = 'info', title, children, className }: AlertProps) {
  const { classes, Icon } = toneStyles[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={classNames('flex gap-2.5 rounded-lg border px-3.5 py-3 text-sm', classes, className)}
    >
      <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0">
        {title ? <p className="font-semibold">{title}</p> : null}
        <div>{children}</div>
      </div>
    </div>
  );
}
