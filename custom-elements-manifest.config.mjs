// `cem analyze` (part of `npm run build`) writes custom-elements.json, from which the README's
// element reference is generated (scripts/element-docs.mjs).
import { readFileSync } from 'node:fs';

/** The theme's custom properties, documented once on `baseStyles`, which every element adopts. */
function sharedCssProperties() {
  const source = readFileSync(new URL('./components/shared/styles.ts', import.meta.url), 'utf8');
  return [...source.matchAll(/@cssprop (--[\w-]+) - (.+)/g)].map(([, name, description]) => ({ name, description }));
}

/** Read by `baseStyles` only (`:host([theme])`), so the analyzer cannot see it on a class. */
const themeAttribute = {
  name: 'theme',
  type: { text: "'light' | 'dark'" },
  description: 'Forces a colour scheme; without it the element follows `prefers-color-scheme`.',
};

/**
 * The analyzer also reads events from `dispatchEvent(new SomeEvent(arg))` calls and takes `arg`
 * for the name; the `@fires` tags are the documented truth, so only events with a description
 * are kept. Elements that adopt `baseStyles` get its custom properties and `theme`.
 */
function tidy() {
  const shared = sharedCssProperties();
  return {
    name: 'remote-extension-tidy',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.customElement) continue;
          if (declaration.events) declaration.events = declaration.events.filter((e) => e.name && e.description);
          if (declaration.members) declaration.members = declaration.members.filter((m) => !m.privacy);
          if (declaration.tagName !== 'remote-extension-provider') {
            declaration.attributes = [...(declaration.attributes ?? []), themeAttribute];
            const own = declaration.cssProperties ?? [];
            declaration.cssProperties = [...shared, ...own.filter((p) => !shared.some((s) => s.name === p.name))];
          }
        }
      }
    },
  };
}

export default {
  globs: ['components/*/*.ts'],
  exclude: ['components/*/strings.ts', 'components/shared/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [tidy()],
};
