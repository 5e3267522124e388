// The browser the tests, the consumer checks and the bench drive: Debian's Chromium (CHROME_PATH
// names another), with the flags that keep a headless run quiet and free of background traffic.
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
