// Starts the demo the way a newcomer does, `npm start` (which builds the main demo, serves it, then
// builds the rest in the background), on a free port, and a headless Chromium with a fresh profile
// to look at it. Used by test/e2e/ and the screenshots, which use the other pages and the extension
// too: so this waits until `npm start` says everything is built.
// With DEMO_BUILT=1 (set by `npm test`, whose build step has just run `rollup -c`, the builds that
// `npm start` runs) only the serving half runs: the same files, without building them once more
// for each end-to-end file.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';


function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const wds = fileURLToPath(new URL('../node_modules/.bin/wds', import.meta.url));

/** Runs `npm start` and resolves with the address it prints, once it has built everything. */
export async function startDemo() {
  const port = await freePort();
  const [command, args] =
    process.env.DEMO_BUILT === '1' ? [wds, ['--config', 'web-dev-server.config.mjs']] : ['npm', ['start']];
  const child = spawn(command, args, {
    cwd: new URL('../', import.meta.url),
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stopping it stops its background build or wds too
  });
  let output = '';
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} was not ready in 120 s:\n${output}`)), 120_000);
    const read = (chunk) => {
      output += chunk;
      const match = /Remote Extension demo: (http:\/\/\S+?)\/\s/.exec(output);
      if (/^Not built: /m.test(output)) {
        clearTimeout(timer);
        reject(new Error(`${command} could not build everything:\n${output}`));
      } else if (match && (command === wds || /^Everything is built/m.test(output))) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
  return {
    origin,
    output: () => output,
    stop: () => {
      child.removeAllListeners('exit');
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}

/** `extraArgs`, e.g. `--load-extension=…`; extensions are allowed (puppeteer disables them by default). */
export function launchChromium(extraArgs = []) {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
    ignoreDefaultArgs: ['--disable-extensions'],
  });
}

/** A control found by role and accessible name in the browser's accessibility tree. */
export function aria(role, name) {
  return `::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`;
}
