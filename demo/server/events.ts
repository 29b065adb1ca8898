/**
 * The change feed, `GET /events` (SYNC-6): Server-Sent Events of whole snapshots. Every accepted
 * change, the user's own or an administrator's, from any connection, goes to all of that user's
 * open streams.
 *
 * A feed holds a connection and memory for as long as it is open, so they are limited: so many
 * per user and so many in all (refused before the stream starts), and a stream whose client stops
 * reading is cut once too much waits for it, rather than buffering every snapshot since. Its
 * client reconnects with Last-Event-ID and gets the current snapshot, so it misses nothing.
 */
import type { ServerResponse } from 'node:http';
import type { Snapshot } from '../../src/model/index.js';
import type { Limits } from './config.js';
import type { Reply } from './http.js';

/** A comment line this often keeps proxies and browsers from closing an idle stream. */
const KEEP_ALIVE_MS = 15_000;
/** Seconds a refused client is asked to wait; other feeds close as tabs do. */
const RETRY_AFTER_S = 10;

interface Stream {
  readonly user: string;
  readonly res: ServerResponse;
  /** The version of the last snapshot sent, so one published while the stream opened is not sent twice. */
  sent: number | null;
}

export class ChangeFeed {
  private readonly streams = new Map<string, Set<Stream>>();
  private openCount = 0;

  /** `onEvent` sees every snapshot before it is sent (the contract check). */
  constructor(
    private readonly limits: Pick<Limits, 'maxFeedsPerUser' | 'maxFeeds' | 'feedBufferLimit'>,
    private readonly log: (message: string) => void,
    private readonly onEvent: (user: string, snapshot: Snapshot) => void = () => undefined,
  ) {}

  /** The answer to a request for one more of the user's feeds when it is over a limit, else null. */
  refusal(user: string): Reply | null {
    const refuse = (status: number, code: string, message: string): Reply => ({
      status,
      body: { code, message },
      headers: { 'retry-after': String(RETRY_AFTER_S) },
    });
    const { maxFeedsPerUser, maxFeeds } = this.limits;
    if ((this.streams.get(user)?.size ?? 0) >= maxFeedsPerUser) {
      return refuse(429, 'rate-limited', `A user may have at most ${maxFeedsPerUser} change feeds open; close one first.`);
    }
    if (this.openCount >= maxFeeds) return refuse(503, 'unavailable', 'The platform has as many change feeds open as it can. Try again in a moment.');
    return null;
  }

  /**
   * Follows the user's changes on `res`, whose head is written. The current snapshot comes first
   * unless the client says (Last-Event-ID) that it already has this version.
   */
  open(user: string, res: ServerResponse, current: Snapshot, lastEventId: string | undefined): void {
    const stream: Stream = { user, res, sent: null };
    const streams = this.streams.get(user) ?? new Set();
    this.streams.set(user, streams.add(stream));
    this.openCount++;
    if (lastEventId !== String(current.version)) this.send(stream, current);
    else res.flushHeaders();
    const keepAlive = setInterval(() => this.write(stream, ': keep-alive\n\n'), KEEP_ALIVE_MS);
    res.once('close', () => {
      clearInterval(keepAlive);
      streams.delete(stream);
      this.openCount--;
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
    this.write(stream, `event: snapshot\nid: ${snapshot.version}\ndata: ${JSON.stringify(snapshot)}\n\n`);
  }

  /**
   * Writes unless the client has stopped reading: what the socket could not send waits in memory,
   * so past the limit the stream is cut (destroy drops what waits) instead of growing without end.
   */
  private write(stream: Stream, text: string): void {
    const { res } = stream;
    if (res.destroyed) return;
    res.write(text);
    if (res.writableLength <= this.limits.feedBufferLimit) return;
    this.log(`Cut a change feed of ${stream.user}: its client stopped reading (${res.writableLength} bytes waiting).`);
    res.destroy();
  }
}
