import type { RecommendToolsBody } from '@claraverse/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render-with-providers';
import { blockSettingsQueryKeys } from '../api/block-settings-paths';
import { createFakePickerApi } from './fake-picker-api';
import { ToolPicker } from './tool-picker';

/** API answers can take a while on a loaded machine: how long a query may wait for them (not a timing check). */
const loaded = { timeout: 10_000 };

afterEach(() => vi.unstubAllGlobals());

function Harness({ mode = 'multiple', context }: { mode?: 'multiple' | 'single'; context: RecommendToolsBody }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [required, setRequired] = useState<string[]>([]);
  return (
    <>
      <ToolPicker label="Tools" mode={mode} selected={selected} onChange={setSelected} required={required} onRequiredChange={setRequired} context={context} />
      <output aria-label="Selected">{selected.join(',')}</output>
      <output aria-label="Required">{required.join(',')}</output>
    </>
  );
}

const value = (label: string) => screen.getByLabelText(label).textContent;
const toolNames = () => screen.getAllByRole('checkbox').filter((box) => !box.getAttribute('aria-label')?.startsWith('Required')).map((box) => ((box as HTMLInputElement).labels?.[0]?.textContent ?? ''));

describe('ToolPicker', () => {
  it('lists the non-interactive tools by category, searches and filters them', async () => {
    vi.stubGlobal('fetch', createFakePickerApi().fetch);
    const user = userEvent.setup();
    renderWithProviders(<Harness context={{ name: 'Clock' }} />);
    const search = await screen.findByRole('region', { name: 'search tools' }, loaded);
    expect(within(search).getByRole('checkbox', { name: 'Search the Web' })).toBeTruthy();
    expect(screen.getAllByRole('region').map((region) => region.getAttribute('aria-label'))).toEqual(['integrations tools', 'search tools', 'time tools', 'web tools']);
    expect(screen.queryByText('Ask User Questions')).toBeNull();
    expect(screen.getByText('Searches the web and returns titles, links and snippets.')).toBeTruthy();
    await user.type(screen.getByRole('searchbox', { name: 'Search tools' }), 'google');
    expect(toolNames()).toEqual(['Search the Web']);
    await user.clear(screen.getByRole('searchbox', { name: 'Search tools' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'web');
    expect(toolNames()).toEqual(['Read a Web Page']);
    await user.type(screen.getByRole('searchbox', { name: 'Search tools' }), 'slack');
    expect(screen.getByText('No tool matches.')).toBeTruthy();
  });

  it('badges the tools the server recommends for the block, and sends it the block words', async () => {
    const api = createFakePickerApi();
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<Harness context={{ name: 'Researcher', systemPrompt: 'Find the news of the day' }} />);
    const row = (await screen.findByRole('checkbox', { name: 'Search the Web' }, loaded)).closest('li')!;
    expect(await within(row).findByText('Recommended', {}, loaded)).toBeTruthy();
    expect(within(row).getByTitle('Matches news, search')).toBeTruthy();
    expect(screen.getAllByText('Recommended')).toHaveLength(1);
    expect(api.requestsTo('POST /api/tools/recommend')[0]!.body).toEqual({ name: 'Researcher', systemPrompt: 'Find the news of the day' });
  });

  it('enables tools, marks some required (unselecting one drops it from required), and flags a missing credential', async () => {
    vi.stubGlobal('fetch', createFakePickerApi().fetch);
    const user = userEvent.setup();
    renderWithProviders(<Harness context={{}} />);
    await user.click(await screen.findByRole('checkbox', { name: 'Search the Web' }, loaded));
    await user.click(screen.getByRole('checkbox', { name: 'Get Current Time' }));
    expect(value('Selected')).toBe('search_web,get_current_time');
    expect(screen.getByText('2 enabled')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Required: Search the Web' }));
    expect(value('Required')).toBe('search_web');
    expect(screen.getByText('2 enabled, 1 required')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: 'Search the Web' }));
    expect(value('Selected')).toBe('get_current_time');
    expect(value('Required')).toBe('');
    const slack = screen.getByRole('checkbox', { name: 'Send Slack Message' }).closest('li')!;
    expect(within(slack).getByText('Needs a credential')).toBeTruthy();
    expect(within(slack).getByRole('link', { name: 'Add a slack credential' }).getAttribute('href')).toBe('/credentials');
    const time = screen.getByRole('checkbox', { name: 'Get Current Time' }).closest('li')!;
    expect(within(time).queryByText('Needs a credential')).toBeNull();
  });

  it('does not flag an integration tool whose credential the user has', async () => {
    vi.stubGlobal('fetch', createFakePickerApi({ usable: ['search_web', 'send_slack_message'] }).fetch);
    const { queryClient } = renderWithProviders(<Harness context={{}} />);
    const slack = (await screen.findByRole('checkbox', { name: 'Send Slack Message' }, loaded)).closest('li')!;
    // Once the usable tools are known, Slack's is among them: nothing is flagged.
    await vi.waitFor(() => expect(queryClient.getQueryState(blockSettingsQueryKeys.usableToolNames)?.status).toBe('success'), loaded);
    expect(within(slack).queryByText('Needs a credential')).toBeNull();
    expect(within(slack).queryByRole('link')).toBeNull();
  });

  it('chooses exactly one tool in single mode', async () => {
    vi.stubGlobal('fetch', createFakePickerApi().fetch);
    const user = userEvent.setup();
    renderWithProviders(<Harness mode="single" context={{}} />);
    await user.click(await screen.findByRole('radio', { name: 'Search the Web' }, loaded));
    await user.click(screen.getByRole('radio', { name: 'Get Current Time' }));
    expect(value('Selected')).toBe('get_current_time');
    expect((screen.getByRole('radio', { name: 'Search the Web' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.queryByRole('checkbox', { name: /^Required/ })).toBeNull();
  });

  it('says when the tools cannot be loaded', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify({ error: { code: 'internal', message: 'boom', requestId: 'r' } }), { status: 500, headers: { 'Content-Type': 'application/json' } })));
    renderWithProviders(<Harness context={{}} />);
    expect((await screen.findByRole('alert', {}, loaded)).textContent).toMatch(/^The tools could not be loaded\./);
  });
});
