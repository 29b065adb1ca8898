// The demo's web server. `npm start` (scripts/start.mjs) builds the main demo's bundle, then serves
// with this config plus a middleware that holds back pages still being built in the background;
// `wds --config web-dev-server.config.mjs` serves an existing build as it is (npm test's e2e run).
// It serves the repository's files as they are: the pages in demo/ load the built bundle from dist/.
import { fileURLToPath } from 'node:url';

const port = Number.parseInt(process.env.PORT ?? '8000', 10);
const hostname = process.env.HOST ?? 'localhost';

/** @type {import('@web/dev-server').DevServerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  port,
  hostname,
  open: false,
  watch: false,
  middleware: [
    // The demo lives in demo/; the address printed at start-up is the site's root.
    function rootToDemo(context, next) {
      if (context.path !== '/' && context.path !== '/index.html') return next();
      context.redirect(`/demo/${context.search}`); // keeping ?platform=rest and the like
      return undefined;
    },
  ],
  plugins: [
    {
      name: 'print-pages',
      serverStart({ config }) {
        const origin = `http://${config.hostname}:${config.port}`;
        // One line the e2e test and a newcomer can both read.
        console.log(`Remote Extension demo: ${origin}/`);
        console.log(`  intranet page:  ${origin}/demo/intranet.html`);
        console.log(`  React 19 page:  ${origin}/demo/react.html`);
        console.log(`  Vue 3 page:     ${origin}/demo/vue.html`);
      },
    },
  ],
};
