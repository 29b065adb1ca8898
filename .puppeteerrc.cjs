// Puppeteer only drives the browsers that the system provides (Debian's chromium and
// firefox-esr, or CHROME_PATH / FIREFOX_PATH); its postinstall must never download one.
// Same effect as PUPPETEER_SKIP_DOWNLOAD=1, for an `npm ci` run without that variable.
/** @type {import('puppeteer').Configuration} */
module.exports = { skipDownload: true };
