import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SchemaEditor } from './schema-editor';

function Harness({ initial }: { initial?: Record<string, unknown> }) {
  const [schema, setSchema] = useState<Record<string, unknown> | undefined>(initial);
  return (
    <>
      <SchemaEditor value={schema} onChange={setSchema} />
      <output aria-label="Schema">{schema === undefined ? 'none' : JSON.stringify(schema)}</output>
    </>
  );
}

const saved = () => {
  const text = screen.getByLabelText('Schema').textContent!;
  return text === 'none' ? undefined : (JSON.parse(text) as Record<string, unknown>);
};

describe('SchemaEditor', () => {
  it('builds a schema from fields (nested object, array items) and round-trips it through the JSON view', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('checkbox', { name: 'Structured output' }));
    expect(saved()).toEqual({ type: 'object', properties: { answer: { type: 'string', description: 'The result' } }, required: ['answer'], additionalProperties: false });
    const answer = screen.getByRole('group', { name: 'Field answer' });
    await user.clear(within(answer).getByLabelText('Field name'));
    await user.type(within(answer).getByLabelText('Field name'), 'title');
    await user.click(within(screen.getByRole('group', { name: 'Field title' })).getByRole('checkbox', { name: 'Required' }));
    // A new field without a name: the schema waits, and says why.
    await user.click(screen.getByRole('button', { name: 'Add field' }));
    expect(screen.getByRole('alert').textContent).toBe('$: every field needs a name. The schema is saved once this is fixed.');
    const added = screen.getByRole('group', { name: 'Field new field' });
    await user.type(within(added).getByLabelText('Field name'), 'tags');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.selectOptions(within(screen.getByRole('group', { name: 'Field tags' })).getByLabelText('Field type'), 'array');
    await user.selectOptions(screen.getByLabelText('Item type of tags'), 'object');
    await user.click(screen.getByRole('button', { name: 'Add field to tags[]' }));
    const label = screen.getByRole('group', { name: 'Field tags[].new field' });
    await user.type(within(label).getByLabelText('Field name'), 'label');
    await user.type(within(screen.getByRole('group', { name: 'Field tags[].label' })).getByLabelText('Field description'), 'The tag');
    const expected = {
      type: 'object',
      properties: {
        title: { type: 'string', description: 'The result' },
        tags: { type: 'array', items: { type: 'object', properties: { label: { type: 'string', description: 'The tag' } }, required: ['label'], additionalProperties: false } },
      },
      required: ['tags'],
      additionalProperties: false,
    };
    expect(saved()).toEqual(expected);

    await user.click(screen.getByRole('button', { name: 'JSON Schema' }));
    const raw = screen.getByLabelText('JSON Schema') as HTMLTextAreaElement;
    expect(JSON.parse(raw.value)).toEqual(expected);
    await user.click(screen.getByRole('button', { name: 'Fields' }));
    expect(screen.getByRole('group', { name: 'Field tags[].label' })).toBeTruthy();
    expect(saved()).toEqual(expected);
    await user.click(screen.getByRole('checkbox', { name: 'Structured output' }));
    expect(saved()).toBeUndefined();
  });

  it('shows JSON and schema errors inline in the raw view and saves only a valid schema', async () => {
    const user = userEvent.setup();
    const initial = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false };
    render(<Harness initial={initial} />);
    await user.click(screen.getByRole('button', { name: 'JSON Schema' }));
    const raw = screen.getByLabelText('JSON Schema');
    await user.clear(raw);
    await user.type(raw, '{{"type": "object", "properties": {{"n": {{"type": "date"}}}');
    expect(raw.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('$.n: "type" must be one of string, number, integer, boolean, object, array.')).toBeTruthy();
    await user.type(raw, ',');
    expect(screen.getByText(/^Not valid JSON: /)).toBeTruthy();
    expect(saved()).toEqual(initial);
    await user.clear(raw);
    await user.type(raw, '{{"type": "string"}');
    expect(screen.getByText('$: the answer must be an object ("type": "object").')).toBeTruthy();
    await user.clear(raw);
    await user.type(raw, '{{"type": "object", "properties": {{"n": {{"type": "number", "minimum": 0}}, "required": [["n"]}');
    expect(raw.getAttribute('aria-invalid')).toBeNull();
    expect(saved()).toEqual({ type: 'object', properties: { n: { type: 'number', minimum: 0 } }, required: ['n'] });
  });

  it('opens a schema the fields view cannot show in the JSON view, with the reason', () => {
    render(<Harness initial={{ type: 'object', properties: { choice: { anyOf: [{ type: 'string' }, { type: 'number' }] } } }} />);
    expect(screen.getByLabelText('JSON Schema')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Fields' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/The fields view cannot show this schema \(\$\.choice: "type" must be one of/)).toBeTruthy();
  });
});
