import { chromium, type Page } from 'playwright-core';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { ADMIN_TOKEN } from '../support/harness';
import { startPipeline } from '../support/pipeline';
import { chromePath, signIn, usePhoneRig } from './browser';

const rig = usePhoneRig({ page: false, invariants: false });
jest.setTimeout(300000);
test('shots', async () => {
  const h = rig.h;
  await h.ok('admin', 'setClock', { now: '2026-09-25T09:00:00+08:00' }, ADMIN_TOKEN);
  const pipe = await startPipeline(h);
  const p1 = await pipe.proposed(1);
  for (let i = 0; i < 12; i++) {
    const a = i % 3 === 0 ? pipe.applicant : await h.applicant(`杭州测试律师事务所${i}`);
    const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: { ...demoSpec(DEMO_PRODUCTS[i % DEMO_PRODUCTS.length], i), name: `测试产品${i}号：${DEMO_PRODUCTS[i % DEMO_PRODUCTS.length].name}`.slice(0, 40) } }, a.token);
    await h.ok('declarations', 'submit', { declarationId }, a.token);
  }
  const b = await chromium.launch({ executablePath: chromePath(), env: { ...process.env, FONTCONFIG_FILE: '/tmp/cjkfont/fonts.conf' }, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  for (const [tag, viewport] of [['desk', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    const ctx = await b.newContext({ viewport, locale: 'zh-CN' });
    const page: Page = await ctx.newPage();
    page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    await signIn(page, ADMIN_TOKEN);
    for (const [name, url] of [['todo', '/#/packages/admin/pages/todo/index'], ['decl', '/#/packages/admin/pages/declarations/index'], ['detail', `/#/packages/admin/pages/declaration/index?id=${p1}`], ['split', `/#/packages/admin/pages/declarations/index?open=${p1}`], ['exit', '/#/packages/supervision/pages/exit/index'], ['me', '/#/pages/me/index']] as const) {
      await page.goto(h.url + url);
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `/tmp/shots/${tag}-${name}.png` });
    }
    await ctx.close();
  }
  await b.close();
});
