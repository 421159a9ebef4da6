/**
 * Collects a stream's text up to a byte cap and remembers how much was dropped, so a program that prints
 * forever cannot fill the server's memory; `text()` says so when something was cut.
 */
export class CappedText {
  private readonly chunks: Buffer[] = [];
  private readonly notes: string[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(private readonly maxBytes: number) {}

  append(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    const room = Math.max(0, this.maxBytes - this.kept);
    const part = bytes.length <= room ? bytes : bytes.subarray(0, room);
    if (part.length > 0) this.chunks.push(part);
    this.kept += part.length;
    this.dropped += bytes.length - part.length;
  }

  /** A line of our own (e.g. why the run was stopped), shown after the program's text whatever the cap. */
  appendNote(line: string): void {
    this.notes.push(line);
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  text(): string {
    // A cut in the middle of a multi-byte character decodes to U+FFFD; drop it rather than show garbage.
    let text = Buffer.concat(this.chunks).toString('utf8');
    if (this.dropped > 0) text = `${text.replace(/\uFFFD+$/, '')}\n[output truncated: ${this.dropped} more bytes were not kept]`;
    for (const note of this.notes) text += `${text === '' || text.endsWith('\n') ? '' : '\n'}${note}\n`;
    return text;
  }
}
