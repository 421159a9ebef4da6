/** Options of {@link createSseParser}. */
export interface SseParserOptions {
  /** Called with the `data` of each complete event (several `data:` lines joined by `\n`). */
  onData(data: string): void;
}

export interface SseParser {
  /** Feeds decoded text; events may be split anywhere across calls, line endings `\n`, `\r\n` or `\r`. */
  push(text: string): void;
  /** The stream ended: an event still missing its blank line is dispatched (providers sometimes omit it). */
  end(): void;
}

/**
 * A minimal Server-Sent Events parser (the WHATWG `text/event-stream` rules that matter for LLM providers):
 * `data:` fields are collected (one optional space after the colon removed), a blank line dispatches the event,
 * comments (`:` lines) and other fields (`event`, `id`, `retry`) are ignored. It does no allocation per line
 * beyond the slices it hands out, which is the point: it replaces a chain of TransformStreams per chunk.
 */
export function createSseParser(options: SseParserOptions): SseParser {
  let buffered = '';
  let data: string | undefined;
  /** The last push ended in `\r`: a `\n` starting the next push belongs to that line ending. */
  let skipLeadingLineFeed = false;

  function dispatch(): void {
    if (data === undefined) return;
    const event = data;
    data = undefined;
    options.onData(event);
  }

  function processLine(line: string): void {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.charCodeAt(0) !== 100 /* d */ || !line.startsWith('data')) return;
    let value: string;
    if (line.length === 4) value = '';
    else if (line.charCodeAt(4) !== 58 /* : */) return; // a field named like `datax`
    else value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
    data = data === undefined ? value : `${data}\n${value}`;
  }

  return {
    push(text) {
      if (text === '') return;
      if (skipLeadingLineFeed && text.charCodeAt(0) === 10) text = text.slice(1);
      skipLeadingLineFeed = false;
      buffered = buffered === '' ? text : buffered + text;
      let start = 0;
      // Searched once and again only once passed, so text without `\r` is not rescanned per line.
      let carriageReturn = buffered.indexOf('\r');
      for (;;) {
        const lineFeed = buffered.indexOf('\n', start);
        if (carriageReturn !== -1 && carriageReturn < start) carriageReturn = buffered.indexOf('\r', start);
        if (lineFeed === -1 && carriageReturn === -1) break;
        const end = carriageReturn === -1 || (lineFeed !== -1 && lineFeed < carriageReturn) ? lineFeed : carriageReturn;
        processLine(buffered.slice(start, end));
        if (buffered.charCodeAt(end) === 13) {
          if (end + 1 === buffered.length) {
            skipLeadingLineFeed = true;
            start = end + 1;
            break;
          }
          start = buffered.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
        } else start = end + 1;
      }
      buffered = start === 0 ? buffered : buffered.slice(start);
    },
    end() {
      if (buffered !== '') processLine(buffered);
      buffered = '';
      dispatch();
    },
  };
}
