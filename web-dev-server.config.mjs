// `npm start`: serves the demo pages, compiling TypeScript on the fly with esbuild.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number.parseInt(process.env.PORT ?? '8000', 10);

/** @type {import('@web/dev-server').DevServerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  port,
  hostname: process.env.HOST ?? 'localhost',
  appIndex: 'demo/index.html',
  nodeResolve: { exportConditions: ['development'] },
  open: false,
  middleware: [
    // The demo lives in demo/; the address printed at start-up is the site's root.
    function rootToDemo(context, next) {
      if (context.path !== '/') return next();
      context.redirect('/demo/');
      return undefined;
    },
  ],
  watch: false,
  plugins: [
    // target es2022: with 'auto', standard decorators would reach the browser untranspiled.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
};
