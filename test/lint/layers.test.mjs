// The layer rule of eslint.config.js (lint/layers.mjs, docs/architecture.md). Each file of
// fixtures/ breaks one layer's rule; it is linted as if it stood inside its layer (the path its
// second line names), and must get that layer's error and no other. Clean counterparts, and a
// table of import strings from several depths, must get none. One fixture also goes through the
// eslint command itself.
//
// ESLint lints the text without type information: the paths do not exist, so the project service
// would refuse them, and the layer rule does not use types. Everything else is the project's config.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { layers } from '../../lint/layers.mjs';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const fixtures = join(root, 'test', 'lint', 'fixtures');

const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });

/** The layer (its folder) whose rule each fixture breaks, and how many times. */
const expected = {
  'model-imports-store.ts': { rule: 'src/model/', errors: 1 },
  'store-imports-platform.ts': { rule: 'src/store/', errors: 1 },
  'store-imports-components.ts': { rule: 'src/store/', errors: 1 },
  'component-imports-platform.ts': { rule: 'components/', errors: 1 },
  'component-imports-platform-type.ts': { rule: 'components/', errors: 1 },
  'component-imports-platform-dynamic.ts': { rule: 'components/', errors: 2 },
  'component-imports-entries.ts': { rule: 'components/', errors: 1 },
  'component-imports-package.ts': { rule: 'components/', errors: 1 },
};

/** A fixture's text without its `@ts-nocheck` line, and the path it is linted at. */
function fixture(name) {
  const [first, ...rest] = readFileSync(join(fixtures, name), 'utf8').split('\n');
  assert.match(first, /^\/\/ @ts-nocheck/, `${name}: the first line keeps tsc off the fixture`);
  const path = /lints the rest as (\S+):/.exec(rest[0] ?? '')?.[1];
  assert.ok(path, `${name}: the second line names the path it is linted at`);
  return { text: rest.join('\n'), path };
}

async function lintAs(path, text) {
  const [result] = await eslint.lintText(text, { filePath: join(root, path), warnIgnored: true });
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `${path}: could not lint it`);
  return result;
}

const errors = (result) => result.messages.filter((m) => m.severity === 2);
/** The layer (its folder) whose rule a message reports, if any. */
const layerOf = (message) =>
  message.ruleId === 'layers/imports' ? layers.find((layer) => message.message.includes(layer.why))?.folder : undefined;
const show = (messages) => messages.map((m) => `${m.line}: ${m.ruleId}: ${m.message}`).join('\n');

test('every fixture is listed here', () => {
  assert.deepEqual(readdirSync(fixtures).sort(), Object.keys(expected).sort());
});

for (const [name, { rule, errors: count }] of Object.entries(expected)) {
  test(`${name} breaks the ${rule} rule, and only it`, async () => {
    const { text, path } = fixture(name);
    const result = await lintAs(path, text);
    const found = errors(result);
    assert.equal(
      found.filter((m) => layerOf(m) === rule).length,
      count,
      `${name} as ${path}: expected ${count} ${rule} error(s), got:\n${show(found)}`,
    );
    assert.equal(result.errorCount, count, `${name} as ${path}: other errors too:\n${show(found)}`);
  });
}

/** What each layer may import: no error at all. */
const clean = {
  'src/model/__fixture__.ts': `
import * as v from 'valibot';
import { SnapshotSchema } from './schemas.js';

export const Fixture = v.array(SnapshotSchema);
`,
  'src/store/__fixture__.ts': `
import type { PlatformClient } from '../platform/client.js';
import { PlatformError } from '../platform/errors.js';
import { SnapshotSchema } from '../model/index.js';
import { IndexedDbStore } from '../storage/indexed-db.js';
import type { Store } from './store.js';

export type Fixture = [PlatformClient, Store];
export { PlatformError, SnapshotSchema, IndexedDbStore };
`,
  'components/my-numbers/__fixture__.ts': `
import type { PlatformClient } from '../../src/store/index.js';
import { storeContext } from '../../src/store/index.js';
import { SnapshotSchema } from '../../src/model/index.js';
import { localeOf } from '../shared/locale.js';

export type Fixture = PlatformClient;
export { storeContext, SnapshotSchema, localeOf };
`,
  // Where the layers meet: no rule.
  'entries/__fixture__.ts': `
import { RemoteExtensionProvider } from '../components/remote-extension-provider/remote-extension-provider.js';
import { clientFor, scopeFor } from '../src/platform/index.js';

RemoteExtensionProvider.platforms = { clientFor, scopeFor };
`,
};

