/**
 * CONTRACT_CHECK=1: every API answer the server sends is checked against the OpenAPI document
 * (src/platform/rest/openapi.yaml), so the reference server cannot drift from the contract the
 * REST client is written against (PC-3). An answer must be to a documented operation, with a
 * status documented for it, a documented content type, a body valid against that response's
 * schema, and documented headers (ETag, …) matching theirs. Snapshots are also checked with the
 * model's SnapshotSchema, for the cross-references JSON Schema cannot express (a status's device
 * exists, …). Violations are kept for GET /__test/violations and logged to stderr.
 */
import { readFile } from 'node:fs/promises';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import * as v from 'valibot';
import { parse } from 'yaml';
import { SnapshotSchema, type Snapshot } from '../../src/model/index.js';
import type { Rendered } from './http.js';
import { compilePath, type PathMatcher } from './path-template.js';

export interface Violation {
  /** Whose account the answer was about (caller or the user an admin route names); null if none. */
  readonly user: string | null;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errors: readonly string[];
}

/** Enough to find a broken server; a flood beyond this says nothing new. */
const MAX_VIOLATIONS = 1000;

// The part of an OpenAPI document this check reads, so a document it cannot follow fails at start.
const JsonSchema = v.record(v.string(), v.unknown());
const RefSchema = v.object({ $ref: v.string() });
const ResponseSchema = v.looseObject({
  content: v.optional(v.record(v.string(), v.looseObject({ schema: v.optional(JsonSchema) }))),
  headers: v.optional(v.record(v.string(), v.looseObject({ required: v.optional(v.boolean()), schema: JsonSchema }))),
});
const OperationSchema = v.optional(v.looseObject({ responses: v.record(v.string(), v.union([RefSchema, ResponseSchema])) }));
const DocumentSchema = v.looseObject({
  paths: v.record(
    v.string(),
    v.looseObject({
      get: OperationSchema,
      put: OperationSchema,
      post: OperationSchema,
      delete: OperationSchema,
      patch: OperationSchema,
    }),
  ),
  components: v.looseObject({
    schemas: v.record(v.string(), JsonSchema),
    responses: v.optional(v.record(v.string(), ResponseSchema)),
  }),
});

type ResponseObject = v.InferOutput<typeof ResponseSchema>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The components' schemas are added to ajv under this id; `$ref`s are rewritten to point there. */
const SCHEMAS_ID = 'openapi-components';
const SNAPSHOT_REF = '#/components/schemas/Snapshot';

interface ResponseCheck {
  /** By media type; a validator for JSON bodies, none for streams. */
  readonly content: ReadonlyMap<string, { readonly validate?: ValidateFunction; readonly snapshot: boolean }>;
  readonly headers: ReadonlyArray<{
    readonly name: string;
    readonly required: boolean;
    /** A header is text; a schema of a number is checked against the number the text spells. */
    readonly numeric: boolean;
    readonly validate: ValidateFunction;
  }>;
}

interface Operation {
  readonly method: string;
  readonly template: string;
  readonly match: PathMatcher;
  readonly responses: ReadonlyMap<string, ResponseCheck>;
}

export class ContractCheck {
  readonly violations: Violation[] = [];

  private constructor(
    private readonly ajv: Ajv2020,
    private readonly operations: readonly Operation[],
    private readonly snapshot: ValidateFunction,
    private readonly log: (message: string) => void,
  ) {}

  static async load(file: URL, log: (message: string) => void): Promise<ContractCheck> {
    const document = v.parse(DocumentSchema, parse(await readFile(file, 'utf8')));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addSchema({ $id: SCHEMAS_ID, $defs: rebase(document.components.schemas) });
    const resolve = (response: ResponseObject | v.InferOutput<typeof RefSchema>): ResponseObject => {
      if (!v.is(RefSchema, response)) return response;
      const name = /^#\/components\/responses\/([^/]+)$/u.exec(response.$ref)?.[1];
      const found = name === undefined ? undefined : document.components.responses?.[name];
      if (!found) throw new Error(`The contract check cannot follow ${response.$ref}.`);
      return found;
    };
    const compileResponse = (response: ResponseObject): ResponseCheck => ({
      content: new Map(
        Object.entries(response.content ?? {}).map(([type, media]) => [
          type,
          {
            validate: type === 'application/json' && media.schema ? ajv.compile(rebase(media.schema)) : undefined,
            snapshot: media.schema?.$ref === SNAPSHOT_REF,
          },
        ]),
      ),
      headers: Object.entries(response.headers ?? {}).map(([name, spec]) => ({
        name: name.toLowerCase(),
        required: spec.required ?? false,
        numeric: spec.schema.type === 'integer' || spec.schema.type === 'number',
        validate: ajv.compile(rebase(spec.schema)),
      })),
    });
    const operations = Object.entries(document.paths).flatMap(([template, item]) =>
      METHODS.flatMap((method) => {
        const operation = item[method];
        if (!operation) return [];
        const responses = Object.entries(operation.responses).map(
          ([status, response]) => [status, compileResponse(resolve(response))] as const,
        );
        return [{ method: method.toUpperCase(), template, match: compilePath(template), responses: new Map(responses) }];
      }),
    );
    return new ContractCheck(ajv, operations, ajv.compile({ $ref: `${SCHEMAS_ID}#/$defs/Snapshot` }), log);
  }

