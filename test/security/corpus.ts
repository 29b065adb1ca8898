/**
 * EMB-3, FMT-2, FMT-4: hostile strings to use as labels and as numbers, and the hand-written
 * answers the rules should give them.
 *
 * Every payload that would run script, if anything ever parsed it as markup or evaluated it, calls
 * `__h('<its id>')` (or sets `window.__pwned`), so a test can prove that nothing ran: arm the trap
 * with `armTrap()` before, read `sprung()` after. Nothing here is ever turned into markup; the
 * strings are data.
 */

declare global {
  interface Window {
    /** Ids of the payloads that ran; set up by `armTrap()`. */
    __hostile?: string[];
    /** What a payload calls when it runs. */
    __h?: (id: string) => void;
    /** What the shortest payloads set when they run. */
    __pwned?: unknown;
  }
}

export type Category =
  | 'markup'
  | 'script-url'
  | 'template'
  | 'entity'
  | 'css'
  | 'breakout'
  | 'bidi'
  | 'zero-width'
  | 'combining'
  | 'emoji'
  | 'astral'
  | 'long'
  | 'control'
  | 'whitespace'
  | 'script'
  | 'injection'
  | 'digits'
  | 'generated';

export interface HostileEntry {
  /** Short and unique, for messages. */
  readonly id: string;
  readonly category: Category;
  readonly value: string;
  /**
   * FMT-1, FMT-2, hand-labelled: the digits a platform with destination code 0 and 7–10 digits
   * after it stores when this is typed as a Number, or null when it must be refused.
   */
  readonly dial: string | null;
}

/** The payloads' scheme, spelled so that lint's no-script-url does not take the test data for code. */
const JS = ['java', 'script:'].join('');

const entries: HostileEntry[] = [];
const add = (category: Category, id: string, value: string, dial: string | null = null) =>
  entries.push({ id, category, value, dial });

// --- Markup and script: the readable core -------------------------------------------------------

const markup: Array<[string, string]> = [
  ['script', `<script>__h('script')</script>`],
  ['script-caps', `<ScRiPt>__h('script-caps')</sCrIpT>`],
  ['script-split', `<scr<script>ipt>__h('script-split')</scr</script>ipt>`],
  ['script-src', `<script src=data:,__h('script-src')></script>`],
  ['img', `<img src=x onerror=__h('img')>`],
  ['img-pwned', `<img src=x onerror=__pwned=1>`],
  ['img-quoted', `<img src="x" onerror="__h('img-quoted')">`],
  ['img-entity-call', `<img src=x onerror=__h&#40;'img-entity-call'&#41;>`],
  ['img-srcset', `<img srcset=",,,,x" onerror=__h('img-srcset')>`],
  ['double-lt', `<<img src=x onerror=__h('double-lt')>`],
  ['svg', `<svg onload=__h('svg')>`],
  ['svg-slash', `<svg/onload=__h('svg-slash')>`],
  ['svg-script', `<svg><script>__h('svg-script')</script></svg>`],
  ['svg-animate', `<svg><animate onbegin=__h('svg-animate') attributeName=x dur=1s>`],
  ['svg-foreign', `<svg><foreignObject><img src=x onerror=__h('svg-foreign')></foreignObject></svg>`],
  ['iframe-srcdoc', `<iframe srcdoc="<script>parent.__h('iframe-srcdoc')</script>">`],
  ['iframe-js', `<iframe src="${JS}parent.__h('iframe-js')">`],
  ['iframe-onload', `<iframe src=x onload=__h('iframe-onload')>`],
  ['body', `<body onload=__h('body')>`],
  ['details', `<details open ontoggle=__h('details')>`],
  ['autofocus', `<input autofocus onfocus=__h('autofocus')>`],
  ['video', `<video><source onerror=__h('video')></video>`],
  ['audio', `<audio src=x onerror=__h('audio')>`],
  ['object', `<object data="${JS}__h('object')">`],
  ['embed', `<embed src="${JS}__h('embed')">`],
  ['marquee', `<marquee onstart=__h('marquee')>x</marquee>`],
  ['custom-tag', `<x-y onclick=__h('custom-tag')>click</x-y>`],
  ['link', `<link rel=stylesheet href=x onload=__h('link')>`],
  ['meta', `<meta http-equiv=refresh content="0;url=${JS}__h('meta')">`],
  ['base', `<base href="${JS}__h('base')//">`],
  ['form', `<form><button formaction="${JS}__h('form')">x</button></form>`],
  ['anchor', `<a href="${JS}__h('anchor')">click</a>`],
  ['mxss', `<math><mtext><table><mglyph><style><img src=x onerror=__h('mxss')>`],
  ['noscript', `<noscript><p title="</noscript><img src=x onerror=__h('noscript')>">`],
  ['dsd', `<template shadowrootmode=open><img src=x onerror=__h('dsd')></template>`],
  ['comment', `<!--<img src=x onerror=__h('comment')>-->`],
  ['cdata', `<![CDATA[<img src=x onerror=__h('cdata')>]]>`],
  ['bold', '<b>bold</b>'],
  ['lone-lt', '<'],
  ['lone-tag-open', '</'],
];
for (const [id, value] of markup) add('markup', id, value);

