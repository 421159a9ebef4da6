import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { MarkdownContent } from './markdown-content';

describe('MarkdownContent', () => {
  it('renders a GFM table and a task list', () => {
    const { container } = render(
      <MarkdownContent content={'| Model | Tier |\n| --- | --- |\n| gpt-4.1 | 1 |\n\n- [x] done\n- [ ] todo'} />,
    );
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Model', 'Tier']);
    expect(within(table).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['gpt-4.1', '1']);
    const checkboxes = container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    expect([...checkboxes].map((checkbox) => checkbox.checked)).toEqual([true, false]);
  });

  it('highlights a fenced code block and copies its exact source', async () => {
    // user-event installs its own clipboard stub, read back below.
    const user = userEvent.setup();
    const { container } = render(<MarkdownContent content={'```ts\nconst answer: number = 42;\n```'} />);
    expect(screen.getByText('ts')).toBeTruthy();
    expect(container.querySelector('code.hljs.language-ts')).toBeTruthy();
    expect(container.querySelector('.hljs-keyword')?.textContent).toBe('const');

    await user.click(screen.getByRole('button', { name: 'Copy code' }));

    expect(await navigator.clipboard.readText()).toBe('const answer: number = 42;');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
  });

  it('renders inline and display math with KaTeX (loaded with the first message that has math)', async () => {
    const { container } = render(<MarkdownContent content={'Euler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\int_0^1 x\\,dx = \\tfrac12\n$$'} />);
    await waitFor(() => expect(container.querySelectorAll('.katex')).toHaveLength(2));
    expect(container.querySelector('.katex-display')).toBeTruthy();
    expect(container.querySelector('annotation[encoding="application/x-tex"]')?.textContent).toBe('e^{i\\pi} + 1 = 0');
  });

  it('shows a mermaid block as its source until the diagram is drawn, and opens links in a new tab', () => {
    render(<MarkdownContent content={'```mermaid\ngraph TD; A-->B\n```\n\n[docs](https://example.com)'} />);
    expect(screen.getByText('graph TD; A-->B')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'docs' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
  });
});
