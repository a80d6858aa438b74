// Finds a Chromium for the browser tests, or installs Debian's when it can; never skips silently.
import fs from 'fs';
import { execSync } from 'child_process';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const HOW = 'Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chrome or Chromium binary.';

export function findChromium() {
  return CANDIDATES.find((p) => p && fs.existsSync(p)) ?? null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(`No Chromium found for the browser tests. ${HOW}`);
    process.exit(1);
  }
  console.log('› No Chromium found: installing Debian’s chromium with apt-get…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  } catch {
    console.error(`Installing chromium failed. ${HOW}`);
    process.exit(1);
  }
  const installed = findChromium();
  if (!installed) {
    console.error(`chromium was installed but no binary was found. ${HOW}`);
    process.exit(1);
  }
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
