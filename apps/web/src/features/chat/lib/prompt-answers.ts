import type { PromptQuestion } from '@claraverse/shared';
import type { PromptAnswerValue } from './chat-types';

/** What the person has entered for one question of an `ask_user` form. */
export interface QuestionDraft {
  /** Text and number fields. */
  text: string;
  /** Checkbox. */
  isChecked: boolean;
  /** Select (at most one) and multi-select. */
  selected: string[];
  /** "Other" is chosen (select and multi-select with `allowOther`), with its text. */
  isOtherSelected: boolean;
  otherText: string;
}

const emptyDraft: QuestionDraft = { text: '', isChecked: false, selected: [], isOtherSelected: false, otherText: '' };

/** The draft a question starts with: its default value, where one is given. */
export function initialDraft(question: PromptQuestion): QuestionDraft {
  const value = question.defaultValue;
  if (value === undefined) return emptyDraft;
  switch (question.type) {
    case 'text':
    case 'number':
      return { ...emptyDraft, text: typeof value === 'boolean' || Array.isArray(value) ? '' : String(value) };
    case 'checkbox':
      return { ...emptyDraft, isChecked: value === true || value === 'true' };
    case 'select':
    case 'multi-select': {
      const values = (Array.isArray(value) ? value : [String(value)]).filter(Boolean);
      const options = question.options ?? [];
      const known = values.filter((candidate) => options.includes(candidate));
      const other = question.allowOther ? values.find((candidate) => !options.includes(candidate)) : undefined;
      return {
        ...emptyDraft,
        selected: question.type === 'select' ? known.slice(0, 1) : known,
        isOtherSelected: other !== undefined && (question.type === 'multi-select' || known.length === 0),
        otherText: other ?? '',
      };
    }
  }
}

function patternOf(source: string | undefined): RegExp | null {
  if (!source) return null;
  try {
    // Like HTML's `pattern`: the whole answer must match.
    return new RegExp(`^(?:${source})$`);
  } catch {
    // The model wrote a pattern the browser cannot read: it is not the person's fault, so it is not enforced.
    return null;
  }
}

function numberRangeError(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `Enter a number between ${min} and ${max}.`;
  if (min !== undefined) return `Enter a number of at least ${min}.`;
  return `Enter a number of at most ${max}.`;
}

function textError(question: PromptQuestion, text: string): string | null {
  const { minLength, maxLength, pattern } = question.validation ?? {};
  if (minLength !== undefined && text.length < minLength) return `Write at least ${minLength} ${minLength === 1 ? 'character' : 'characters'}.`;
  if (maxLength !== undefined && text.length > maxLength) return `Write at most ${maxLength} ${maxLength === 1 ? 'character' : 'characters'}.`;
  if (patternOf(pattern)?.test(text) === false) return 'This answer is not in the expected format.';
  return null;
}

/** What is wrong with a draft, as a sentence to show under the question; null when it can be sent. */
export function questionError(question: PromptQuestion, draft: QuestionDraft): string | null {
  switch (question.type) {
    case 'text': {
      const text = draft.text.trim();
      if (!text) return question.required ? 'Answer this question.' : null;
      return textError(question, text);
    }
    case 'number': {
      const text = draft.text.trim();
      if (!text) return question.required ? 'Answer this question.' : null;
      const value = Number(text);
      if (!Number.isFinite(value)) return 'Enter a number.';
      const { min, max } = question.validation ?? {};
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) return numberRangeError(min, max);
      return null;
    }
    case 'checkbox':
      return question.required && !draft.isChecked ? 'Tick this box to continue.' : null;
    case 'select':
    case 'multi-select': {
      if (draft.isOtherSelected && !draft.otherText.trim()) return 'Type your answer next to “Other”.';
      const hasChoice = draft.selected.length > 0 || draft.isOtherSelected;
      if (!hasChoice && question.required) return question.type === 'select' ? 'Choose an option.' : 'Choose at least one option.';
      return null;
    }
  }
}

/** The value sent for a question; undefined when an optional question was left empty. */
export function answerOf(question: PromptQuestion, draft: QuestionDraft): PromptAnswerValue | undefined {
  switch (question.type) {
    case 'text':
      return draft.text.trim() || undefined;
    case 'number':
      return draft.text.trim() ? Number(draft.text.trim()) : undefined;
    case 'checkbox':
      return draft.isChecked;
    case 'select':
      if (draft.isOtherSelected) return draft.otherText.trim();
      return draft.selected[0];
    case 'multi-select': {
      const values = [...draft.selected, ...(draft.isOtherSelected ? [draft.otherText.trim()] : [])];
      return values.length > 0 ? values : undefined;
    }
  }
}

/** Errors by question id (empty when every answer can be sent) and the answers to send. */
export function collectAnswers(questions: readonly PromptQuestion[], drafts: Record<string, QuestionDraft>) {
  const errors: Record<string, string> = {};
  const answers: Record<string, PromptAnswerValue> = {};
  for (const question of questions) {
    const draft = drafts[question.id] ?? initialDraft(question);
    const error = questionError(question, draft);
    if (error) {
      errors[question.id] = error;
      continue;
    }
    const answer = answerOf(question, draft);
    if (answer !== undefined) answers[question.id] = answer;
  }
  return { errors, answers };
}

/** A draft showing what was sent (the form of an answered prompt, read-only). */
export function draftFromAnswer(question: PromptQuestion, answer: PromptAnswerValue | undefined): QuestionDraft {
  if (answer === undefined) return emptyDraft;
  return initialDraft({ ...question, defaultValue: answer, allowOther: true });
}

/** "4:05" for a number of seconds (never negative). */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
