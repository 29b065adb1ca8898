/**
 * A web-test-runner command, `forced-colors`, that turns the browser's forced colours mode (as
 * Windows High Contrast does) on or off for the test's page: `executeServerCommand('forced-colors',
 * { active: true })`. Answers whether it could.
 *
 * - Chromium (CDP): puppeteer's `page.emulateMediaFeatures`, which Chromium applies for real
 *   (system colours forced on the page, not only the media query).
 * - Firefox (WebDriver BiDi): puppeteer's `emulateMediaFeatures` needs CDP, which Firefox does not
 *   have, so the BiDi command `emulation.setForcedColorsModeThemeOverride` is sent on puppeteer's
 *   BiDi connection for the page's browsing context. Firefox applies it as its own High Contrast
 *   Mode does.
 */
const cdpSessions = new WeakMap();

export function forcedColorsPlugin() {
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      if (session.browser.type !== 'puppeteer') return false;
      const page = session.browser.getPage(session.id);
      const active = Boolean(payload?.active);
      const browser = page.browser();
      if (browser.protocol === 'webDriverBiDi') {
        try {
          await browser.connection.send('emulation.setForcedColorsModeThemeOverride', {
            // Dark, as this suite runs Firefox (Chromium's emulation is light): both themes are seen.
            theme: active ? 'dark' : null,
            contexts: [page.mainFrame()._id],
          });
          return true;
        } catch {
          // Firefox 153 ESR: "unknown command". web-test-runner.config.mjs starts a Firefox in
          // High Contrast Mode for the forced-colours test instead.
          return false;
        }
      }
      // puppeteer's emulateMediaFeatures does not know `forced-colors`; CDP does. The session is
      // kept for the page's life: a detached session drops its emulation.
      let cdp = cdpSessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        cdpSessions.set(page, cdp);
      }
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }] });
      return true;
    },
  };
}
