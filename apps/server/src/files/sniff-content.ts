/** Binary formats told apart by their first bytes. `zip` is narrowed to DOCX/PPTX/XLSX by its entries. */
export type ContentSignature = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'zip' | 'mp3' | 'wav' | 'ogg' | 'mp4' | 'webm' | 'flac';

/** Bytes of the head that `sniffSignature` needs at most. */
export const sniffHeadBytes = 16;

const ascii = (head: Buffer, offset: number, text: string) => head.subarray(offset, offset + text.length).toString('latin1') === text;
const bytes = (head: Buffer, offset: number, values: number[]) => values.every((value, index) => head[offset + index] === value);

/** An MPEG audio frame header: 11 sync bits, and a layer that is not the reserved 00 (which is AAC's ADTS). */
function isMpegFrame(head: Buffer): boolean {
  const second = head[1] ?? 0;
  return head[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) !== 0;
}

/**
 * The format of a file from its first bytes (magic numbers), or `null` when it has none we accept (text has
 * none: it is checked as UTF-8 separately). Pure; give it at least `sniffHeadBytes` bytes when the file has them.
 */
export function sniffSignature(head: Buffer): ContentSignature | null {
  // FF FE is also a (never used) MPEG layer I frame header; it is far more often UTF-16 text.
  if (looksLikeUtf16(head)) return null;
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'webp';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'wav';
  if (ascii(head, 0, '%PDF-')) return 'pdf';
  if (bytes(head, 0, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (ascii(head, 0, 'ID3') || isMpegFrame(head)) return 'mp3';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (ascii(head, 4, 'ftyp')) return 'mp4';
  if (bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  if (ascii(head, 0, 'fLaC')) return 'flac';
  return null;
}

/** The stored type of each signature (ZIP-based ones come from `officeTypeOfZip`). */
export const signatureMimeTypes: Record<Exclude<ContentSignature, 'zip'>, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  mp4: 'audio/mp4',
  webm: 'audio/webm',
  flac: 'audio/flac',
};

const officeMarkers: Array<[entry: string, mimeType: string]> = [
  ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];

/**
 * DOCX, PPTX and XLSX are all ZIP archives with a `[Content_Types].xml`; their main part tells them apart.
 * @returns the stored type, or `null` for any other ZIP archive.
 */
export function officeTypeOfZip(entryNames: readonly string[]): string | null {
  const names = new Set(entryNames);
  if (!names.has('[Content_Types].xml')) return null;
  return officeMarkers.find(([entry]) => names.has(entry))?.[1] ?? null;
}

/**
 * Checks, chunk by chunk, that content is text: valid UTF-8 (sequences split across chunks are fine) without
 * NUL bytes. `isTextSoFar()` allows a character cut at the end; `finish()` says whether the whole passed.
 */
export function createTextCheck() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let isText = true;
  return {
    push(chunk: Buffer): void {
      if (!isText) return;
      if (chunk.includes(0)) {
        isText = false;
        return;
      }
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        isText = false;
      }
    },
    isTextSoFar: (): boolean => isText,
    finish(): boolean {
      if (!isText) return false;
      try {
        decoder.decode();
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** True when the bytes start with a UTF-16 byte-order mark (text we refuse with a hint to save as UTF-8). */
export function looksLikeUtf16(head: Buffer): boolean {
  return bytes(head, 0, [0xff, 0xfe]) || bytes(head, 0, [0xfe, 0xff]);
}