add('script-url', 'js-url', `${JS}__h('js-url')`);
add('script-url', 'js-url-case', `${JS.toUpperCase()}__h('js-url-case')`);
add('script-url', 'js-url-null', `java\u0000script:__h('js-url-null')`);
add('script-url', 'js-url-tab', `java\tscript:__h('js-url-tab')`);
add('script-url', 'js-url-entity', `&#106;avascript:__h('js-url-entity')`);
add('script-url', 'data-url', `data:text/html,<script>__h('data-url')</script>`);
add('script-url', 'vbscript', 'vbscript:msgbox(1)');

add('template', 'dollar', "${__h('dollar')}");
add('template', 'backtick', "`${__h('backtick')}`");
add('template', 'mustache', `{{constructor.constructor('__h("mustache")')()}}`);
add('template', 'erb', "<%= __h('erb') %>");
add('template', 'hash', "#{__h('hash')}");
add('template', 'lit-marker', '<?lit$1234$>');
add('template', 'lit-attr-marker', 'lit$1234$');

add('entity', 'entity-script', "&lt;script&gt;__h('entity-script')&lt;/script&gt;");
add('entity', 'entity-numeric', "&#60;img src=x onerror=__h('entity-numeric')&#62;");
add('entity', 'entity-double', '&amp;lt;b&amp;gt;');
add('entity', 'entity-named', '&nbsp;&copy;&#x202E;&hellip;');
add('entity', 'escape-text', "\\u003cimg src=x onerror=__h('escape-text')\\u003e");

add('css', 'style-hide', '<style>*{display:none}</style>');
add('css', 'style-import', "<style>@import 'x';</style>");
add('css', 'css-url', `<div style="background:url(${JS}__h('css-url'))">`);
add('css', 'css-expression-tag', `<div style="width:expression(__h('css-expression-tag'))">`);
add('css', 'css-expression', "expression(__h('css-expression'))");
add('css', 'css-rule', '}</style><style>*{color:red}');

add('breakout', 'attr-double', `" onmouseover="__h('attr-double')`);
add('breakout', 'attr-single', `' autofocus onfocus='__h(1)`);
add('breakout', 'attr-tag', `"><img src=x onerror=__h('attr-tag')>`);
add('breakout', 'attr-svg', `'><svg/onload=__h('attr-svg')>`);
add('breakout', 'dialog-close', `</dialog><img src=x onerror=__h('dialog-close')>`);
add('breakout', 'option-close', `</option><img src=x onerror=__h('option-close')>`);
add('breakout', 'select-close', `</select><img src=x onerror=__h('select-close')>`);
add('breakout', 'textarea-close', `</textarea><img src=x onerror=__h('textarea-close')>`);
add('breakout', 'title-close', `</title><img src=x onerror=__h('title-close')>`);
add('breakout', 'cdata-close', `]]><img src=x onerror=__h('cdata-close')>`);

