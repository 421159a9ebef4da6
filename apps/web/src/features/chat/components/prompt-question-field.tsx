import type { PromptQuestion } from '@claraverse/shared';
import { useId, type ReactNode } from 'react';
import { Input } from '../../../components/ui/input';
import type { QuestionDraft } from '../lib/prompt-answers';

interface PromptQuestionFieldProps {
  question: PromptQuestion;
  draft: QuestionDraft;
  /** Shown in red under the question. */
  error: string | undefined;
  onChange: (draft: QuestionDraft) => void;
}

const labelClasses = 'text-sm font-medium text-zinc-800 dark:text-zinc-200';
const choiceClasses = 'flex items-center gap-2 text-sm text-zinc-800 dark:text-zinc-200';

function RequiredMark({ isRequired }: { isRequired: boolean | undefined }) {
  return isRequired ? (
    <span aria-hidden="true" className="text-red-700 dark:text-red-400" title="Required">
      {' '}*
    </span>
  ) : null;
}

function ErrorText({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="text-xs font-medium text-red-700 dark:text-red-400">
      {error}
    </p>
  ) : null;
}

/** Select and multi-select: radio buttons or checkboxes, plus "Other" with a text box when allowed. */
function ChoiceField({ question, draft, error, onChange, errorId }: PromptQuestionFieldProps & { errorId: string }) {
  const name = useId();
  const isMultiple = question.type === 'multi-select';
  const inputType = isMultiple ? 'checkbox' : 'radio';
  const toggle = (option: string, isChecked: boolean) => {
    if (!isMultiple) {
      onChange({ ...draft, selected: [option], isOtherSelected: false });
      return;
    }
    const selected = isChecked ? [...draft.selected, option] : draft.selected.filter((value) => value !== option);
    onChange({ ...draft, selected });
  };
  const toggleOther = (isChecked: boolean) =>
    onChange(isMultiple ? { ...draft, isOtherSelected: isChecked } : { ...draft, selected: [], isOtherSelected: true });
  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-required={question.required || undefined} className="flex min-w-0 flex-col gap-1.5">
      <legend className={`${labelClasses} mb-1`}>
        {question.label}
        <RequiredMark isRequired={question.required} />
      </legend>
      {(question.options ?? []).map((option) => (
        <label key={option} className={choiceClasses}>
          <input
            type={inputType}
            name={name}
            checked={draft.selected.includes(option)}
            onChange={(event) => toggle(option, event.target.checked)}
            className="size-4 shrink-0 accent-violet-700"
          />
          <span className="min-w-0 break-words">{option}</span>
        </label>
      ))}
      {question.allowOther ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className={choiceClasses}>
            <input type={inputType} name={name} checked={draft.isOtherSelected} onChange={(event) => toggleOther(event.target.checked)} className="size-4 shrink-0 accent-violet-700" />
            Other
          </label>
          {draft.isOtherSelected ? (
            <Input
              aria-label={`Other answer for ${question.label}`}
              value={draft.otherText}
              onChange={(event) => onChange({ ...draft, otherText: event.target.value })}
              className="h-8 min-w-0 flex-1 basis-40"
              maxLength={1_000}
            />
          ) : null}
        </div>
      ) : null}
      <ErrorText id={errorId} error={error} />
    </fieldset>
  );
}

/** One question of an `ask_user` form, as the input its type calls for. */
export function PromptQuestionField(props: PromptQuestionFieldProps) {
  const { question, draft, error, onChange } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const described = error ? errorId : undefined;
  let control: ReactNode;
  switch (question.type) {
    case 'select':
    case 'multi-select':
      return <ChoiceField {...props} errorId={errorId} />;
    case 'checkbox':
      return (
        <div className="flex flex-col gap-1">
          {/* The mark sits outside the label so that the field's name is just the question. */}
          <div className="flex items-center">
            <label className={choiceClasses}>
              <input
                type="checkbox"
                checked={draft.isChecked}
                onChange={(event) => onChange({ ...draft, isChecked: event.target.checked })}
                aria-invalid={error ? true : undefined}
                aria-describedby={described}
                aria-required={question.required || undefined}
                className="size-4 shrink-0 accent-violet-700"
              />
              <span className="font-medium">{question.label}</span>
            </label>
            <RequiredMark isRequired={question.required} />
          </div>
          <ErrorText id={errorId} error={error} />
        </div>
      );
    case 'number':
    case 'text':
      control = (
        <Input
          id={id}
          type={question.type === 'number' ? 'number' : 'text'}
          inputMode={question.type === 'number' ? 'decimal' : undefined}
          step={question.type === 'number' ? 'any' : undefined}
          min={question.type === 'number' ? question.validation?.min : undefined}
          max={question.type === 'number' ? question.validation?.max : undefined}
          maxLength={question.type === 'text' ? (question.validation?.maxLength ?? 10_000) : undefined}
          placeholder={question.placeholder}
          value={draft.text}
          onChange={(event) => onChange({ ...draft, text: event.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          aria-required={question.required || undefined}
        />
      );
  }
  return (
    <div className="flex flex-col gap-1.5">
      <div>
        <label htmlFor={id} className={labelClasses}>
          {question.label}
        </label>
        <RequiredMark isRequired={question.required} />
      </div>
      {control}
      <ErrorText id={errorId} error={error} />
    </div>
  );
}
