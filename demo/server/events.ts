/**
 * The change feed, `GET /events` (SYNC-6): Server-Sent Events of whole snapshots. Every accepted
 * change, the user's own or an administrator's, from any connection, goes to all of that user's
 * open streams.
 */
import type { ServerResponse } from 'node:http';
import type { Snapshot } from '../../src/model/index.js';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000;

interface Stream {
  readonly user: string;
  readonly res: ServerResponse;
  /** The version of the last snapshot sent, so one published while the stream opened is not sent twice. */
  sent: number | null;
}

export class ChangeFeed {
  private readonly streams = new Map<string, Set<Stream>>();

  /** `onEvent` sees every snapshot before it is sent (the contract check). */
  constructor(private readonly onEvent: (user: string, snapshot: Snapshot) => void = () => undefined) {}

  /**
   * Follows the user's changes on `res`, whose head is written. The current snapshot comes first
   * unless the client says (Last-Event-ID) that it already has this version.
   */
  open(user: string, res: ServerResponse, current: Snapshot, lastEventId: string | undefined): void {
    const stream: Stream = { user, res, sent: null };
    const streams = this.streams.get(user) ?? new Set();
    this.streams.set(user, streams.add(stream));
    if (lastEventId !== String(current.version)) this.send(stream, current);
    else res.flushHeaders();
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.once('close', () => {
      clearInterval(keepAlive);
      streams.delete(stream);
      if (streams.size === 0 && this.streams.get(user) === streams) this.streams.delete(user);
    });
  }

  publish(user: string, snapshot: Snapshot): void {
    for (const stream of this.streams.get(user) ?? []) {
      if (stream.sent !== snapshot.version) this.send(stream, snapshot);
    }
  }

  /** Cuts the user's streams, or every stream, as a dropped connection would (test hook). */
  drop(user?: string): void {
    const cut = user === undefined ? [...this.streams.values()] : [this.streams.get(user) ?? new Set<Stream>()];
    for (const streams of cut) for (const { res } of streams) res.destroy();
  }

  /** Ends every stream cleanly (shutdown). */
  endAll(): void {
    for (const streams of this.streams.values()) for (const { res } of streams) res.end();
  }

  private send(stream: Stream, snapshot: Snapshot): void {
    this.onEvent(stream.user, snapshot);
    stream.sent = snapshot.version;
    // JSON.stringify never writes a line break, so the snapshot is one `data:` line.
    stream.res.write(`event: snapshot\nid: ${snapshot.version}\ndata: ${JSON.stringify(snapshot)}\n\n`);
  }
}
