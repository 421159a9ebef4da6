import type { PromptQuestion } from '@claraverse/shared';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatPrompt } from '../lib/chat-types';
import { AskUserForm } from './ask-user-form';

const questions: PromptQuestion[] = [
  { id: 'name', label: 'Your name', type: 'text', required: true, placeholder: 'Ada' },
  { id: 'guests', label: 'Guests', type: 'number', validation: { min: 1, max: 8 } },
  { id: 'pets', label: 'Travelling with pets', type: 'checkbox' },
  { id: 'city', label: 'City', type: 'select', required: true, options: ['Lisbon', 'Porto'], allowOther: true },
  { id: 'extras', label: 'Extras', type: 'multi-select', options: ['Wifi', 'Parking', 'Breakfast'], defaultValue: ['Wifi'] },
];

function prompt(overrides: Partial<ChatPrompt> = {}): ChatPrompt {
  return {
    id: 'p1', title: 'Trip details', description: 'So I can book the right place.', questions, allowSkip: true,
    expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(), toolCallId: 't1', contentOffset: 0, status: 'waiting', ...overrides,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('AskUserForm', () => {
  it('checks required and invalid answers, then sends typed values', async () => {
    const user = userEvent.setup();
    const onAnswer = vi.fn();
    render(<AskUserForm prompt={prompt()} isReplyActive onAnswer={onAnswer} onSkip={vi.fn()} />);
    const form = screen.getByRole('form', { name: 'Trip details' });
    expect(within(form).getByText('So I can book the right place.')).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Submit answers' }));
    expect(onAnswer).not.toHaveBeenCalled();
    expect(within(form).getByText('Answer this question.')).toBeTruthy();
    expect(within(form).getByText('Choose an option.')).toBeTruthy();
    expect(within(form).getByLabelText('Your name').getAttribute('aria-invalid')).toBe('true');

    await user.type(within(form).getByLabelText('Your name'), 'Ada');
    await user.type(within(form).getByLabelText('Guests'), '12');
    await user.click(within(form).getByLabelText('Travelling with pets'));
    const city = within(form).getByRole('group', { name: 'City' });
    await user.click(within(city).getByLabelText('Other'));
    expect(within(form).getByText('Type your answer next to “Other”.')).toBeTruthy();
    await user.type(within(city).getByLabelText('Other answer for City'), 'Faro');
    const extras = within(form).getByRole('group', { name: 'Extras' });
    expect((within(extras).getByLabelText('Wifi') as HTMLInputElement).checked).toBe(true);
    await user.click(within(extras).getByLabelText('Breakfast'));
    await user.click(within(form).getByRole('button', { name: 'Submit answers' }));
    expect(within(form).getByText('Enter a number between 1 and 8.')).toBeTruthy();
    expect(onAnswer).not.toHaveBeenCalled();

    await user.clear(within(form).getByLabelText('Guests'));
    await user.type(within(form).getByLabelText('Guests'), '3');
    await user.click(within(form).getByRole('button', { name: 'Submit answers' }));
    expect(onAnswer).toHaveBeenCalledWith({ name: 'Ada', guests: 3, pets: true, city: 'Faro', extras: ['Wifi', 'Breakfast'] });
  });

  it('skips when allowed, and has no Skip button when not', async () => {
    const user = userEvent.setup();
    const onSkip = vi.fn();
    const { rerender } = render(<AskUserForm prompt={prompt()} isReplyActive onAnswer={vi.fn()} onSkip={onSkip} />);
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(onSkip).toHaveBeenCalledTimes(1);
    rerender(<AskUserForm prompt={prompt({ allowSkip: false })} isReplyActive onAnswer={vi.fn()} onSkip={onSkip} />);
    expect(screen.queryByRole('button', { name: 'Skip' })).toBeNull();
  });

  it('counts down to the deadline, then stops accepting answers', () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T10:00:00Z') });
    render(<AskUserForm prompt={prompt({ expiresAt: '2030-01-01T10:01:05Z' })} isReplyActive onAnswer={vi.fn()} onSkip={vi.fn()} />);
    expect(screen.getByRole('timer').textContent).toBe('1:05 left');
    act(() => {
      vi.advanceTimersByTime(5_000);
    });
    expect(screen.getByRole('timer').textContent).toBe('1:00 left');
    act(() => {
      vi.advanceTimersByTime(61_000);
    });
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('No longer waiting for answers');
    expect(screen.getByLabelText('Your name').matches(':disabled')).toBe(true);
    expect(screen.getByRole('form', { name: 'Trip details' }).dataset.status).toBe('expired');
  });

  it('shows an answered form read-only with what was sent, and a skipped one as skipped', () => {
    const answers = { name: 'Grace', city: 'Porto', extras: ['Parking'] };
    const { rerender } = render(<AskUserForm prompt={prompt({ status: 'answered', answers })} isReplyActive onAnswer={vi.fn()} onSkip={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toContain('Answered');
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
    const name = screen.getByLabelText('Your name') as HTMLInputElement;
    expect(name.value).toBe('Grace');
    expect(name.matches(':disabled')).toBe(true);
    expect((within(screen.getByRole('group', { name: 'City' })).getByLabelText('Porto') as HTMLInputElement).checked).toBe(true);

    rerender(<AskUserForm prompt={prompt({ id: 'p2', status: 'skipped' })} isReplyActive onAnswer={vi.fn()} onSkip={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toContain('Skipped');
  });

  it('no longer waits once the reply has stopped', () => {
    render(<AskUserForm prompt={prompt()} isReplyActive={false} onAnswer={vi.fn()} onSkip={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('No longer waiting for answers');
  });
});
