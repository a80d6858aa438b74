// Finds a Chromium for the browser tests, or installs Debian's when it can; never skips silently. The browser tests
// measure Chinese text and draw emoji faces, so the machine also needs the fonts a phone has: Debian's Noto CJK and
// Noto Color Emoji are installed the same way when missing (without them Chinese falls back to whatever is there,
// and targets measured around its glyphs come out narrower than on any phone).
import fs from 'fs';
import { execSync } from 'child_process';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const HOW = 'Install one with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chrome or Chromium binary.';
const FONT_PACKAGES = ['fonts-noto-cjk', 'fonts-noto-color-emoji'];
const FONTS_HOW = `Install them with \`sudo apt-get install -y ${FONT_PACKAGES.join(' ')}\` (Debian/Ubuntu).`;

export function findChromium() {
  return CANDIDATES.find((p) => p && fs.existsSync(p)) ?? null;
}

const canApt = () => process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
let aptUpdated = false;
function aptInstall(packages) {
  const update = aptUpdated ? '' : 'apt-get update -qq && ';
  execSync(`${update}DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, { stdio: 'inherit' });
  aptUpdated = true;
}

/** Which of the phone fonts are missing: a font that covers Chinese, and a colour emoji font. */
export function missingFonts() {
  let list = '';
  try {
    // `fc-list : family`: a bare `fc-list family` reads "family" as a font pattern and lists nothing.
    list = execSync('fc-list :lang=zh family; echo ---; fc-list : family', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [...FONT_PACKAGES];
  }
  const [zh, all] = list.split('---');
  const missing = [];
  if (!zh.trim()) missing.push('fonts-noto-cjk');
  if (!/emoji/i.test(all)) missing.push('fonts-noto-color-emoji');
  return missing;
}

export function ensureFonts() {
  const missing = missingFonts();
  if (!missing.length) return;
  if (!canApt()) {
    console.error(`The browser tests measure Chinese text, and this machine lacks ${missing.join(' and ')}. ${FONTS_HOW}`);
    process.exit(1);
  }
  console.log(`› Installing the fonts the browser tests measure with (Debian’s ${missing.join(', ')})…`);
  try {
    aptInstall(missing);
  } catch {
    console.error(`Installing the fonts failed. ${FONTS_HOW}`);
    process.exit(1);
  }
}

export function ensureChromium() {
  const found = findChromium();
  if (found) {
    ensureFonts();
    return found;
  }
  if (!canApt()) {
    console.error(`No Chromium found for the browser tests. ${HOW}`);
    process.exit(1);
  }
  console.log('› No Chromium found: installing Debian’s chromium with apt-get…');
  try {
    aptInstall(['chromium']);
  } catch {
    console.error(`Installing chromium failed. ${HOW}`);
    process.exit(1);
  }
  const installed = findChromium();
  if (!installed) {
    console.error(`chromium was installed but no binary was found. ${HOW}`);
    process.exit(1);
  }
  ensureFonts();
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
