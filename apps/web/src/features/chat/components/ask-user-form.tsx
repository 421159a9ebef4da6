import { CircleCheck, CircleSlash, Clock, MessageCircleQuestion } from 'lucide-react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import type { ChatPrompt, ChatPromptStatus, PromptAnswerValue } from '../lib/chat-types';
import { collectAnswers, draftFromAnswer, formatCountdown, initialDraft, type QuestionDraft } from '../lib/prompt-answers';
import { PromptQuestionField } from './prompt-question-field';

interface AskUserFormProps {
  prompt: ChatPrompt;
  /** The reply is still running (a stopped or finished reply no longer waits for answers). */
  isReplyActive: boolean;
  onAnswer: (answers: Record<string, PromptAnswerValue>) => void;
  onSkip: () => void;
}

/** Seconds until `expiresAt`, counting down once a second while `isCounting`; null when not counting. */
function useSecondsLeft(expiresAt: string, isCounting: boolean): number | null {
  const deadline = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isCounting) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [isCounting]);
  if (!isCounting || Number.isNaN(deadline)) return null;
  return Math.max(0, (deadline - now) / 1_000);
}

const closedStates: Record<Exclude<ChatPromptStatus, 'waiting'>, { text: string; Icon: typeof CircleCheck }> = {
  answered: { text: 'Answered', Icon: CircleCheck },
  skipped: { text: 'Skipped', Icon: CircleSlash },
  expired: { text: 'No longer waiting for answers', Icon: Clock },
};

function initialDrafts(prompt: ChatPrompt): Record<string, QuestionDraft> {
  return Object.fromEntries(
    prompt.questions.map((question) => [
      question.id,
      prompt.answers ? draftFromAnswer(question, prompt.answers[question.id]) : initialDraft(question),
    ]),
  );
}

/**
 * An `ask_user` form inside the reply: every question type, required fields checked before sending, Submit and
 * (when allowed) Skip, a countdown to the deadline; afterwards read-only with what happened.
 */
export function AskUserForm({ prompt, isReplyActive, onAnswer, onSkip }: AskUserFormProps) {
  const titleId = useId();
  const [drafts, setDrafts] = useState(() => initialDrafts(prompt));
  const [hasTriedToSubmit, setHasTriedToSubmit] = useState(false);
  const isWaiting = prompt.status === 'waiting' && isReplyActive;
  const secondsLeft = useSecondsLeft(prompt.expiresAt, isWaiting);
  const isOpen = isWaiting && secondsLeft !== 0;
  const status: ChatPromptStatus = isOpen ? 'waiting' : prompt.status === 'waiting' ? 'expired' : prompt.status;
  const { errors, answers } = collectAnswers(prompt.questions, drafts);
  const shownErrors = hasTriedToSubmit && isOpen ? errors : {};

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!isOpen) return;
    setHasTriedToSubmit(true);
    if (Object.keys(errors).length > 0) return;
    onAnswer(answers);
  };

  return (
    <form
      aria-labelledby={titleId}
      onSubmit={handleSubmit}
      noValidate
      data-status={status}
      className="my-2 flex flex-col gap-3 rounded-xl border border-violet-200 bg-violet-50/50 p-3 sm:p-4 dark:border-violet-900 dark:bg-violet-950/30"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={titleId} className="flex min-w-0 items-center gap-2 text-sm font-semibold text-zinc-900 dark:text-zinc-50">
          <MessageCircleQuestion aria-hidden="true" className="size-4 shrink-0 text-violet-700 dark:text-violet-400" />
          <span className="min-w-0 break-words">{prompt.title}</span>
        </h3>
        {secondsLeft !== null && isOpen ? (
          <span role="timer" aria-label={`Time left to answer: ${formatCountdown(secondsLeft)}`} className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
            {formatCountdown(secondsLeft)} left
          </span>
        ) : null}
      </div>
      {prompt.description ? <p className="text-sm text-zinc-700 dark:text-zinc-300">{prompt.description}</p> : null}
      <fieldset disabled={!isOpen} className="flex min-w-0 flex-col gap-3 disabled:opacity-75">
        {prompt.questions.map((question) => (
          <PromptQuestionField
            key={question.id}
            question={question}
            draft={drafts[question.id] ?? initialDraft(question)}
            error={shownErrors[question.id]}
            onChange={(draft) => setDrafts((current) => ({ ...current, [question.id]: draft }))}
          />
        ))}
      </fieldset>
      {isOpen ? (
        <div className="flex flex-wrap justify-end gap-2">
          {prompt.allowSkip ? (
            <Button variant="ghost" size="small" onClick={onSkip}>
              Skip
            </Button>
          ) : null}
          <Button type="submit" size="small">
            Submit answers
          </Button>
        </div>
      ) : (
        <ClosedState status={status} />
      )}
    </form>
  );
}

function ClosedState({ status }: { status: ChatPromptStatus }) {
  if (status === 'waiting') return null;
  const { text, Icon } = closedStates[status];
  return (
    <p role="status" className="flex items-center gap-1.5 text-sm font-medium text-zinc-700 dark:text-zinc-300">
      <Icon aria-hidden="true" className="size-4" /> {text}
    </p>
  );
}
