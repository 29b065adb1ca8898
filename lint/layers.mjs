// An ESLint plugin with one rule, `layers/imports`: each layer of docs/architecture.md imports
// only what it may. It resolves every relative import against the importing file, so it judges
// the module imported, whatever the path's depth or spelling. test/lint/layers.test.mjs proves it.
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The layers, by the folder their files are in. `may`: the only folders and modules of ours the
 * layer may import (a path ending in `/` is a folder, else a module without its extension);
 * `mayNot`: what it may not. Any import of the package by its own name counts as ours.
 */
export const layers = [
  {
    folder: 'src/model/',
    may: ['src/model/'],
    why: 'src/model/ is the rules as pure functions over plain data, shared by the Store, the simulator and the server: it imports nothing of ours.',
  },
  {
    folder: 'src/store/',
    may: ['src/store/', 'src/model/', 'src/storage/', 'src/platform/client', 'src/platform/errors'],
    why: 'src/store/ imports the model, the storage and the platform interface (src/platform/client.ts, errors.ts) only, so it works with any client an integrator writes.',
  },
  {
    folder: 'components/',
    mayNot: ['src/platform/', 'src/index', 'entries/'],
    why: 'components/ never import src/platform/ (types included: they come through src/store/index.ts) or entries/; entries/index.ts hands the provider the named platforms.',
  },
];

const packageName = 'remote-extension-elements';

/** The module an import names, relative to the project root and without its extension. */
function target(file, source, root) {
  if (source === packageName || source.startsWith(`${packageName}/`)) return 'entries/index';
  if (!source.startsWith('.')) return null;
  const path = resolve(dirname(file), source);
  // A folder imports its index module.
  const module = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, 'index') : path;
  return relative(root, module)
    .split(sep)
    .join('/')
    .replace(/\.(?:[cm]?[jt]sx?)$/u, '');
}

const within = (module, entry) => (entry.endsWith('/') ? `${module}/`.startsWith(entry) : module === entry);

function allowed(layer, module) {
  if (layer.may) return layer.may.some((entry) => within(module, entry));
  return !layer.mayNot.some((entry) => within(module, entry));
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what it may (docs/architecture.md, Layers).' },
    schema: [],
    messages: { layer: 'Layers: {{file}} may not import {{module}}. {{why}}' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const path = relative(root, file).split(sep).join('/');
    const layer = layers.find((l) => path.startsWith(l.folder));
    if (!layer) return {};
    const check = (node) => {
      if (typeof node?.value !== 'string') return;
      const module = target(file, node.value, root);
      if (module === null || allowed(layer, module)) return;
      context.report({ node, messageId: 'layer', data: { file: path, module, why: layer.why } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
    };
  },
};

export default { meta: { name: 'layers' }, rules: { imports: importsRule } };
