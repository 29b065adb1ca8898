/**
 * The operations of src/platform/rest/openapi.yaml. Every rule comes from the model and
 * src/platform/account.ts, exactly as the simulated platform uses them (FMT-4); this file only
 * turns HTTP into commands and outcomes into HTTP.
 */
import type { IncomingMessage } from 'node:http';
import * as v from 'valibot';
import {
  DialSchema,
  findDevice,
  findNumber,
  IdSchema,
  LabelSchema,
  type Command,
  type Snapshot,
} from '../../src/model/index.js';
import {
  adminChange,
  parseCommand,
  placeCallFrom,
  provisionRemoteExtension,
  removeNumber,
  resetAccount,
  runCommand,
  type Account,
  type CommandOutcome,
} from '../../src/platform/account.js';
import type { AccountFile } from './account-file.js';
import type { Auth } from './auth.js';
import type { ChangeFeed } from './events.js';
import { header, HttpError, malformed, readJson, refusal, type Reply } from './http.js';
import { route, type Route } from './router.js';

type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;

const CallRequestSchema = v.object({ deviceId: IdSchema, dial: v.pipe(v.string(), v.maxLength(64)) });
const ProvisionRequestSchema = v.object({ id: IdSchema, name: LabelSchema, dial: DialSchema });
const SampleProfileSchema = v.object({
  kind: v.optional(v.picklist(['mx-one', 'mivoice-business'])),
  adminRemoteExtension: v.optional(v.boolean()),
});

function snapshotReply(snapshot: Snapshot): Reply {
  return { status: 200, body: snapshot, headers: { etag: `"${snapshot.version}"` } };
}

/** A command from the body, which must be its type and carry the Idempotency-Key as its id. */
async function commandFrom<T extends Command['type']>(req: IncomingMessage, type: T): Promise<CommandOf<T>> {
  const key = idempotencyKey(req);
  const command = parseCommand(await readJson(req), type);
  if (!command) throw malformed(`Expected a ${type} command.`);
  if (command.id !== key) throw malformed('Idempotency-Key must be the command’s id.');
  return command;
}

function idempotencyKey(req: IncomingMessage): string {
  const key = header(req, 'idempotency-key');
  if (key === undefined) throw malformed('A change needs an Idempotency-Key: the command’s id.');
  return key;
}

/**
 * The version named by If-Match, or null when the change is not conditional. Only the ETag exactly
 * as this server sends it matches: "0012" is not "12", and a weak or `*` tag says nothing of a
 * version, so each is refused rather than read as one.
 */
function expectedVersion(req: IncomingMessage): number | null {
  const value = header(req, 'if-match');
  if (value === undefined) return null;
  const version = /^"(0|[1-9]\d{0,14})"$/u.exec(value)?.[1];
  if (version === undefined) {
    throw malformed('If-Match must be the ETag of a snapshot exactly as sent, e.g. "12": no leading zeros, no W/, not *.');
  }
  return Number(version);
}

/** A path parameter that is an id; `invalid` is the answer when it is not. */
function pathId(value: string | undefined, invalid: () => HttpError): string {
  if (!v.is(IdSchema, value)) throw invalid();
  return value;
}

