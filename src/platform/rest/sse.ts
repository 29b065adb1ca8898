/**
 * A Server-Sent Events reader over `fetch`, because `EventSource` cannot send an Authorization
 * header or be aborted with a signal. It parses the stream per the HTML standard's event-stream
 * format (fields `event`, `id`, `data`; a blank line dispatches; `:` lines are comments).
 */
export interface ServerSentEvent {
  readonly event: string;
  readonly id: string | null;
  readonly data: string;
}

/** Reads events from a response body until it ends; throws what reading throws (e.g. an abort). */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerSentEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let id: string | null = null;
  let data: string[] = [];
  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || 'message', id, data: data.join('\n') });
    event = '';
    data = [];
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    // Lines end in CRLF, LF or CR; the last piece may be an incomplete line.
    const lines = buffer.split(/\r\n|\r|\n/u);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        dispatch();
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const raw = colon === -1 ? '' : line.slice(colon + 1);
      const text = raw.startsWith(' ') ? raw.slice(1) : raw;
      if (field === 'event') event = text;
      else if (field === 'data') data.push(text);
      else if (field === 'id' && !text.includes('\u0000')) id = text;
    }
    // A stream that only ever grows a line without ending it is not an event stream.
    if (buffer.length > 1_000_000) throw new Error('The change feed sent a line over 1 MB.');
  }
}