  /** Checks an answer to `method path` (the path below /api/v1) as it is about to be sent. */
  check(user: string | null, method: string, path: string, reply: Rendered): void {
    const record = (errors: readonly string[]) => this.record({ user, method, path, status: reply.status, errors });
    const operation = this.operations.find((o) => o.method === method && o.match(path) !== null);
    if (!operation) {
      // The contract describes its operations only; anything else can only be "no such thing".
      if (reply.status !== 404) record(['the contract has no such operation']);
      return;
    }
    const status = String(reply.status);
    const response =
      operation.responses.get(status) ?? operation.responses.get(`${status[0] ?? ''}XX`) ?? operation.responses.get('default');
    if (!response) {
      record([`status ${status} is not documented for ${method} ${operation.template}`]);
      return;
    }
    record([...this.contentErrors(response, reply), ...this.headerErrors(response, reply)]);
  }

  /** Checks a snapshot sent on the user's change feed, as the feed's description says it is. */
  checkEvent(user: string, snapshot: Snapshot): void {
    const errors = this.snapshotErrors(snapshot).map((error) => `event: ${error}`);
    this.record({ user, method: 'GET', path: '/events', status: 200, errors });
  }

  private contentErrors(response: ResponseCheck, reply: Rendered): string[] {
    const type = reply.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (response.content.size === 0) return type === undefined ? [] : [`a ${type} body was sent where none is documented`];
    const media = type === undefined ? undefined : response.content.get(type);
    if (!media) return [`content type ${type ?? '(none)'} is not documented here`];
    if (!media.validate || reply.text === undefined) return [];
    const body: unknown = JSON.parse(reply.text);
    if (!media.validate(body)) return this.ajv.errorsText(media.validate.errors, { dataVar: 'body', separator: '\n' }).split('\n');
    return media.snapshot ? this.snapshotErrors(body) : [];
  }

  private headerErrors(response: ResponseCheck, reply: Rendered): string[] {
    return response.headers.flatMap(({ name, required, numeric, validate }) => {
      const value = reply.headers[name];
      if (value === undefined) return required ? [`header ${name} is missing`] : [];
      return validate(numeric && /^-?\d+(\.\d+)?$/u.test(value) ? Number(value) : value) ? [] : [`header ${name}: ${JSON.stringify(value)} ${this.ajv.errorsText(validate.errors, { dataVar: '' })}`];
    });
  }

  private snapshotErrors(snapshot: unknown): string[] {
    if (!this.snapshot(snapshot)) return this.ajv.errorsText(this.snapshot.errors, { dataVar: 'snapshot', separator: '\n' }).split('\n');
    const parsed = v.safeParse(SnapshotSchema, snapshot);
    return parsed.success ? [] : parsed.issues.map((issue) => `snapshot (model's SnapshotSchema): ${issue.message}`);
  }

  private record(violation: Violation): void {
    const { method, path, status, errors } = violation;
    if (errors.length === 0) return;
    this.log(`Contract violation: ${method} ${path} ${status}: ${errors.join('; ')}`);
    if (this.violations.length < MAX_VIOLATIONS) this.violations.push(violation);
  }
}

/** A schema from the document with its `#/components/schemas/…` references pointing into ajv's copy. */
function rebase(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema), (key, value: unknown) =>
    key === '$ref' && typeof value === 'string' ? value.replace(/^#\/components\/schemas\//u, `${SCHEMAS_ID}#/$defs/`) : value,
  ) as Record<string, unknown>;
}
