// A rollup plugin for the bundles: drops the indentation inside Lit's html`…` and css`…`
// templates, which terser keeps because template text is data to it.
//
// Only whitespace that holds a line break is touched, and it becomes a single space (or nothing
// next to CSS punctuation); CSS comments, notes for us that stand on lines of their own, go too.
// Lit templates here have no <pre> or <textarea> and no CSS `content` strings that span lines or
// hold `/*`, so what a person sees is unchanged: the test suite runs on the same source, and
// `npm run bench` measures the result.
import MagicString from 'magic-string';

const tags = new Set(['html', 'css']);

/**
 * `text` with each run of whitespace holding a line break made one space; in CSS, also no
 * comments, and no space around `{ } ; , >` or after a colon (a space before one can be a
 * descendant combinator).
 */
export function collapse(text, tag) {
  if (tag !== 'css') return text.replace(/\s*\n\s*/g, ' ');
  const spaced = text.replace(/\s*\/\*[\s\S]*?\*\/\s*/g, ' ').replace(/\s*\n\s*/g, ' ');
  return spaced.replace(/ ?([{};,>]) ?/g, '$1').replace(/: /g, ':');
}

export function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!/\.ts$/.test(id) || !/(html|css)`/.test(code)) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      let changed = false;
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !tags.has(node.tag.name)) return;
        for (const quasi of node.quasi.quasis) {
          const raw = quasi.value.raw;
          const minified = collapse(raw, node.tag.name);
          if (minified !== raw) {
            out.overwrite(quasi.start, quasi.end, minified);
            changed = true;
          }
        }
      });
      return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}
