import type { PromptQuestion } from '@claraverse/shared';
import { z } from 'zod';
import { AppError } from '../../../platform/errors/app-error.js';
import { defineTool } from '../../define-tool.js';

const questionSchema = z.object({
  id: z.string().min(1).max(64).describe('Unique id of the question, e.g. "deadline"'),
  type: z.enum(['text', 'number', 'checkbox', 'select', 'multi-select']).describe('Kind of input'),
  label: z.string().min(1).max(500).describe('The question as the user reads it'),
  placeholder: z.string().max(200).optional(),
  required: z.boolean().default(false),
  options: z.array(z.string().min(1).max(200)).max(50).optional().describe('Choices, for select and multi-select'),
  allow_other: z.boolean().default(false).describe('Let the user type an answer that is not among the options'),
  default_value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  validation: z
    .object({ min: z.number().optional(), max: z.number().optional(), pattern: z.string().max(200).optional(), min_length: z.number().int().min(0).optional(), max_length: z.number().int().min(1).optional() })
    .optional(),
});

function toPromptQuestion(question: z.output<typeof questionSchema>): PromptQuestion {
  const { validation } = question;
  return {
    id: question.id,
    label: question.label,
    type: question.type,
    required: question.required,
    ...(question.options ? { options: question.options } : {}),
    ...(question.placeholder ? { placeholder: question.placeholder } : {}),
    ...(question.allow_other ? { allowOther: true } : {}),
    ...(question.default_value === undefined ? {} : { defaultValue: question.default_value }),
    ...(validation
      ? { validation: { min: validation.min, max: validation.max, pattern: validation.pattern, minLength: validation.min_length, maxLength: validation.max_length } }
      : {}),
  };
}

export const askUserTool = defineTool({
  name: 'ask_user',
  displayName: 'Ask User Questions',
  description:
    'Shows the user a short form and waits (up to 5 minutes) for the answers. Use it when you need facts only the user knows ' +
    '(preferences, choices, missing details) before you can continue. Up to 10 questions of type text, number, checkbox, ' +
    'select or multi-select. Returns the answers by question id, or that the user skipped.',
  icon: 'MessageCircleQuestion',
  category: 'interaction',
  keywords: ['question', 'form', 'clarify', 'input', 'choose', 'confirm'],
  interactive: true,
  // The person has 5 minutes; the call must outlive that.
  timeoutMs: 6 * 60_000,
  inputSchema: z
    .object({
      title: z.string().min(1).max(200).describe('Heading of the form'),
      description: z.string().max(2_000).optional().describe('Why you are asking'),
      allow_skip: z.boolean().default(true),
      questions: z.array(questionSchema).min(1).max(10),
    })
    .refine((input) => new Set(input.questions.map((question) => question.id)).size === input.questions.length, {
      message: 'Question ids must be unique',
      path: ['questions'],
    })
    .refine((input) => input.questions.every((question) => !question.type.includes('select') || (question.options?.length ?? 0) > 0), {
      message: 'select and multi-select questions need options',
      path: ['questions'],
    }),
  async execute(input, context) {
    if (!context.promptUser) throw new AppError('validation_failed', 'ask_user needs a person in a chat; it cannot run in a scheduled agent.');
    const answer = await context.promptUser(
      { title: input.title, ...(input.description ? { description: input.description } : {}), questions: input.questions.map(toPromptQuestion), allowSkip: input.allow_skip },
      context.signal,
    );
    if (answer.status === 'skipped') return { result: { status: 'skipped', message: 'User skipped the questions. Continue with reasonable assumptions and say which.' } };
    if (answer.status === 'timeout') return { result: { status: 'timeout', message: 'The user did not answer within 5 minutes. Continue with reasonable assumptions and say which.' } };
    const answers: Record<string, { question: string; answer: unknown; is_custom_answer?: boolean }> = {};
    for (const question of input.questions) {
      const value = answer.answers[question.id];
      if (value === undefined) continue;
      const isCustom = question.options !== undefined && typeof value === 'string' && !question.options.includes(value);
      answers[question.id] = { question: question.label, answer: value, ...(isCustom ? { is_custom_answer: true } : {}) };
    }
    return { result: { status: 'answered', message: 'The user answered the questions.', answers } };
  },
});
