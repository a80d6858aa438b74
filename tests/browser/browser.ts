/** A real Chromium (Debian's, via playwright-core) against the production H5 build served by the real local server. */
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../support/harness';

export const H5_DIR = path.resolve(__dirname, '../../dist/h5');
/** A mid-size phone. */
export const PHONE = { width: 390, height: 844 };
/** The main package's pages, from src/app.config.ts: a page added later is visited by the tests that walk them all. */
export const MAIN_PAGES = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../src/app.config.ts'), 'utf8').match(/pages:\s*(\[[^\]]*\])/)![1].replace(/'/g, '"')) as string[];

export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('No Chromium found. Install one (Debian: apt-get install -y chromium) or set CHROME_PATH. `npm test` installs it when it can.');
  return found;
}

export interface BrowserRig {
  h: Harness;
  browser: Browser;
  newPhonePage(): Promise<Page>;
  close(): Promise<void>;
}

/** `demoYear`: the server starts on `npm start`'s demo year (server/demo) instead of the catalogue alone. */
export async function startBrowserRig(options: { demoYear?: boolean } = {}): Promise<BrowserRig> {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` (npm test does it first)');
  const h = await startHarness(options.demoYear ? { demoYear: true, allowTestClock: false, h5Dir: H5_DIR } : { seed: true, h5Dir: H5_DIR });
  let browser: Browser;
  try {
    // playwright gives every launch a fresh, empty profile of its own.
    browser = await chromium.launch({
      executablePath: chromePath(),
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    await h.close();
    throw e;
  }
  return {
    h,
    browser,
    newPhonePage: async () => {
      // Reduced motion, as a person may ask of their phone: the pages jump instead of gliding (utils/scrollTo.h5.ts), so
      // no tap lands on a page still moving. One device pixel per CSS pixel: every measure here is in CSS pixels, and a
      // 2× screen made Chromium paint four times the pixels on the CI machine's two shared cores.
      const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN', reducedMotion: 'reduce' });
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      return page;
    },
    close: async () => {
      await browser.close();
      await h.close();
    },
  };
}

/** The rig a test file shares, and the phone page of the test running now. */
export interface PhoneRig extends Omit<BrowserRig, 'close'> {
  /** This test's phone page (390×844), opened before it and closed after it. */
  readonly page: Page;
}

export interface PhoneRigOptions {
  /** Open a phone page before each test and close its context after it (default true). Off: the tests open their own. */
  page?: boolean;
  /** The token the page signs in with before each test (read then, so it may be set in a later beforeAll). */
  signIn?: () => string;
  /** Work after each test, before the invariants are checked (e.g. closing a page the test opened itself). */
  cleanup?: () => Promise<void>;
  /** Check the stored records' invariants after each test (default true). */
  invariants?: boolean;
  /** Work after all the tests, while the rig still runs (e.g. resetting the test clock). */
  beforeClose?: () => Promise<void>;
  /** Start on the demo year `npm start` seeds (server/demo) rather than the catalogue alone. */
  demoYear?: boolean;
}

/**
 * A test file's browser lifecycle: starts the rig before all its tests and closes it after them; before each test opens
 * a phone page (signed in if asked); after each closes that page's context, then expects `h.invariants()` to be empty.
 * Call it at the top of the file, before the file's own hooks (its beforeAll set-up and beforeEach then run after these).
 */
export function usePhoneRig(options: PhoneRigOptions = {}): PhoneRig {
  const { page: perTest = true, signIn: token, cleanup, invariants = true, beforeClose, demoYear = false } = options;
  let rig: BrowserRig | undefined;
  let page: Page | undefined;
  const started = (): BrowserRig => {
    if (!rig) throw new Error('the browser rig has not started (usePhoneRig starts it in beforeAll)');
    return rig;
  };
  beforeAll(async () => {
    rig = await startBrowserRig({ demoYear });
  }, demoYear ? 240_000 : undefined);
  afterAll(async () => {
    if (beforeClose) await beforeClose();
    await rig?.close();
  });
  if (perTest) {
    beforeEach(async () => {
      page = await started().newPhonePage();
      if (token) await signIn(page, token());
    });
  }
  if (perTest || cleanup || invariants) {
    afterEach(async () => {
      if (perTest) await page!.context().close();
      page = undefined;
      if (cleanup) await cleanup();
      if (invariants) expect(await started().h.invariants()).toEqual([]);
    });
  }
  return {
    get h() {
      return started().h;
    },
    get browser() {
      return started().browser;
    },
    newPhonePage: () => started().newPhonePage(),
    get page() {
      if (!page) throw new Error(perTest ? 'no page outside a test' : 'usePhoneRig({ page: false }) opens no page: open one with newPhonePage()');
      return page;
    },
  };
}

/** A taro-ui button by its exact text. Click the button itself, as a finger would (its text sits under an overlay). */
export function atButton(page: Page, text: string) {
  return page.locator('.at-button', { hasText: new RegExp(`^\\s*${text}\\s*$`) });
}

/**
 * The page's confirmation (components/Dialog.tsx: askConfirm draws it in the page, so 长辈模式 applies), and one of
 * its buttons by its exact text.
 */
export function confirmation(page: Page) {
  return page.locator('#dialog-host:visible');
}
export function dialogButton(page: Page, text: string) {
  return confirmation(page).locator('.at-button', { hasText: new RegExp(`^\\s*${text}\\s*$`) });
}

/** Signs the page in with a bearer token before its scripts run (Taro's H5 storage keeps `{ data }` under the key). */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.addInitScript((t) => localStorage.setItem('hzlp.token', JSON.stringify({ data: t })), token);
}

/** True when the page scrolls sideways (something is wider than the phone). */
export async function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth > el.clientWidth + 1;
  });
}
