import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadTransport } from '../../../lib/upload-file';
import { sendJson, startUploadTestServer, uploadResponseBody } from '../../../test/upload-test-server';
import { block, connection } from '../test/workflow-fixtures';
import { inputOfDraft, RunInputForm, startBlockOf, type InputDraft, type StartInputType } from './run-input-form';
import { OutputValue, RunOutput } from './output-value';

let server: Awaited<ReturnType<typeof startUploadTestServer>>;
beforeAll(async () => {
  server = await startUploadTestServer();
});
afterAll(() => server.close());

function transport(): UploadTransport {
  return { baseUrl: server.baseUrl, getAccessToken: () => 'token-1', refreshSession: () => Promise.resolve(false), isStrictResponseParsing: true };
}

/** The form with its draft in state, reporting the run input the draft stands for. */
function FormHarness({ type, onInput }: { type: StartInputType; onInput: (input: unknown) => void }) {
  const [draft, setDraft] = useState<InputDraft>({ text: '' });
  return (
    <RunInputForm
      type={type}
      draft={draft}
      isDisabled={false}
      uploadTransport={transport()}
      onChange={(next) => {
        setDraft(next);
        onInput(inputOfDraft(type, next));
      }}
    />
  );
}

describe('run input form', () => {
  it('finds the start block: a read of `input` that nothing leads into', () => {
    const workflow = {
      blocks: [
        block('set', 'variable', { operation: 'set', variableName: 'input', value: 1 }),
        block('start', 'variable', { operation: 'read', variableName: 'input', inputType: 'file' }),
        block('later', 'variable', { operation: 'read', variableName: 'input' }),
      ],
      connections: [connection('c1', 'start', 'later')],
      variables: [],
    };
    expect(startBlockOf(workflow)?.id).toBe('start');
  });

  it('uploads a file and gives the start block its reference', async () => {
    server.answerWith((_request, response) => sendJson(response, 201, uploadResponseBody({ fileId: 'file-9', filename: 'report.csv', mimeType: 'text/csv', kind: 'data', size: 2048 })));
    const inputs: unknown[] = [];
    render(<FormHarness type="file" onInput={(input) => inputs.push(input)} />);
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Input file'), new File(['month,sales\n1,10\n'], 'report.csv', { type: 'text/csv' }));
    await waitFor(() => expect(screen.getByText('report.csv')).toBeTruthy());
    expect(screen.getByText('2.0 KB')).toBeTruthy();
    expect(inputs.at(-1)).toEqual({ file_id: 'file-9', filename: 'report.csv', mime_type: 'text/csv' });
    expect(server.received.at(-1)?.authorization).toBe('Bearer token-1');
    expect(server.received.at(-1)?.body.toString()).toContain('month,sales');

    await user.click(screen.getByRole('button', { name: 'Remove report.csv' }));
    expect(inputs.at(-1)).toBeUndefined();
    expect(screen.getByLabelText('Input file')).toBeTruthy();
  });

  it('says why an upload was refused, naming the file', async () => {
    server.answerWith((_request, response) => sendJson(response, 413, { error: { code: 'payload_too_large', message: 'The file is larger than 20 MB', requestId: 'r' } }));
    render(<FormHarness type="file" onInput={() => undefined} />);
    await userEvent.setup().upload(screen.getByLabelText('Input file'), new File(['x'], 'huge.bin'));
    expect(await screen.findByText('huge.bin could not be uploaded: the file is larger than 20 MB.')).toBeTruthy();
  });
});

describe('output rendering', () => {
  it('shows an image URL as the image and a generated file as a download link', () => {
    render(
      <RunOutput
        output={{
          Chart: 'https://files.example.test/chart.png',
          Report: { filename: 'launch.pdf', download_url: '/api/files/f-1?code=abc', mime_type: 'application/pdf' },
          Poster: { filename: 'poster.png', url: '/api/files/f-2?code=def', mime_type: 'image/png' },
        }}
      />,
    );
    expect(within(screen.getByRole('region', { name: 'Output Chart' })).getByRole('img', { name: 'Output Chart' }).getAttribute('src')).toBe('https://files.example.test/chart.png');
    const report = within(screen.getByRole('region', { name: 'Output Report' })).getByRole('link', { name: 'Download launch.pdf' });
    expect(report.getAttribute('href')).toBe('/api/files/f-1?code=abc');
    expect(report.getAttribute('download')).toBe('launch.pdf');
    const poster = screen.getByRole('region', { name: 'Output Poster' });
    expect(within(poster).getByRole('img', { name: 'poster.png' }).getAttribute('src')).toBe('/api/files/f-2?code=def');
    expect(within(poster).getByRole('link', { name: 'Download poster.png' })).toBeTruthy();
  });

  it('shows numbers and nested JSON as a tree that folds and unfolds', async () => {
    render(<OutputValue value={{ total: 3, items: [{ name: 'kettle', ok: true }], note: null }} label="Result" />);
    const tree = screen.getByRole('list', { name: 'Result' });
    expect(within(tree).getByText('3')).toBeTruthy();
    expect(within(tree).getByText('null')).toBeTruthy();
    // Two levels open at first: the item inside the list is folded.
    expect(within(tree).queryByText('"kettle"')).toBeNull();
    await userEvent.setup().click(within(tree).getByRole('button', { name: /^0/ }));
    expect(within(tree).getByText('"kettle"')).toBeTruthy();
    expect(within(tree).getByText('true')).toBeTruthy();
  });
});
