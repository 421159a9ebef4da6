import type { Block, Workflow } from '@claraverse/engine';
import { FileUp, X } from 'lucide-react';
import { useState } from 'react';
import { Field } from '../../../components/ui/field';
import { Textarea } from '../../../components/ui/textarea';
// The chat's upload call (multipart POST /api/upload with progress), reused rather than written twice.
import { describeUploadError, uploadFile, type UploadTransport } from '../../../lib/upload-file';

export type StartInputType = 'text' | 'json' | 'file';

/** What the user typed or uploaded for the start block, kept per agent while the panel is closed. */
export interface InputDraft {
  text: string;
  file?: { file_id: string; filename: string; mime_type: string; size: number } | undefined;
}

/** The start block: a `variable` read of `input` that no connection leads into. */
export function startBlockOf(workflow: Workflow): Block | undefined {
  const targets = new Set(workflow.connections.map((connection) => connection.targetBlockId));
  return workflow.blocks.find(
    (block) => block.type === 'variable' && (block.config['operation'] ?? 'read') === 'read' && block.config['variableName'] === 'input' && !targets.has(block.id),
  );
}

export function inputTypeOf(block: Block | undefined): StartInputType {
  const type = block?.config['inputType'];
  return type === 'json' || type === 'file' ? type : 'text';
}

/** The JSON problem of a draft, or undefined when it parses (an empty draft is fine: the block's default is used). */
export function jsonProblem(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The run input a draft stands for; undefined lets the start block use its default. */
export function inputOfDraft(type: StartInputType, draft: InputDraft): unknown {
  if (type === 'file') return draft.file === undefined ? undefined : { file_id: draft.file.file_id, filename: draft.file.filename, mime_type: draft.file.mime_type };
  if (draft.text.trim() === '') return undefined;
  return type === 'json' ? (JSON.parse(draft.text) as unknown) : draft.text;
}

/** A draft from an input value (a generated sample, a past run's input). */
export function draftOfInput(type: StartInputType, input: unknown): InputDraft {
  if (type === 'file') {
    const file = input as InputDraft['file'] | undefined;
    return { text: '', file: file !== undefined && file !== null && typeof file.file_id === 'string' ? { ...file, size: file.size ?? 0 } : undefined };
  }
  if (input === undefined || input === null) return { text: '' };
  if (type === 'json') return { text: JSON.stringify(input, null, 2) };
  return { text: typeof input === 'string' ? input : JSON.stringify(input) };
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function FileInput({ draft, onChange, isDisabled, transport }: { draft: InputDraft; onChange: (draft: InputDraft) => void; isDisabled: boolean; transport: UploadTransport | undefined }) {
  const [progress, setProgress] = useState<{ filename: string; fraction: number } | undefined>();
  const [error, setError] = useState<string | undefined>();

  const upload = async (file: File) => {
    setError(undefined);
    setProgress({ filename: file.name, fraction: 0 });
    try {
      const uploaded = await uploadFile(file, { onProgress: (fraction) => setProgress({ filename: file.name, fraction }) }, transport);
      onChange({ text: '', file: { file_id: uploaded.fileId, filename: uploaded.filename, mime_type: uploaded.mimeType, size: uploaded.size } });
    } catch (uploadError) {
      setError(describeUploadError(uploadError, file.name));
    } finally {
      setProgress(undefined);
    }
  };

  if (draft.file !== undefined) {
    return (
      <div className="flex items-center gap-2 rounded-lg border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        <FileUp aria-hidden="true" className="size-4 shrink-0 text-violet-600 dark:text-violet-400" />
        <span className="min-w-0 flex-1 truncate text-zinc-900 dark:text-zinc-100">{draft.file.filename}</span>
        {draft.file.size > 0 ? <span className="text-xs text-zinc-500 dark:text-zinc-400">{formatSize(draft.file.size)}</span> : null}
        <button type="button" aria-label={`Remove ${draft.file.filename}`} disabled={isDisabled} className="rounded p-1 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800" onClick={() => onChange({ text: '' })}>
          <X aria-hidden="true" className="size-4" />
        </button>
      </div>
    );
  }
  return (
    <Field label="Input file" error={error} hint="The file is uploaded first, then given to the start block.">
      {(controlProps) => (
        <div className="flex flex-col gap-2">
          <input
            {...controlProps}
            type="file"
            disabled={isDisabled || progress !== undefined}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
            className="block w-full text-sm text-zinc-700 file:mr-3 file:rounded-lg file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-900 hover:file:bg-zinc-100 dark:text-zinc-300 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
          />
          {progress !== undefined ? (
            <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
              <div
                role="progressbar"
                aria-label={`Uploading ${progress.filename}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(progress.fraction * 100)}
                className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
              >
                <div className="h-full bg-violet-600 transition-[width] dark:bg-violet-400" style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
              </div>
              {Math.round(progress.fraction * 100)} %
            </div>
          ) : null}
        </div>
      )}
    </Field>
  );
}

interface RunInputFormProps {
  type: StartInputType;
  draft: InputDraft;
  onChange: (draft: InputDraft) => void;
  isDisabled: boolean;
  /** Where uploads go (tests); the app's API by default. */
  uploadTransport?: UploadTransport;
}

/** The run's input, shaped by the start block: free text, JSON (checked as typed) or a file upload. */
export function RunInputForm({ type, draft, onChange, isDisabled, uploadTransport }: RunInputFormProps) {
  if (type === 'file') return <FileInput draft={draft} onChange={onChange} isDisabled={isDisabled} transport={uploadTransport} />;
  const problem = type === 'json' ? jsonProblem(draft.text) : undefined;
  const canFormat = type === 'json' && problem === undefined && draft.text.trim() !== '' && JSON.stringify(JSON.parse(draft.text), null, 2) !== draft.text;
  const hint =
    type === 'json' ? (
      <span className="flex items-center justify-between gap-2">
        Leave empty to use the start block’s default.
        {canFormat ? (
          <button type="button" disabled={isDisabled} className="font-medium text-violet-700 hover:underline dark:text-violet-300" onClick={() => onChange({ ...draft, text: JSON.stringify(JSON.parse(draft.text), null, 2) })}>
            Format JSON
          </button>
        ) : null}
      </span>
    ) : undefined;
  return (
    <Field label={type === 'json' ? 'Run input (JSON)' : 'Run input'} error={problem} hint={hint}>
      {(controlProps) => (
        <Textarea
          {...controlProps}
          isCode={type === 'json'}
          rows={type === 'json' ? 6 : 4}
          spellCheck={type !== 'json'}
          value={draft.text}
          disabled={isDisabled}
          placeholder={type === 'json' ? '{ "topic": "solar kettles" }' : 'What should the agent work on?'}
          onChange={(event) => onChange({ ...draft, text: event.target.value })}
        />
      )}
    </Field>
  );
}
