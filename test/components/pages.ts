/**
 * The demo's pages as the layout tests see them (viewport.test.ts, axe-widths.test.ts): copies of
 * demo/index.html, demo/intranet.html and manifest/popup.html with every element showing, and
 * their stylesheets, added to the test page and taken away again.
 */
import { setViewport } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';

/** The widths every layout check runs at: a phone, a laptop, a desktop. */
export const WIDTHS = [320, 1280, 1920] as const;
export const HEIGHT = 800;

/** The demo's main page (demo/index.html): top bar with Availability, every view, the footer at the bottom. */
export function demoPage(lang = 'en'): TemplateResult {
  return html`
    <div class="client" lang=${lang}>
      <header class="top-bar">
        <span class="brand">MiCollab</span>
        <span class="who">Alex Lindqvist · ext. 4711</span>
        <availability-menu></availability-menu>
      </header>
      <nav class="side" aria-label="MiCollab Client"><ul><li><a href="#contacts">Contacts</a></li></ul></nav>
      <main class="content">
        <section class="view" aria-labelledby="contacts-heading">
          <h1 id="contacts-heading">Contacts</h1>
          <ul class="contacts">
            <li>
              <span class="name">Reception</span> <span class="dial" dir="ltr">087001000</span>
              <button type="button" aria-label="Call Reception">Call</button>
            </li>
          </ul>
          <form class="dial-pad" aria-label="Dial pad">
            <h2>Dial pad</h2>
            <label for="dial">Number to call</label>
            <input id="dial" name="dial" type="tel" />
            <button type="submit">Call</button>
          </form>
        </section>
        <section class="view" aria-label="Settings, General"><my-numbers></my-numbers></section>
        <section class="view" aria-label="Settings"><status-remote-picker></status-remote-picker></section>
      </main>
      <aside class="demo-controls" aria-label="Demo controls"><p>These act as the platform's administrator would.</p></aside>
      <footer class="bottom-bar"><call-using-footer></call-using-footer></footer>
    </div>
  `;
}

/** The intranet page (demo/intranet.html): the footer and Availability side by side at the top. */
export const intranetPage = html`
  <div>
    <header class="masthead">
      <a class="logo" href="#top">Nordvik Intranet</a>
      <nav aria-label="Intranet"><a href="#news">News</a> <a href="#links">Links</a> <a href="#people">People</a></nav>
      <div class="phone">
        <call-using-footer></call-using-footer>
        <availability-menu></availability-menu>
      </div>
    </header>
    <div class="layout">
      <main><h1>News</h1><p>The desk phones on floors 3 and 4 are being replaced this week.</p></main>
      <aside class="sidebar" aria-label="Sidebar"><section class="card phone-card"><my-numbers></my-numbers></section></aside>
    </div>
  </div>
`;

/** The extension popup (manifest/popup.html). */
export function popupPage(lang: string): TemplateResult {
  return html`
    <main id="app" aria-labelledby="popup-heading" lang=${lang}>
      <h1 id="popup-heading">Status</h1>
      <quick-status></quick-status>
    </main>
  `;
}

let sheet: HTMLLinkElement | null = null;

/** Adds the page's stylesheet to the test page; resolves once it applies. */
export async function pageStyles(href: string): Promise<void> {
  sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = href;
  const loaded = new Promise((resolve, reject) => {
    sheet!.onload = resolve;
    sheet!.onerror = reject;
  });
  document.head.append(sheet);
  await loaded;
}

/** Takes the last page's stylesheet away again and gives the test page its default size back. */
export async function restorePage(): Promise<void> {
  sheet?.remove();
  sheet = null;
  await setViewport({ width: 800, height: 600 });
}
