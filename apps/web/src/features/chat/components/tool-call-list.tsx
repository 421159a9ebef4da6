import { CircleAlert, CircleCheck, Wrench } from 'lucide-react';
import type { ToolCall } from '../lib/chat-types';
import { Spinner } from '../../../components/ui/spinner';

/** Tools the model called for this reply, each expandable to its arguments and result. */
export function ToolCallList({ toolCalls }: { toolCalls: readonly ToolCall[] }) {
  return (
    <ul className="mb-2 flex flex-col gap-1">
      {toolCalls.map((call) => (
        <li key={call.id}>
          <details className="rounded-lg border border-zinc-200 text-xs dark:border-zinc-800">
            <summary className="flex cursor-pointer items-center gap-1.5 px-2.5 py-1.5 text-zinc-600 dark:text-zinc-400">
              <Wrench aria-hidden="true" className="size-3.5" />
              <span className="font-medium">{call.displayName || call.name}</span>
              {call.status === 'executing' ? <Spinner label="Running" /> : null}
              {call.status === 'completed' ? <CircleCheck aria-label="Done" className="size-3.5 text-emerald-600" /> : null}
              {call.status === 'failed' ? <CircleAlert aria-label="Failed" className="size-3.5 text-red-600" /> : null}
            </summary>
            <pre className="overflow-x-auto border-t border-zinc-200 p-2.5 whitespace-pre-wrap dark:border-zinc-800">
              {JSON.stringify({ arguments: call.args, result: call.result }, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