for (const [path, text] of Object.entries(clean)) {
  test(`${path}: allowed imports pass`, async () => {
    const result = await lintAs(path, text);
    assert.equal(result.errorCount, 0, `${path}:\n${show(errors(result))}`);
  });
}

/**
 * Import strings from files at several depths, and the layer whose rule each breaks (null: none):
 * the rule judges the module a string resolves to from where the file is.
 */
const imports = {
  'src/model/__fixture__.ts': {
    'valibot': null,
    './schemas.js': null,
    '../model/schemas.js': null,
    '../index.js': 'src/model/',
    '..': 'src/model/',
    '../storage/indexed-db.js': 'src/model/',
    '../platform/client.js': 'src/model/',
    '../store/index.js': 'src/model/',
    '../../components/shared/locale.js': 'src/model/',
    'remote-extension-elements': 'src/model/',
  },
  'src/model/deeper/__fixture__.ts': {
    '../schemas.js': null,
    '..': null,
    '../../store/index.js': 'src/model/',
    '../../index.js': 'src/model/',
  },
  'src/store/__fixture__.ts': {
    './store.js': null,
    '../model/index.js': null,
    '../storage/indexed-db.js': null,
    '../platform/client.js': null,
    '../platform/errors.js': null,
    '../platform/client': null,
    '../platform/index.js': 'src/store/',
    '../platform': 'src/store/',
    '../platform/platforms.js': 'src/store/',
    '../platform/lazy-client.js': 'src/store/',
    '../platform/rest/index.js': 'src/store/',
    '../platform/simulated/index.js': 'src/store/',
    '../index.js': 'src/store/',
    '../../components/shared/locale.js': 'src/store/',
    '../../entries/index.js': 'src/store/',
    'remote-extension-elements/simulated': 'src/store/',
  },
  'src/store/deeper/__fixture__.ts': {
    '../outbox.js': null,
    '../../platform/client.js': null,
    '../../model/index.js': null,
    '../../platform/index.js': 'src/store/',
    '../../../components/shared/locale.js': 'src/store/',
  },
  'components/my-numbers/__fixture__.ts': {
    'lit': null,
    '../shared/locale.js': null,
    '../../src/store/index.js': null,
    '../../src/model/index.js': null,
    '../../src/platform/client.js': 'components/',
    '../../src/platform/errors.js': 'components/',
    '../../src/platform/index.js': 'components/',
    '../../src/platform/simulated/index.js': 'components/',
    '../../src/index.js': 'components/',
    '../../src': 'components/',
    '../../entries/index.js': 'components/',
    '../../entries/define.js': 'components/',
    'remote-extension-elements': 'components/',
  },
  'components/shared/deeper/__fixture__.ts': {
    '../locale.js': null,
    '../../../src/store/index.js': null,
    '../../../src/platform/client.js': 'components/',
  },
};

for (const [path, table] of Object.entries(imports)) {
  test(`${path}: import strings`, async () => {
    const specifiers = Object.keys(table);
    const text = [
      ...specifiers.map((specifier, i) => `import * as m${i} from '${specifier}';`),
      `export { ${specifiers.map((_, i) => `m${i}`).join(', ')} };`,
    ].join('\n');
    const found = errors(await lintAs(path, text));
    const problems = specifiers.flatMap((specifier, i) => {
      const onLine = found.filter((m) => m.line === i + 1);
      const want = table[specifier];
      const ok = want === null ? onLine.length === 0 : onLine.length === 1 && layerOf(onLine[0]) === want;
      return ok ? [] : [`'${specifier}': expected ${want ?? 'no error'}, got:\n${show(onLine) || '  nothing'}`];
    });
    assert.deepEqual(problems, [], `${path}:\n${problems.join('\n')}`);
    assert.equal(found.filter((m) => m.line > specifiers.length).length, 0, show(found));
  });
}

test('the eslint command itself fails on a layer violation, with type information', () => {
  // The project service only lints files that exist, so the fixture's text goes through stdin
  // under the name of a real file of the layer (nothing is written).
  const { text } = fixture('store-imports-platform.ts');
  const real = readdirSync(join(root, 'src', 'store')).filter((name) => name.endsWith('.ts')).sort()[0];
  assert.ok(real, 'src/store/ has a .ts file');
  const eslintBin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const args = [eslintBin, '--stdin', '--stdin-filename', `src/store/${real}`, '--format', 'json'];
  const run = spawnSync(process.execPath, args, { cwd: root, input: text, encoding: 'utf8' });
  assert.equal(run.status, 1, `exit code ${run.status}\n${run.stderr}`);
  const [result] = JSON.parse(run.stdout);
  assert.equal(result.errorCount, 1, show(result.messages));
  assert.equal(layerOf(result.messages[0]), 'src/store/', show(result.messages));
});
