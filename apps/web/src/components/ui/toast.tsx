import { CircleAlert, CircleCheck, X } from 'lucide-react';
import { create } from 'zustand';
import { classNames } from '../../lib/class-names';

interface Toast {
  id: number;
  tone: 'success' | 'error';
  message: string;
}

interface ToastState {
  toasts: Toast[];
  dismiss: (id: number) => void;
}

/** How long a toast stays, in milliseconds. */
const toastLifetimeMilliseconds = 5_000;
let nextToastId = 1;

const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));

/** Shows a short confirmation or error in the corner of the screen. */
export function showToast(message: string, tone: Toast['tone'] = 'success'): void {
  const id = nextToastId++;
  useToastStore.setState((state) => ({ toasts: [...state.toasts.slice(-2), { id, tone, message }] }));
  setTimeout(() => useToastStore.getState().dismiss(id), toastLifetimeMilliseconds);
}

/** Renders the toasts; mount once near the root. */
export function Toaster() {
  const toasts = useToastStore((state) => state.toasts);
  const dismiss = useToastStore((state) => state.dismiss);
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-center gap-2 p-4 sm:items-end"
    >
      {toasts.map((toast) => {
        const Icon = toast.tone === 'success' ? CircleCheck : CircleAlert;
        return (
          <div
            key={toast.id}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            className="pointer-events-auto flex w-full max-w-sm items-start gap-2.5 rounded-lg border border-zinc-200 bg-white px-3.5 py-3 text-sm text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100"
          >
            <Icon
              aria-hidden="true"
              className={classNames(
                'mt-0.5 size-4 shrink-0',
                toast.tone === 'success' ? 'text-emerald-600 dark:text-emerald-400' : 'text-red-600 dark:text-red-400',
              )}
            />
            <p className="min-w-0 flex-1">{toast.message}</p>
            <button
              type="button"
              onClick={() => dismiss(toast.id)}
              aria-label="Dismiss notification"
              className="-m-1 rounded p-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
