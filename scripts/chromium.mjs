// Where Chromium is and how to start it here, for web-test-runner and puppeteer alike.

/** `CHROME_PATH`, else Debian's package. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  // Needed when running as root (CI and this machine run as root).
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Without these Chromium keeps trying to reach hosts that this network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];