// --- Text that is not markup but is hostile to layout, reading or storage ------------------------

add('bidi', 'rlo-exe', '\u202Egnp.exe');
add('bidi', 'rlo-middle', 'Mobile\u202E4321');
add('bidi', 'lri', '\u2066Home\u2069');
add('bidi', 'rli', '\u2067Work\u2069');
add('bidi', 'fsi', '\u2068Cabin\u2069');
add('bidi', 'pdi-only', 'x\u2069');
add('bidi', 'lre', '\u202AMobile\u202C');
add('bidi', 'rle', '\u202BMobile\u202C');
add('bidi', 'lro', '\u202DMobile\u202C');
add('bidi', 'rlm', '\u200Fهاتف');
add('bidi', 'lrm-only', '\u200E');
add('bidi', 'alm', 'a\u061Cb');
add('bidi', 'arabic', 'هاتف العمل');
add('bidi', 'hebrew', 'טלפון נייד');
add('bidi', 'mixed-direction', 'Mobile هاتف 0701');

add('zero-width', 'zwsp', '\u200B');
add('zero-width', 'zwnj', '\u200C');
add('zero-width', 'zwj', '\u200D');
add('zero-width', 'bom', '\uFEFF');
add('zero-width', 'all-zero-width', '\u200B\u200C\u200D\uFEFF\u2060');
add('zero-width', 'zw-inside', 'Mo\u200Bbi\u200Dle');
add('zero-width', 'word-joiner', '\u2060');
add('zero-width', 'soft-hyphen', '\u00AD');
add('zero-width', 'tag-chars', '\u{E0041}\u{E0042}\u{E007F}');
add('zero-width', 'zw-around', '\u200B Mobile \u200B');

add('combining', 'acute', 'e\u0301');
add('combining', 'lone-mark', '\u0301');
add('combining', 'zalgo', 'Z\u0334\u0321\u032A\u032B\u0356\u0325\u0314\u033F\u0303\u0308\u030Fa\u0335\u0321l\u0336\u0322g\u0337\u0328o\u0335');
add('combining', 'stack-49', `a${'\u0300'.repeat(49)}`);
add('combining', 'stack-500', `a${'\u0300'.repeat(500)}`);
add('combining', 'hangul-jamo', '\u1100\u1161\u11A8');
add('combining', 'cgj', 'a\u034Fb');

add('emoji', 'phone', '📱');
add('emoji', 'family-zwj', '👨‍👩‍👧‍👦');
add('emoji', 'rainbow-flag', '🏳️‍🌈');
add('emoji', 'flag-se', '🇸🇪');
add('emoji', 'skin-tone', '👍🏽');
add('emoji', 'keycaps', '0️⃣9️⃣8️⃣');
add('emoji', 'heart-fire', '❤️‍🔥');
add('emoji', 'emoji-text', 'Mobile 📱 ☎️');
add('emoji', 'emoji-50', '📱'.repeat(50));
add('emoji', 'emoji-51', '📱'.repeat(51));

add('astral', 'math-fraktur', '𝕸𝖔𝖇𝖎𝖑𝖊');
add('astral', 'cjk-ext-b', '𠜎𠜱𠝹𠱓');
add('astral', 'hieroglyph', '𓀀𓀁');
add('astral', 'max-code-point', '\u{10FFFF}');
add('astral', 'lone-high', 'a\uD800b');
add('astral', 'lone-low', '\uDC00x');
add('astral', 'reversed-pair', '\uDC00\uD800');
add('astral', 'replacement', '\uFFFD');
add('astral', 'noncharacter', '\uFFFE\uFFFF');
add('astral', 'private-use', '\uE000\u{F0000}');
add('astral', 'cjk', '携帯電話');
add('astral', 'thai', 'โทรศัพท์มือถือ');
add('astral', 'devanagari', 'मोबाइल');

