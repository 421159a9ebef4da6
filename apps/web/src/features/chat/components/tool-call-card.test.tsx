import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../lib/chat-types';
import { ToolCallList } from './tool-call-list';

function toolCall(overrides: Partial<ToolCall>): ToolCall {
  return { id: 't1', name: 'search_web', displayName: 'Search Web', icon: 'Search', args: { query: 'lisbon trams' }, status: 'executing', result: null, ...overrides };
}

describe('ToolCallList', () => {
  it('shows each call as a compact card named after the tool, with its state', () => {
    render(
      <ToolCallList
        toolCalls={[
          toolCall({ id: 'a' }),
          toolCall({ id: 'b', name: 'get_current_time', displayName: 'Current Time', icon: 'not-an-icon', status: 'completed', result: { time: '12:00' } }),
          toolCall({ id: 'c', name: 'scrape_web', displayName: 'Scrape Web', icon: 'globe', status: 'failed', result: { error: 'The site refused the request' } }),
        ]}
      />,
    );
    const running = screen.getByRole('group', { name: 'Tool: Search Web' });
    expect(running.dataset.status).toBe('running');
    expect(within(running).getByRole('status').textContent).toBe('Running');
    const done = screen.getByRole('group', { name: 'Tool: Current Time' });
    expect(done.dataset.status).toBe('completed');
    expect(within(done).getByRole('img', { name: 'Completed' })).toBeTruthy();
    // Collapsed: neither arguments nor result are in the page.
    expect(within(done).queryByText(/12:00/)).toBeNull();
    const failed = screen.getByRole('group', { name: 'Tool: Scrape Web' });
    expect(failed.dataset.status).toBe('failed');
    expect(within(failed).getByText('The site refused the request.')).toBeTruthy();
    // Every card has an icon: the named one, or a wrench for a name we do not know.
    expect(running.querySelector('svg.lucide-search')).toBeTruthy();
    expect(done.querySelector('svg.lucide-wrench')).toBeTruthy();
    expect(failed.querySelector('svg.lucide-globe')).toBeTruthy();
  });

  it('opens to the arguments and result as JSON, a long result cut until "Show all"', async () => {
    const user = userEvent.setup();
    const longText = `${'row '.repeat(800)}END`;
    render(<ToolCallList toolCalls={[toolCall({ status: 'completed', result: { rows: longText } })]} />);
    const card = screen.getByRole('group', { name: 'Tool: Search Web' });
    const toggle = within(card).getByRole('button', { name: 'Search Web' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByText('Arguments').nextElementSibling?.textContent).toBe('{\n  "query": "lisbon trams"\n}');
    const result = within(card).getByText('Result').nextElementSibling;
    expect(result?.textContent).not.toContain('END');
    await user.click(within(card).getByRole('button', { name: /^Show all \(3,2\d\d characters\)$/ }));
    expect(within(card).getByText('Result').nextElementSibling?.textContent).toContain('END');
    await user.click(within(card).getByRole('button', { name: 'Show less' }));
    expect(within(card).getByText('Result').nextElementSibling?.textContent).not.toContain('END');
  });

  it('offers generated files as download buttons and shows plots as images', async () => {
    const user = userEvent.setup();
    render(
      <ToolCallList
        toolCalls={[
          toolCall({
            name: 'run_python', displayName: 'Run Python', icon: 'Code', status: 'completed',
            result: { success: true, files: [{ filename: 'summary.csv', download_url: '/api/files/f1?code=0123' }], evil: { download_url: 'javascript:alert(1)' } },
            plots: [{ format: 'png', data: 'iVBORw0KGgo=' }],
          }),
        ]}
      />,
    );
    const card = screen.getByRole('group', { name: 'Tool: Run Python' });
    const download = within(card).getByRole('link', { name: 'Download summary.csv' });
    expect(download.getAttribute('href')).toBe('/api/files/f1?code=0123');
    expect(download.getAttribute('download')).toBe('summary.csv');
    expect(within(card).getAllByRole('link')).toHaveLength(1);
    const plot = within(card).getByRole('img', { name: 'Plot 1 from Run Python' });
    expect(plot.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');

    await user.click(within(card).getByRole('button', { name: 'Enlarge plot 1 from run python' }));
    const dialog = screen.getByRole('dialog', { name: 'Plot 1 from Run Python' });
    await user.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(false);
  });
});