export function apiRoutes({ store, auth, feed }: { store: AccountFile; auth: Auth; feed: ChangeFeed }): Route[] {
  /** Runs a user's command: replay, If-Match, then the rules; stored before it is answered. */
  const execute = async (req: IncomingMessage, user: string, command: Command): Promise<Reply> => {
    const expected = expectedVersion(req);
    const outcome = await store.update<CommandOutcome>(user, (account) => {
      const outcome = runCommand(account, command);
      // A replay is answered before If-Match is looked at, so a retried request gets its first
      // answer even though its own change moved the version on; so is a key reused for another
      // command, which no version makes right.
      const keyAnswered =
        outcome.kind === 'replayed' || (outcome.kind === 'refused' && outcome.problem.code === 'idempotency-key-reused');
      if (!keyAnswered && expected !== null && expected !== account.snapshot.version) {
        throw refusal({ code: 'version-stale' });
      }
      return outcome.kind === 'applied' ? { account: outcome.account, result: outcome } : { result: outcome };
    });
    if (outcome.kind === 'refused') throw refusal(outcome.problem);
    if (outcome.kind === 'applied') feed.publish(user, outcome.snapshot);
    return snapshotReply(outcome.snapshot);
  };

  /** An administrator's change to a user's account, pushed to the user's change feeds (SYNC-6). */
  const administer = async (user: string, change: (account: Account) => Account): Promise<Reply> => {
    const snapshot = await store.update(user, (account) => {
      const next = change(account);
      return { account: next, result: next.snapshot };
    });
    feed.publish(user, snapshot);
    return snapshotReply(snapshot);
  };

  return [
    route('GET', '/snapshot', auth.user, (_context, user) => snapshotReply(store.account(user).snapshot)),

    route('POST', '/numbers', auth.user, async ({ req }, user) =>
      execute(req, user, await commandFrom(req, 'number/create')),
    ),

    route('PATCH', '/numbers/{numberId}', auth.user, async ({ req, params }, user) => {
      const command = await commandFrom(req, 'number/update');
      if (command.numberId !== params.numberId) throw malformed('The command’s numberId must be the one in the path.');
      return execute(req, user, command);
    }),

    route('DELETE', '/numbers/{numberId}', auth.user, ({ req, params }, user) => {
      // No body: the command is the path and the idempotency key.
      const command = parseCommand({ type: 'number/delete', id: idempotencyKey(req), numberId: params.numberId }, 'number/delete');
      if (!command) throw malformed('The number id and the Idempotency-Key must be ids.');
      return execute(req, user, command);
    }),

    route('PUT', '/statuses/{statusId}', auth.user, async ({ req, params }, user) => {
      const command = await commandFrom(req, 'status/update');
      if (command.status.id !== params.statusId) throw malformed('The command’s status id must be the one in the path.');
      return execute(req, user, command);
    }),

    route('PUT', '/active-status', auth.user, async ({ req }, user) =>
      execute(req, user, await commandFrom(req, 'status/activate')),
    ),

    route('POST', '/calls', auth.user, async ({ req }, user) => {
      const request = v.safeParse(CallRequestSchema, await readJson(req));
      if (!request.success) throw malformed('Expected { deviceId, dial }.');
      const placed = placeCallFrom(store.account(user).snapshot, request.output.deviceId, request.output.dial);
      if (!placed.ok) throw refusal(placed.problem);
      return { status: 201, body: placed.call };
    }),

    route('GET', '/events', auth.user, ({ req }, user) => ({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      stream: (res) => feed.open(user, res, store.account(user).snapshot, header(req, 'last-event-id')),
    })),

    route('POST', '/session', auth.bearerUser, (_context, user) => {
      const { cookie, csrfToken } = auth.startSession(user);
      return { status: 200, body: { csrfToken, user }, headers: { 'set-cookie': cookie } };
    }),

    // Who the cookie belongs to and its CSRF token, for a client that has only the cookie (the
    // platform's own sign-in). Cross-origin readers are limited by CORS to the allowed origins.
    route('GET', '/session', auth.session, (_context, session) => ({
      status: 200,
      body: { csrfToken: session.csrfToken, user: session.user },
    })),

    route('DELETE', '/session', auth.session, (_context, session) => ({
      status: 204,
      headers: { 'set-cookie': auth.endSession(session) },
    })),

    route('POST', '/admin/users/{userId}/remote-extensions', auth.admin, async ({ req, params }) => {
      const user = pathId(params.userId, () => malformed('The user id is not an id.'));
      const request = v.safeParse(ProvisionRequestSchema, await readJson(req));
      if (!request.success) throw malformed('Expected { id, name, dial } with dial as digits.');
      const { id, name, dial } = request.output;
      return administer(user, (account) => {
        if (findDevice(account.snapshot, id)) throw refusal({ code: 'id-taken' });
        try {
          return adminChange(account, provisionRemoteExtension(id, name, dial));
        } catch (error) {
          // The one way left to fail: a name that makes the label longer than a label may be.
          throw new HttpError(422, 'provision-invalid', error instanceof Error ? error.message : String(error));
        }
      });
    }),

    route('DELETE', '/admin/users/{userId}/numbers/{numberId}', auth.admin, ({ params }) => {
      const user = pathId(params.userId, () => refusal({ code: 'number-not-found' }));
      const numberId = pathId(params.numberId, () => refusal({ code: 'number-not-found' }));
      return administer(user, (account) => {
        if (!findNumber(account.snapshot, numberId)) throw refusal({ code: 'number-not-found' });
        return adminChange(account, removeNumber(numberId));
      });
    }),

    route('POST', '/admin/users/{userId}/reset', auth.admin, async ({ req, params }) => {
      const user = pathId(params.userId, () => malformed('The user id is not an id.'));
      const profile = v.safeParse(SampleProfileSchema, (await readJson(req, true)) ?? {});
      if (!profile.success) throw malformed('Expected { kind?: "mx-one" | "mivoice-business", adminRemoteExtension?: boolean }.');
      return administer(user, (account) => resetAccount(account, user, profile.output));
    }),
  ];
}
