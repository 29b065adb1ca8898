#!/usr/bin/env node
// `npm start`: the demo, served as soon as its own page can work.
//
// 1. Builds what demo/index.html and the intranet page load: the bundle (dist/remote-extension.js
//    and its chunks) and the demo's script (dist/demo/index.js). A few seconds.
// 2. Serves the repository with web-dev-server (web-dev-server.config.mjs) and prints the addresses.
// 3. Builds everything else `rollup -c` builds (dist/lib, the React and Vue pages, the reference
//    server, the extension) in a child process, so the server stays responsive meanwhile. A page
//    whose script is not built yet answers "Building…" and reloads itself; a request for a file
//    not built yet waits for its build; a build that failed answers with its error. When all is
//    built it prints "Everything is built." (scripts/demo-browser.mjs waits for that line).
//
// The builds are the ones in rollup.config.mjs, unchanged: this only chooses their order.
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { rollup } from 'rollup';

const LATER = '--build-later';

/** Where a rollup config writes: its output file or folder, e.g. `dist/demo/react.js`, `dist/lib`. */
const outputOf = (config) => {
  const output = [config.output].flat()[0];
  return output.file ?? output.dir;
};

/** What the main demo and the intranet page need; everything else can wait. */
const isFirst = (config) => ['dist', 'dist/demo'].includes(outputOf(config));

async function build(config) {
  const started = Date.now();
  const bundle = await rollup(config);
  try {
    for (const output of [config.output].flat()) await bundle.write(output);
  } finally {
    await bundle.close();
  }
  return Date.now() - started;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const { default: configs } = await import('../rollup.config.mjs');

if (process.argv[2] === LATER) {
  // The child: each build in turn, each reported to the server as it ends. A failed one does not
  // stop the others.
  process.on('disconnect', () => process.exit(0)); // the server is gone: so is the reason to build
  for (const config of configs.filter((c) => !isFirst(c))) {
    const output = outputOf(config);
    try {
      process.send({ output, built: true, ms: await build(config) });
    } catch (error) {
      process.send({ output, built: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  process.disconnect();
} else {
  const started = Date.now();
  try {
    for (const config of configs.filter(isFirst)) await build(config);
  } catch (error) {
    console.error(`npm start: the demo could not be built.\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  console.log(`Built the demo's bundle and script in ${seconds(Date.now() - started)}.`);

  // Per later output: its state (building, built, failed), a promise settled when it ends (never
  // rejected, so nothing is left unhandled), and a failed build's error for the answer.
  const builds = new Map();
  for (const config of configs.filter((c) => !isFirst(c))) {
    let settle;
    const done = new Promise((resolve) => (settle = resolve));
    builds.set(outputOf(config), { done, settle, state: 'building', error: '' });
  }

  /** The later build that writes `path` (a path under the repository, e.g. `dist/demo/vue.js`), if any. */
  const buildOf = (path) => [...builds].find(([output]) => path === output || path.startsWith(`${output}/`))?.[1];

  /** The later builds a request needs: the file's own, or for a page, those of its scripts. */
  async function buildsFor(path) {
    let file;
    try {
      file = decodeURIComponent(path).replace(/^\/+/, '');
    } catch {
      return []; // not a path of ours: web-dev-server answers it
    }
    if (!/^demo\/[\w-]+\.html$/.test(file)) return [buildOf(file)].filter(Boolean);
    const html = await readFile(new URL(`../${file}`, import.meta.url), 'utf8').catch(() => '');
    return [...html.matchAll(/\ssrc="\/(dist\/[^"]+)"/g)].map((match) => buildOf(match[1])).filter(Boolean);
  }

  const page = (title, body, refresh) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8">${refresh ? '<meta http-equiv="refresh" content="1">' : ''}` +
    `<title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;
  const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

  /** Holds back what is not built yet, so no page is ever served with a script missing. */
  async function waitForBuilds(context, next) {
    const needed = await buildsFor(context.path);
    if (needed.length === 0) return next();
    // A page says so and reloads itself (a newcomer sees why it waits); a file simply waits.
    if (context.path.endsWith('.html') && needed.some((b) => b.state === 'building')) {
      context.status = 503;
      context.set('Retry-After', '1');
      context.type = 'html';
      context.body = page('Building this page…', 'It is built in the background after the main demo; this page reloads itself when it is ready.', true);
      return undefined;
    }
    await Promise.all(needed.map((b) => b.done));
    const failed = needed.find((b) => b.state === 'failed');
    if (failed) {
      context.status = 500;
      context.type = 'html';
      context.body = page('This page could not be built', `${escape(failed.error)}<br>The terminal running npm start has the details.`, false);
      return undefined;
    }
    return next();
  }

  const { startDevServer } = await import('@web/dev-server');
  const { default: serverConfig } = await import('../web-dev-server.config.mjs');
  await startDevServer({
    config: { ...serverConfig, middleware: [...(serverConfig.middleware ?? []), waitForBuilds] },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false, // web-dev-server.config.mjs prints the addresses
  });
  console.log(`Building the rest in the background: ${[...builds.keys()].join(', ')}.`);

  const child = fork(new URL(import.meta.url), [LATER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', ({ output, built, ms, error }) => {
    const entry = builds.get(output);
    if (!entry) return;
    entry.state = built ? 'built' : 'failed';
    entry.error = error ?? '';
    entry.settle();
    if (built) console.log(`  built ${output} in ${seconds(ms)}`);
    else console.error(`  ${output} could not be built:\n${error}`);
  });
  child.on('exit', (code) => {
    // Whatever did not report (the child crashed) counts as failed, so no request waits forever.
    for (const entry of builds.values()) {
      if (entry.state !== 'building') continue;
      entry.state = 'failed';
      entry.error = `The build process ended (exit code ${code}) before building it.`;
      entry.settle();
    }
    const failed = [...builds].filter(([, entry]) => entry.state === 'failed').map(([output]) => output);
    if (failed.length === 0) console.log(`Everything is built, ${seconds(Date.now() - started)} after npm start.`);
    else console.error(`Not built: ${failed.join(', ')} (see above). The main demo still works.`);
  });
}
