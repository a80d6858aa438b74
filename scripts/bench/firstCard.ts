/**
 * First card on a phone network: the production H5 build served by the real local server over the demo catalogue,
 * opened in Chromium with a simulated 4G link (150 ms latency, 1.6 Mbps down, 750 kbps up) and the CPU slowed 4×
 * through the DevTools protocol. Cold = a fresh browser context (empty HTTP cache and storage); repeat = a second
 * tab in the same context (what a returning visitor has). Prints one JSON line; asserts nothing.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type BrowserContext } from 'playwright-core';
import { createLocalApp } from '../../server/app';
import { seedDemo } from '../../server/seedDemo';
import { precompressStatic } from '../../server/static';

const ROUNDS = Number(process.env.BENCH_FIRST_CARD_ROUNDS ?? 3);
const H5_DIR = path.resolve(process.env.H5_DIR ?? 'dist/h5');
/** The link and CPU of the new-user walk (issue 14): bytes per second for the DevTools protocol. */
export const LINK = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;

interface Load {
  /** ms from navigation start to the first paint (the skeleton when there is one). */
  firstPaint: number | null;
  /**
   * ms from navigation start to the first real product card on screen: the server-rendered one in the shell
   * (server/prerender.ts, a link showing a product's name) or the app's own, whichever comes first.
   */
  firstCard: number;
  /** Whether that first card was the server-rendered one. */
  serverRendered: boolean;
  /** ms to the app's own first card (the framework booted, the page interactive). */
  appCard: number;
  /** ms without any card on screen between the server-rendered cards' going (the app mounted) and the app's cards. */
  gap: number;
  /** Bytes over the wire (headers excluded) and requests, for the whole load up to the first card. */
  bytes: number;
  requests: number;
  /** Requests answered from the HTTP cache. */
  fromCache: number;
}

function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('No Chromium found (apt-get install -y chromium, or set CHROME_PATH)');
  return found;
}

/** Opens `url` in a new tab of `context` on the slow link and waits for the first `.card`. */
async function load(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  let fromCache = 0;
  cdp.on('Network.requestWillBeSent', () => void requests++);
  cdp.on('Network.requestServedFromCache', () => void fromCache++);
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => void (bytes += e.encodedDataLength));
  cdp.on('Network.responseReceived', (e: { response: { fromDiskCache?: boolean; fromPrefetchCache?: boolean } }) => {
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) fromCache++;
  });
  // Records the frame in which a card is on screen, on the page's own clock (0 = navigation start): the shell's
  // server-rendered card (shown, with a product's name) and the app's own. One check per frame: a MutationObserver
  // would itself cost the slowed CPU ~80 ms over a cold load.
  await page.addInitScript(() => {
    const w = window as unknown as { __serverCard?: number; __appCard?: number; __shellGone?: number };
    const check = (now: number) => {
      if (w.__serverCard === undefined) {
        const name = document.querySelector('#sk .pr-card .pr-name');
        if (name && name.getClientRects().length > 0 && (name.textContent ?? '').trim()) w.__serverCard = now;
      }
      const sk = document.getElementById('sk');
      if (w.__shellGone === undefined && sk && sk.getClientRects().length === 0) w.__shellGone = now;
      if (document.querySelector('#app .card')) w.__appCard = now;
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __appCard?: number }).__appCard !== undefined, undefined, { timeout: 60_000, polling: 100 });
  const timing = await page.evaluate(() => ({
    serverCard: (window as unknown as { __serverCard?: number }).__serverCard ?? null,
    appCard: (window as unknown as { __appCard: number }).__appCard,
    shellGone: (window as unknown as { __shellGone?: number }).__shellGone ?? null,
    firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
  // Let the refresh behind a cached first page finish before the tab closes (it would write the cache again).
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.close();
  const serverRendered = timing.serverCard !== null && timing.serverCard <= timing.appCard;
  // Frames between the shell's cards going (the app mounted) and the app's own cards coming: no card on screen.
  const gap = serverRendered && timing.shellGone !== null ? Math.max(0, Math.round(timing.appCard - timing.shellGone)) : 0;
  return { firstCard: Math.round(serverRendered ? timing.serverCard! : timing.appCard), serverRendered, appCard: Math.round(timing.appCard), gap, firstPaint: timing.firstPaint === null ? null : Math.round(timing.firstPaint), bytes, requests, fromCache };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

async function main() {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: build the H5 first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-first-card-'));
  const app = createLocalApp({ dataDir, adminToken: 'bench-admin-token', allowTestClock: false, h5Dir: H5_DIR, rateLimits: 'relaxed', log: () => undefined });
  await seedDemo(app.store);
  // As `npm start` does at start-up: the build compressed before the first visitor.
  await precompressStatic(H5_DIR);
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: chromePath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const cold: Load[] = [];
  const repeat: Load[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      cold.push(await load(context, url));
      repeat.push(await load(context, url));
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const summary = (xs: Load[]) => ({
    firstCard: median(xs.map((x) => x.firstCard)),
    firstCardRange: [Math.min(...xs.map((x) => x.firstCard)), Math.max(...xs.map((x) => x.firstCard))],
    serverRendered: xs.filter((x) => x.serverRendered).length,
    appCard: median(xs.map((x) => x.appCard)),
    gap: median(xs.map((x) => x.gap)),
    appCardRange: [Math.min(...xs.map((x) => x.appCard)), Math.max(...xs.map((x) => x.appCard))],
    firstPaint: xs.every((x) => x.firstPaint !== null) ? median(xs.map((x) => x.firstPaint as number)) : null,
    bytes: median(xs.map((x) => x.bytes)),
    requests: median(xs.map((x) => x.requests)),
    fromCache: median(xs.map((x) => x.fromCache)),
  });
  console.log(JSON.stringify({ rounds: ROUNDS, link: LINK, cpu: CPU_SLOWDOWN, cold: summary(cold), repeat: summary(repeat) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
