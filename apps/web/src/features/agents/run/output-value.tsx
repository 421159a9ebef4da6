import { Download } from 'lucide-react';
// The chat's markdown renderer (lazy: its chunk loads with the first markdown output).
import { LazyMarkdownContent } from '../../../components/markdown/lazy-markdown-content';
import { JsonTree } from './json-tree';

const imageUrlPattern = /^(?:data:image\/[\w+.-]+;base64,|(?:https?:\/\/|\/)\S+\.(?:png|jpe?g|gif|webp|svg)(?:\?\S*)?$)/i;

/** A file a block produced: a name and where to download it (a tool's `download_url`, an upload's `url`). */
export interface FileLink {
  filename: string;
  url: string;
  mimeType: string | undefined;
}

function text(record: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) if (typeof record[key] === 'string' && record[key] !== '') return record[key];
  return undefined;
}

/** The file an output value describes, if it is one (`{ filename, download_url | url, mime_type? }`). */
export function asFileLink(value: unknown): FileLink | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const url = text(record, 'download_url', 'downloadUrl', 'url', 'image_url', 'imageUrl');
  const filename = text(record, 'filename', 'file_name', 'fileName', 'name');
  if (url === undefined || !/^(?:https?:\/\/|\/|data:)/.test(url)) return undefined;
  return { filename: filename ?? url.split('/').at(-1)?.split('?')[0] ?? 'file', url, mimeType: text(record, 'mime_type', 'mimeType') };
}

export function isImageUrl(value: string): boolean {
  return imageUrlPattern.test(value.trim());
}

/**
 * One output value as a person wants to see it: text as markdown, an image URL as the image, a file as a
 * download link (with a preview for images), anything else as a folding JSON tree.
 */
export function OutputValue({ value, label }: { value: unknown; label: string }) {
  if (typeof value === 'string') {
    if (isImageUrl(value)) return <img src={value.trim()} alt={label} className="max-h-64 max-w-full rounded-lg border border-zinc-200 dark:border-zinc-800" />;
    return (
      <div className="text-sm text-zinc-900 dark:text-zinc-100">
        <LazyMarkdownContent content={value} />
      </div>
    );
  }
  const file = asFileLink(value);
  if (file !== undefined) {
    const isImage = file.mimeType?.startsWith('image/') === true || isImageUrl(file.url);
    return (
      <div className="flex flex-col gap-2">
        {isImage ? <img src={file.url} alt={file.filename} className="max-h-64 max-w-full rounded-lg border border-zinc-200 dark:border-zinc-800" /> : null}
        <a
          href={file.url}
          download={file.filename}
          className="inline-flex w-fit items-center gap-1.5 rounded-lg border border-zinc-300 px-2.5 py-1.5 text-sm font-medium text-violet-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-violet-300 dark:hover:bg-zinc-800"
        >
          <Download aria-hidden="true" className="size-4" />
          Download {file.filename}
        </a>
      </div>
    );
  }
  if (value === null || value === undefined || typeof value !== 'object') {
    return <p className="font-mono text-sm text-zinc-800 dark:text-zinc-200">{value === undefined ? 'No value' : JSON.stringify(value)}</p>;
  }
  return <JsonTree value={value} label={label} />;
}

/** A run's final output (`{ <output block name>: value }`): one titled section per output. */
export function RunOutput({ output }: { output: unknown }) {
  const entries = output !== null && typeof output === 'object' && !Array.isArray(output) ? Object.entries(output) : [['Output', output] as const];
  if (entries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">The run produced no output.</p>;
  return (
    <div className="flex flex-col gap-3">
      {entries.map(([name, value]) => (
        <section key={name} aria-label={`Output ${name}`} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950">
          <h4 className="mb-1.5 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{name}</h4>
          <OutputValue value={value} label={`Output ${name}`} />
        </section>
      ))}
    </div>
  );
}
