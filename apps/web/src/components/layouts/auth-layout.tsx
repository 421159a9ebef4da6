import type { ReactNode } from 'react';
import { BrandMark } from './brand-mark';

interface AuthLayoutProps {
  instanceName: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** Centred card for the signed-out pages: first run, sign in, register, pending. */
export function AuthLayout({ instanceName, title, description, children, footer }: AuthLayoutProps) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-violet-50 to-zinc-50 px-4 py-10 dark:from-zinc-900 dark:to-zinc-950">
      <main className="w-full max-w-sm">
        <div className="mb-6 flex justify-center">
          <BrandMark instanceName={instanceName} />
        </div>
        <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">{title}</h1>
          {description ? <div className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">{description}</div> : null}
          <div className="mt-6">{children}</div>
        </div>
        {footer ? <div className="mt-6 text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</div> : null}
      </main>
    </div>
  );
}