add('long', 'ascii-50', 'A'.repeat(50));
add('long', 'ascii-51', 'A'.repeat(51));
add('long', 'ascii-200', 'A'.repeat(200));
add('long', 'ascii-201', 'A'.repeat(201));
add('long', 'ascii-10000', 'A'.repeat(10_000));
add('long', 'payload-10000', `<img src=x onerror=__h('payload-10000')>`.repeat(250).slice(0, 10_000));
add('long', 'astral-100', '𝕸'.repeat(100));
add('long', 'spaces-10000', `${' '.repeat(9_998)}ab`);

add('control', 'null-inside', 'a\u0000b');
add('control', 'null-only', '\u0000');
add('control', 'bell', '\u0007bell');
add('control', 'ansi', '\u001B[31mred\u001B[0m');
add('control', 'del', 'x\u007F');
add('control', 'nel', 'a\u0085b');
add('control', 'csi', 'a\u009Bb');
add('control', 'newline', 'line\nbreak');
add('control', 'carriage-return', 'cr\rlf');
add('control', 'tab', 'tab\there');
add('control', 'vertical-tab', 'a\u000Bb');
add('control', 'form-feed', 'a\u000Cb');
add('control', 'line-separator', 'a\u2028b');
add('control', 'paragraph-separator', 'a\u2029b');
add('control', 'backspaces', 'abc\b\b\bxyz');
add('control', 'c0-all', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join(''));
add('control', 'c1-all', Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join(''));

add('whitespace', 'empty', '');
add('whitespace', 'space', ' ');
add('whitespace', 'spaces-only', '     ');
add('whitespace', 'tab-only', '\t');
add('whitespace', 'nbsp-only', '\u00A0');
add('whitespace', 'ideographic-space', '\u3000');
add('whitespace', 'newline-only', '\n');
add('whitespace', 'padded', '   Mobile   ');
add('whitespace', 'en-spaces', '\u2002\u2003\u2009');

