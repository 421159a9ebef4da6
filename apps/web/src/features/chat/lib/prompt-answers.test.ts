import type { PromptQuestion } from '@claraverse/shared';
import { describe, expect, it } from 'vitest';
import { answerOf, collectAnswers, draftFromAnswer, formatCountdown, initialDraft, questionError } from './prompt-answers';

const text: PromptQuestion = { id: 'name', label: 'Name', type: 'text', required: true, validation: { minLength: 2, maxLength: 5, pattern: '[A-Za-z]+' } };
const number: PromptQuestion = { id: 'guests', label: 'Guests', type: 'number', validation: { min: 1, max: 8 } };
const agree: PromptQuestion = { id: 'agree', label: 'I agree', type: 'checkbox', required: true };
const city: PromptQuestion = { id: 'city', label: 'City', type: 'select', required: true, options: ['Lisbon', 'Porto'], allowOther: true };
const extras: PromptQuestion = { id: 'extras', label: 'Extras', type: 'multi-select', required: true, options: ['Wifi', 'Parking'], allowOther: true };

describe('ask_user answers', () => {
  it('starts from the default values, putting an unknown choice under "Other"', () => {
    expect(initialDraft({ ...number, defaultValue: 3 }).text).toBe('3');
    expect(initialDraft({ ...agree, defaultValue: true }).isChecked).toBe(true);
    expect(initialDraft({ ...city, defaultValue: 'Faro' })).toMatchObject({ selected: [], isOtherSelected: true, otherText: 'Faro' });
    expect(initialDraft({ ...extras, defaultValue: ['Wifi', 'Pool'] })).toMatchObject({ selected: ['Wifi'], isOtherSelected: true, otherText: 'Pool' });
    expect(initialDraft({ ...city, allowOther: false, defaultValue: 'Faro' })).toMatchObject({ selected: [], isOtherSelected: false });
  });

  it('says what is wrong with each kind of answer, in sentences', () => {
    const draft = (change: Partial<ReturnType<typeof initialDraft>>) => ({ ...initialDraft(text), ...change });
    expect(questionError(text, draft({ text: ' ' }))).toBe('Answer this question.');
    expect(questionError(text, draft({ text: 'A' }))).toBe('Write at least 2 characters.');
    expect(questionError(text, draft({ text: 'Abcdef' }))).toBe('Write at most 5 characters.');
    expect(questionError(text, draft({ text: 'Ab1' }))).toBe('This answer is not in the expected format.');
    expect(questionError(text, draft({ text: 'Ada' }))).toBeNull();
    expect(questionError(number, draft({ text: '' }))).toBeNull();
    expect(questionError(number, draft({ text: 'many' }))).toBe('Enter a number.');
    expect(questionError(number, draft({ text: '9' }))).toBe('Enter a number between 1 and 8.');
    expect(questionError({ ...number, validation: { min: 1 } }, draft({ text: '0' }))).toBe('Enter a number of at least 1.');
    expect(questionError(agree, draft({ isChecked: false }))).toBe('Tick this box to continue.');
    expect(questionError(city, draft({}))).toBe('Choose an option.');
    expect(questionError(city, draft({ isOtherSelected: true, otherText: ' ' }))).toBe('Type your answer next to “Other”.');
    expect(questionError(extras, draft({}))).toBe('Choose at least one option.');
  });

  it('does not hold the person to a pattern the browser cannot read', () => {
    expect(questionError({ ...text, validation: { pattern: '([' } }, { ...initialDraft(text), text: 'anything' })).toBeNull();
  });

  it('sends typed values and leaves out empty optional answers', () => {
    const { errors, answers } = collectAnswers([text, number, agree, city, extras], {
      name: { ...initialDraft(text), text: ' Ada ' },
      guests: { ...initialDraft(number), text: '' },
      agree: { ...initialDraft(agree), isChecked: true },
      city: { ...initialDraft(city), isOtherSelected: true, otherText: 'Faro' },
      extras: { ...initialDraft(extras), selected: ['Parking'], isOtherSelected: true, otherText: 'Pool' },
    });
    expect(errors).toEqual({});
    expect(answers).toEqual({ name: 'Ada', agree: true, city: 'Faro', extras: ['Parking', 'Pool'] });
    expect(answerOf(number, { ...initialDraft(number), text: '4.5' })).toBe(4.5);
  });

  it('reports every invalid question at once', () => {
    expect(Object.keys(collectAnswers([text, agree, city], {}).errors)).toEqual(['name', 'agree', 'city']);
  });

  it('shows a sent answer again, and counts down in minutes and seconds', () => {
    expect(draftFromAnswer(city, 'Porto')).toMatchObject({ selected: ['Porto'], isOtherSelected: false });
    expect(draftFromAnswer({ ...city, allowOther: false }, 'Faro')).toMatchObject({ isOtherSelected: true, otherText: 'Faro' });
    expect(formatCountdown(299.2)).toBe('5:00');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(-3)).toBe('0:00');
  });
});
