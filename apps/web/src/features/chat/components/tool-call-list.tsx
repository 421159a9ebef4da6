import type { ToolCall } from '../lib/chat-types';
import { ToolCallCard } from './tool-call-card';

/** The tools one step of a reply called, in the order the model asked for them. */
export function ToolCallList({ toolCalls }: { toolCalls: readonly ToolCall[] }) {
  return (
    <ul className="my-2 flex flex-col gap-1.5">
      {toolCalls.map((call) => (
        <li key={call.id}>
          <ToolCallCard toolCall={call} />
        </li>
      ))}
    </ul>
  );
}
