import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Field } from '../../../components/ui/field';
import { TemplateInput, TemplateTextArea } from './template-controls';

const paths = ['input', 'fetch.status', 'fetch.body', 'summary.response'];

function Harness({ initial = '', isInput = false }: { initial?: string; isInput?: boolean }) {
  const [text, setText] = useState(initial);
  return (
    <>
      <Field label="Prompt">
        {(control) => (isInput ? <TemplateInput control={control} value={text} onChange={setText} paths={paths} /> : <TemplateTextArea control={control} value={text} onChange={setText} paths={paths} />)}
      </Field>
      <output aria-label="Saved">{text}</output>
    </>
  );
}

const saved = () => screen.getByLabelText('Saved').textContent;
const options = () => within(screen.getByRole('listbox', { name: 'Available paths' })).getAllByRole('option').map((option) => option.textContent);

describe('template fields: {{…}} autocomplete', () => {
  it('opens on {{, filters as one types, moves with the arrows and inserts with Enter, closing the braces', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const field = screen.getByRole('combobox', { name: 'Prompt' });
    await user.type(field, 'Summarize {{{{');
    expect(field.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['{{input}}', '{{fetch.status}}', '{{fetch.body}}', '{{summary.response}}']);
    await user.type(field, 'fe');
    expect(options()).toEqual(['{{fetch.status}}', '{{fetch.body}}']);
    expect(screen.getByRole('option', { name: '{{fetch.status}}' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: '{{fetch.body}}' }).getAttribute('aria-selected')).toBe('true');
    expect(field.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: '{{fetch.body}}' }).id);
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: '{{fetch.status}}' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{Enter}');
    expect(saved()).toBe('Summarize {{fetch.body}}');
    expect(screen.queryByRole('listbox')).toBeNull();
    // The caret is after the inserted path: typing goes on from there, and Enter is a new line again.
    await user.keyboard(' now{Enter}x');
    expect(saved()).toBe('Summarize {{fetch.body}} now\nx');
  });

  it('inserts with Tab, and Escape closes the list until the next {{', async () => {
    const user = userEvent.setup();
    render(<Harness isInput />);
    const field = screen.getByRole('combobox', { name: 'Prompt' });
    await user.type(field, '{{{{sum');
    await user.keyboard('{Tab}');
    expect(saved()).toBe('{{summary.response}}');
    expect(document.activeElement).toBe(field);
    await user.type(field, ' {{{{in');
    expect(options()).toEqual(['{{input}}']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(field, 'p');
    expect(screen.queryByRole('listbox')).toBeNull();
    await user.type(field, '}} {{{{');
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('inserts a clicked path and replaces closing braces already typed', async () => {
    const user = userEvent.setup();
    render(<Harness initial="A }} B" />);
    const field = screen.getByRole('combobox', { name: 'Prompt' }) as HTMLTextAreaElement;
    await user.click(field);
    field.setSelectionRange(2, 2);
    await user.keyboard('{{{{');
    expect(options()).toHaveLength(4);
    await user.click(screen.getByRole('option', { name: '{{input}}' }));
    expect(saved()).toBe('A {{input}} B');
    expect(field.selectionStart).toBe('A {{input}}'.length);
  });

  it('closes when nothing matches and stays closed without {{', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const field = screen.getByRole('combobox', { name: 'Prompt' });
    await user.type(field, 'plain text');
    expect(field.getAttribute('aria-expanded')).toBe('false');
    await user.type(field, ' {{{{zzz');
    expect(screen.queryByRole('listbox')).toBeNull();
  });
});
