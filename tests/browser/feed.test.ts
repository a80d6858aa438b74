/**
 * Issue 23: the announcements feed is Atom an official website's CMS can take, and every entry leads to a page that
 * shows what it announces. The feed is parsed by the browser's own XML parser (a parse error is a failure), checked
 * against RFC 4287's required elements, and each entry's link is opened in the app at a phone's width.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { ADMIN_TOKEN } from '../support/harness';
import { startPipeline } from '../support/pipeline';
import { usePhoneRig } from './browser';

const rig = usePhoneRig();
const at = (now: string) => rig.h.ok('admin', 'setClock', { now }, ADMIN_TOKEN);

beforeAll(async () => {
  const { h } = rig;
  await at('2026-09-25T09:00:00+08:00');
  const pipe = await startPipeline(h);
  const declarationId = await pipe.proposed(1);
  const inPublicity = await pipe.proposed(0);
  await h.ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-10-20T10:00:00+08:00');
  await h.ok('publicity', 'close', { declarationId, outcome: 'recognised' }, ADMIN_TOKEN);
  await h.ok('catalogue', 'publish', { declarationIds: [declarationId], documentNumber: '杭司〔2026〕88号', publishedOn: '2026-10-21' }, ADMIN_TOKEN);
  await h.ok('publicity', 'start', { declarationIds: [inPublicity], startsOn: '2026-10-22', workingDays: 7 }, ADMIN_TOKEN);
  await at('2026-11-02T09:30:00+08:00');
  await h.ok('supervision', 'suspend', { productId: 'p0003demo', reason: '服务电话长期无人接听，核查期间暂停' }, ADMIN_TOKEN);
  await h.ok('supervision', 'exit', { productIds: ['p0004demo'], documentNumber: '杭司〔2026〕99号', on: '2026-11-02', reason: '提供主体注销' }, ADMIN_TOKEN);
});

test('the feed parses as Atom, each entry complete, and each link opens a page that shows what it announces', async () => {
  const { page, h } = rig;
  await page.goto(`${h.url}/`);
  const feed = await page.evaluate(async () => {
    const text = await (await fetch('/feed.atom')).text();
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
    const ns = doc.documentElement.namespaceURI;
    const one = (el: Element, name: string) => el.getElementsByTagNameNS('http://www.w3.org/2005/Atom', name)[0] ?? null;
    const entries = [...doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')].map((e) => ({
      id: one(e, 'id')?.textContent ?? null,
      title: one(e, 'title')?.textContent ?? null,
      updated: one(e, 'updated')?.textContent ?? null,
      summary: one(e, 'summary')?.textContent ?? null,
      kind: one(e, 'category')?.getAttribute('term') ?? null,
      link: one(e, 'link')?.getAttribute('href') ?? null,
    }));
    return { error, ns, root: doc.documentElement.localName, id: one(doc.documentElement, 'id')?.textContent, author: one(doc.documentElement, 'author')?.textContent?.trim(), entries };
  });
  expect(feed).toMatchObject({ error: null, ns: 'http://www.w3.org/2005/Atom', root: 'feed', author: '杭州市司法局' });
  expect(feed.id).toMatch(/^urn:uuid:/);
  expect(new Set(feed.entries.map((e) => e.kind))).toEqual(new Set(['call', 'publicity', 'publicity-result', 'publication', 'suspension', 'exit', 'catalogue-version']));
  for (const e of feed.entries) {
    expect(e.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(e.title && e.summary && e.link).toBeTruthy();
    expect(e.link!.startsWith(`${h.url}/#/`)).toBe(true);
  }
  expect(new Set(feed.entries.map((e) => e.id)).size).toBe(feed.entries.length);

  // What each kind's page must show: the product, the notice, the call.
  // The newest product in the catalogue: the one published on 2026-10-21, first on the catalogue's first page.
  const newest = DEMO_PRODUCTS[1].name;
  const expectOn: Record<string, (title: string, summary: string) => string | RegExp> = {
    call: () => /年度申报公告/,
    publicity: (t) => t.replace(/^公示：/, '').replace(/（.*$/, ''),
    'publicity-result': (t) => t.replace(/^公示结果：/, '').replace(/(通过|未通过)公示$/, ''),
    publication: (_t, s) => s.match(/公布：(.+)。$/)![1],
    suspension: (t) => t.replace(/^(暂停|恢复)提供：/, ''),
    exit: (t) => t.replace(/^退出目录：/, '').replace(/（.*$/, ''),
    'catalogue-version': () => newest,
  };
  for (const e of feed.entries) {
    const fresh = await rig.newPhonePage();
    try {
      await fresh.goto(e.link!);
      const want = expectOn[e.kind!](e.title!, e.summary!);
      // In the page itself, not the (hidden) navigation bar title.
      await fresh.locator('.taro_page:visible').getByText(want, { exact: false }).first().waitFor({ timeout: 15_000 });
      expect(await fresh.locator('text=页面不存在').count()).toBe(0);
    } finally {
      await fresh.context().close();
    }
  }
}, 120_000);
