/** The change feed's event-stream reader, fed the awkward streams a real network produces. */
import { expect } from '@open-wc/testing';
import { readEvents, type ServerSentEvent } from '../../src/platform/rest/sse.js';

/** A body that arrives in exactly these pieces, as TCP may cut it. */
function body(...pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function read(...pieces: string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  await readEvents(body(...pieces), (event) => events.push(event));
  return events;
}

describe('readEvents (the SSE change feed, SYNC-6)', () => {
  it('SYNC-6 reads events split anywhere, with CRLF, LF or CR line ends', async () => {
    expect(await read('event: snap', 'shot\r\nid: 7\r\ndata: {"a"', ':1}\r\n\r', '\nevent: snapshot\nid: 8\ndata: x\r\r')).to.deep.equal([
      { event: 'snapshot', id: '7', data: '{"a":1}' },
      { event: 'snapshot', id: '8', data: 'x' },
    ]);
  });

  it('SYNC-6 skips comments and keep-alives, joins multi-line data, and keeps the last id', async () => {
    expect(await read(': keep-alive\n\n', 'id: 3\ndata: one\ndata: two\n\n', 'data: three\n\n')).to.deep.equal([
      { event: 'message', id: '3', data: 'one\ntwo' },
      { event: 'message', id: '3', data: 'three' },
    ]);
  });

  it('SYNC-6 dispatches nothing for an event the stream cut off before its blank line', async () => {
    expect(await read('event: snapshot\nid: 9\ndata: {"half":')).to.deep.equal([]);
  });

  it('SYNC-6 decodes UTF-8 split across pieces', async () => {
    const bytes = new TextEncoder().encode('data: Åsa 😀\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    const events: ServerSentEvent[] = [];
    await readEvents(stream, (event) => events.push(event));
    expect(events.map((e) => e.data)).to.deep.equal(['Åsa 😀']);
  });
});