add('script', 'quote-double', '"');
add('script', 'quote-single', "'");
add('script', 'backtick-only', '`');
add('script', 'backslash', '\\');
add('script', 'ampersand', '&');
add('script', 'gt', '>');
add('script', 'ascii-punct', '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
add('script', 'greek-math', 'Ω≈ç√∫˜µ≤≥÷');

add('injection', 'sql', "'; DROP TABLE numbers;--");
add('injection', 'format', '%s%s%n%x');
add('injection', 'placeholder', '{0}{label}');
add('injection', 'path', '../../../etc/passwd');
add('injection', 'null-word', 'null');
add('injection', 'undefined-word', 'undefined');
add('injection', 'proto', '__proto__');
add('injection', 'constructor', 'constructor');
add('injection', 'to-string', 'toString');
add('injection', 'object-object', '[object Object]');
add('injection', 'json', '{"label":"x","__proto__":{"polluted":true}}');
add('injection', 'crlf-header', 'x\r\nSet-Cookie: a=b');
add('injection', 'huge-number', '1e309');
add('injection', 'negative', '-1');

// --- Numbers: digits, formatting and look-alikes (FMT-1, FMT-2) -----------------------------------

const digitNumbers: Array<[string, string, string | null]> = [
  ['plain-10', '0981812345', '0981812345'],
  ['plain-11', '09818123456', '09818123456'],
  ['plain-8', '07654321', '07654321'],
  ['too-long', '098181234567', null],
  ['too-short', '098181', null],
  ['no-code', '9818123456', null],
  ['spaces', '0981 812 345', '0981812345'],
  ['dashes', '0981-812-345', '0981812345'],
  ['dots', '0981.812.345', '0981812345'],
  ['parentheses', '(0981) 812 345', '0981812345'],
  ['mixed-formatting', ' (0981)-812.34 5 ', '0981812345'],
  ['nbsp', '0981\u00A0812\u00A0345', '0981812345'],
  ['en-dash', '0981\u2013812\u2013345', '0981812345'],
  ['non-breaking-hyphen', '0981\u2011812345', '0981812345'],
  ['minus-sign', '0981\u2212812345', null],
  ['slash', '0981/812345', null],
  ['underscore', '0981_812_345', null],
  ['zwsp-inside', '0981\u200B812345', null],
  ['zwj-inside', '0981\u200D812345', null],
  // ECMAScript's \s includes U+FEFF, so the model drops it as a space; noted in the report.
  ['bom-inside', '0981\uFEFF812345', '0981812345'],
  ['tab-inside', '0981\t812345', '0981812345'],
  ['rlo-digits', '\u202E0981812345', null],
  ['lri-digits', '\u20660981812345\u2069', null],
  ['combining-digit', '0\u0301981812345', null],
  ['keycap-digits', '0️⃣981812345', null],
  ['full-width', '０９８１８１２３４５', null],
  ['full-width-mixed', '0981８12345', null],
  ['arabic-indic', '٠٩٨١٨١٢٣٤٥', null],
  ['extended-arabic-indic', '۰۹۸۱۸۱۲۳۴۵', null],
  ['devanagari-digits', '०९८१८१२३४५', null],
  ['thai-digits', '๐๙๘๑๘๑๒๓๔๕', null],
  ['math-bold-digits', '𝟎𝟗𝟖𝟏𝟖𝟏𝟐𝟑𝟒𝟓', null],
  ['superscript', '⁰⁹⁸¹⁸¹²³⁴⁵', null],
  ['plus-46', '+46701234567', null],
  ['plus-46-spaced', '+46 70 123 45 67', null],
  ['plus-46-trunk', '+46 (0)70-123 45 67', null],
  ['double-zero-46', '0046701234567', null],
  ['letter-o', '0981O12345', null],
  ['letter-l', '098l812345', null],
  ['vanity', '0800-FLOWERS', null],
  ['star-hash', '*21#0981812345', null],
  ['extension', '0981812345 ext 12', null],
  ['pauses', '0981812345,,12', null],
  ['tel-uri', 'tel:0981812345', null],
  ['semicolon', '0981812345;', null],
  ['null-digits', '0981\u0000812345', null],
  ['newline-digits', '0981\n812345', '0981812345'],
  ['code-plus-6', '0123456', null],
  ['code-plus-7', '01234567', '01234567'],
  ['code-plus-32', `0${'1'.repeat(32)}`, null],
  ['run-1000', '0'.repeat(1_000), null],
  ['run-10000', `0${'9'.repeat(9_999)}`, null],
  ['digits-10000', '1'.repeat(10_000), null],
  ['zero-only', '0', null],
  ['negative-number', '-0981812345', '0981812345'],
  ['exponent', '0981e12345', null],
  ['hex', '0x0981812345', null],
];
for (const [id, value, dial] of digitNumbers) add('digits', id, value, dial);

// --- Generated combinations -------------------------------------------------------------------------

/** Short payloads, each short enough (≤ 50 code points) to pass as a label once wrapped. */
const short: Array<[string, (id: string) => string]> = [
  ['g-img', (id) => `<img src=x onerror=__h('${id}')>`],
  ['g-svg', (id) => `<svg onload=__h('${id}')>`],
  ['g-script', (id) => `<script>__h('${id}')</script>`],
  ['g-iframe', (id) => `<iframe onload=__h('${id}')>`],
  ['g-url', (id) => `${JS}__h('${id}')`],
  ['g-tpl', (id) => `\${__h('${id}')}`],
  ['g-style', () => '<style>*{color:red}</style>'],
  ['g-break', (id) => `"><svg onload=__h('${id}')>`],
];

/** How a label may be wrapped: as a person's prefix, isolated, cut up with zero-width characters… */
const wrappers: Array<[string, (s: string) => string]> = [
  ['plain', (s) => s],
  ['prefixed', (s) => `Mobile ${s}`],
  ['isolated', (s) => `\u2067${s}\u2069`],
  ['zero-width', (s) => [...s].join('\u200B')],
  ['padded', (s) => `\u00A0 ${s} \t`],
  ['emoji', (s) => `📱${s}👨‍👩‍👧`],
  ['full-width-brackets', (s) => s.replace(/</gu, '＜').replace(/>/gu, '＞')],
];

for (const [name, payload] of short) {
  for (const [wrap, wrapper] of wrappers) {
    const id = `${name}-${wrap}`;
    add('generated', id, wrapper(payload(id)));
  }
}

/** Each formatting character between groups of a valid number: kept (FMT-2) or refused. */
const separators: Array<[string, string, boolean]> = [
  ['space', ' ', true],
  ['dash', '-', true],
  ['dot', '.', true],
  ['nbsp', '\u00A0', true],
  ['thin-space', '\u2009', true],
  ['ideographic-space', '\u3000', true],
  ['en-dash', '\u2013', true],
  ['em-dash', '\u2014', true],
  ['figure-dash', '\u2012', true],
  ['hyphen', '\u2010', true],
  ['minus', '\u2212', false],
  ['slash', '/', false],
  ['comma', ',', false],
  ['zwsp', '\u200B', false],
  ['soft-hyphen', '\u00AD', false],
  ['middle-dot', '\u00B7', false],
];

separators.forEach(([name, separator, kept], i) => {
  const digits = `05${String(1_000_000 + i * 4_321).padStart(8, '0')}`;
  const grouped = `${digits.slice(0, 3)}${separator}${digits.slice(3, 6)}${separator}${digits.slice(6)}`;
  add('generated', `sep-${name}`, grouped, kept ? digits : null);
  add('generated', `sep-${name}-parens`, `(${digits.slice(0, 3)})${separator}${digits.slice(3)}`, kept ? digits : null);
});

/** The same valid number in other scripts' digits: none of them is a dial string. */
const digitScripts: Array<[string, number]> = [
  ['full-width', 0xff10],
  ['arabic-indic', 0x0660],
  ['bengali', 0x09e6],
  ['tamil', 0x0be6],
  ['myanmar', 0x1040],
  ['math-monospace', 0x1d7f6],
];
for (const [name, zero] of digitScripts) {
  const digits = '0701112233';
  add('generated', `script-${name}`, [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join(''));
  // One foreign digit among ASCII ones.
  add('generated', `script-${name}-one`, `070111223${String.fromCodePoint(zero + 3)}`);
}

/** Destination code 0 and every length from 0 to 12 after it: 7–10 pass (FMT-1). */
for (let length = 0; length <= 12; length++) {
  const digits = `0${'4'.repeat(length)}`;
  add('generated', `length-${length}`, digits, length >= 7 && length <= 10 ? digits : null);
}

export const corpus: readonly HostileEntry[] = entries;

/** The entries a platform may send as a label: the schema caps labels at 200 UTF-16 units. */
export const platformLabels = (): readonly HostileEntry[] => corpus.filter((e) => e.value.length <= 200);

/** Sizes by category, for the report. */
export function countsByCategory(list: readonly HostileEntry[] = corpus): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of list) counts[e.category] = (counts[e.category] ?? 0) + 1;
  return counts;
}

// --- The trap -----------------------------------------------------------------------------------

/** Empties the record of payloads that ran, and gives payloads their `__h` to call. */
export function armTrap(): void {
  window.__hostile = [];
  window.__h = (id: string) => void window.__hostile?.push(id);
  delete window.__pwned;
}

/** The payloads that ran since `armTrap()`; empty when nothing did. */
export function sprung(): string[] {
  return [...(window.__hostile ?? []), ...(window.__pwned === undefined ? [] : ['__pwned'])];
}

// --- Oracles ------------------------------------------------------------------------------------

/**
 * What a label should become, written from the rule, not from the model's code: surrounding
 * spaces dropped; refused (null) when nothing printable is left, when it is longer than 50
 * characters (code points), or when it holds a control character, a bidi override / isolate or
 * a lone surrogate (half an emoji: not well-formed Unicode).
 */
export function expectedLabel(typed: string): string | null {
  const label = typed.trim();
  const chars = [...label];
  if (chars.every((c) => /\p{Cf}/u.test(c))) return null;
  if (chars.length > 50) return null;
  for (const c of chars) {
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return null;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return null;
    if (code >= 0xd800 && code <= 0xdfff) return null;
  }
  return label;
}

