import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render-with-providers';
import { createFakePickerApi } from './fake-picker-api';
import { ModelPicker } from './model-picker';

/** API answers can take a while on a loaded machine: how long a query may wait for them (not a timing check). */
const loaded = { timeout: 10_000 };

afterEach(() => vi.unstubAllGlobals());

function Harness({ initial, tools = false }: { initial?: string; tools?: boolean }) {
  const [model, setModel] = useState<string | undefined>(initial);
  return (
    <>
      <ModelPicker value={model} onChange={setModel} needs={{ tools, structuredOutput: false }} />
      <output aria-label="Model id">{model ?? 'default'}</output>
    </>
  );
}

describe('ModelPicker', () => {
  it('offers the instance default and every model with its provider, and shows the chosen one with its capabilities', async () => {
    vi.stubGlobal('fetch', createFakePickerApi().fetch);
    const user = userEvent.setup();
    renderWithProviders(<Harness tools />);
    await screen.findByRole('option', { name: 'GPT-4.1 · OpenAI' }, loaded);
    const select = screen.getByRole('combobox', { name: 'Model' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['Instance default (GPT-4.1)', 'GPT-4.1 · OpenAI', 'Llama 3.2 3B · Ollama (yours)']);
    const chosen = () => screen.getByRole('group', { name: 'Chosen model' });
    expect(within(within(chosen()).getByRole('list', { name: 'Capabilities' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Tools', 'JSON output', 'Vision']);
    await user.selectOptions(select, 'model-llama');
    expect(screen.getByLabelText('Model id').textContent).toBe('model-llama');
    expect(within(chosen()).getByText('Ollama')).toBeTruthy();
    expect(within(chosen()).getByText('Text only')).toBeTruthy();
    expect(within(chosen()).getByText('This model does not support tool calls, which this block uses.')).toBeTruthy();
    await user.selectOptions(select, '');
    expect(screen.getByLabelText('Model id').textContent).toBe('default');
  });

  it('keeps a model that is no longer available visible, with an error', async () => {
    vi.stubGlobal('fetch', createFakePickerApi().fetch);
    renderWithProviders(<Harness initial="gone-model" />);
    expect(await screen.findByText('This model is not available to you any more; choose another.', {}, loaded)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Model' }) as HTMLSelectElement).value).toBe('gone-model');
    expect(screen.getByRole('option', { name: 'gone-model (not available)' })).toBeTruthy();
  });
});
