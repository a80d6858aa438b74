/**
 * Issue 10: the production H5 build works under its Content-Security-Policy. Chromium loads the pages a citizen, an
 * applicant and the bureau use (subpackages included, a poster made, large-font mode toggled) and reports no
 * CSP violation, neither as a console error nor as a `securitypolicyviolation` event; the app cannot be framed.
 */
import { ADMIN_TOKEN } from '../support/harness';
import { signIn, usePhoneRig } from './browser';

// Each test opens and closes the pages it needs; as before, no h.invariants() check after each test.
const rig = usePhoneRig({ page: false, invariants: false });

test('every page loads and works with no CSP violation', async () => {
  const page = await rig.newPhonePage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(rig.h.url + '/');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain("'unsafe-eval'");
  await page.locator('.list .card').first().waitFor();
  await page.locator('.list .card').first().click();
  await page.waitForURL(/product/);
  await page.waitForTimeout(500);

  const { token } = await rig.h.applicant('安全头测试律师事务所');
  for (const [who, url] of [
    [null, '/#/pages/publicity/index'],
    [null, '/#/pages/product/index?id=p0001demo'],
    [null, '/#/packages/account/pages/me/index'],
    [token, '/#/packages/applicant/pages/declarations/index'],
    [ADMIN_TOKEN, '/#/packages/admin/pages/declarations/index'],
    [ADMIN_TOKEN, '/#/packages/promotion/pages/poster/index?id=p0001demo'],
    [ADMIN_TOKEN, '/#/packages/admin/pages/experts/index'],
    [ADMIN_TOKEN, '/#/packages/admin/pages/calendar/index'],
    [ADMIN_TOKEN, '/#/packages/admin/pages/assessment/index'],
    [token, '/#/packages/applicant/pages/ratings/index'],
    [null, '/#/packages/assessment/pages/results/index'],
  ] as const) {
    const p = who ? await rig.newPhonePage() : page;
    if (who) {
      p.on('console', (m) => {
        if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
      });
      await p.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`)));
      await signIn(p, who);
    }
    await p.goto(rig.h.url + url);
    await p.waitForLoadState('networkidle');
    await p.waitForTimeout(700);
    expect([url, await p.locator('#app').innerText().then((t) => t.trim().length > 0)]).toEqual([url, true]);
    if (who) await p.context().close();
  }
  expect(violations).toEqual([]);
  await page.context().close();
});

test('the app refuses to be framed', async () => {
  const page = await rig.newPhonePage();
  // Even the app's own origin may not frame it (frame-ancestors 'none' and X-Frame-Options: DENY).
  await page.goto(rig.h.url + '/');
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.appendChild(f);
  }, rig.h.url + '/#/pages/publicity/index');
  await page.waitForTimeout(1500);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  // Refused: the frame shows the browser's error page, never the app's document.
  expect(framed).toBeDefined();
  const app = await framed!.$('#app').catch(() => null);
  expect(app).toBeNull();
  expect(page.frames().length).toBe(2);
  await page.context().close();
});
