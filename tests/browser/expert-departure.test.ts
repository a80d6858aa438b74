/**
 * Issue 21 on a phone: the bureau deactivates an expert who sits on a panel. The page asks for a reason first, then for
 * a confirmation that repeats it; cancelled, nothing changes; confirmed, the expert is out of the pool and of the panel
 * at once, the page says which panel needs a reserve, and the expert's own reads are refused.
 */
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/harness';
import { deskScene, submitted, type Expert } from '../support/reviewSteps';
import type { Locator } from 'playwright-core';
import type { ExpertDoc } from '../../types/review';
import { confirmation, dialogButton, overflowsSideways, signIn, usePhoneRig } from './browser';

/** A card's 停用 button. */
const stop = (card: Locator) => card.locator('.at-button', { hasText: /^\s*停用\s*$/ });

const rig = usePhoneRig();
let page: Page;
let experts: Expert[];
let declarationId: string;

beforeAll(async () => {
  const scene = await deskScene(rig.h, '杭州钱江律师事务所', '2026-03-02');
  experts = scene.experts;
  declarationId = await submitted(rig.h, scene.applicant.token, 0);
  await rig.h.ok('reviews', 'drawPanel', { declarationId, size: 5 }, ADMIN_TOKEN);
});
beforeEach(() => (page = rig.page));

test('停用 asks for a reason, then a confirmation with it; confirmed, the expert leaves the pool and the panel at once', async () => {
  const leaving = experts[0];
  const { name } = (await rig.h.app.store.get<ExpertDoc>('experts', leaving.expertId))!;
  // The expert can read the assignment before.
  expect((await rig.h.call('reviews', 'assignment', { declarationId }, leaving.token)).status).toBe(200);

  await signIn(page, ADMIN_TOKEN);
  await page.goto(`${rig.h.url}/#/packages/admin/pages/experts/index`);
  const card = page.locator('.admin__card', { hasText: name }).filter({ has: page.locator('.admin__name') });
  await card.waitFor();

  // No reason: refused on the page, nothing asked, nothing changed.
  await stop(card).click();
  await card.getByText('停用专家时请写明理由，评审组和审计记录会看到它').waitFor();
  await expect(confirmation(page).count()).resolves.toBe(0);
  expect((await rig.h.app.store.get<ExpertDoc>('experts', leaving.expertId))!.active).toBe(true);

  // A reason, then the confirmation repeats it; cancelled, still active.
  await card.locator('input').fill('已调离工作单位');
  await stop(card).click();
  await confirmation(page).getByText(`停用 ${name}？`).waitFor();
  await confirmation(page).getByText(/理由：已调离工作单位/).waitFor();
  expect(await overflowsSideways(page)).toBe(false);
  await dialogButton(page, '取消').click();
  await expect(confirmation(page).count()).resolves.toBe(0);
  expect((await rig.h.app.store.get<ExpertDoc>('experts', leaving.expertId))!.active).toBe(true);

  // Confirmed.
  await stop(card).click();
  await dialogButton(page, '确定').click();
  await page.getByText(`${name} 已退出 1 个正在评审的评审组，请到相应申报的评审页补充候补专家。`).waitFor();
  await card.getByText('停用理由：已调离工作单位').waitFor();
  const stored = (await rig.h.app.store.get<ExpertDoc>('experts', leaving.expertId))!;
  expect([stored.active, stored.deactivated?.reason]).toEqual([false, '已调离工作单位']);
  // Out of the panel, and cut off at once.
  const panel = await rig.h.ok('reviews', 'panel', { declarationId }, ADMIN_TOKEN);
  expect(panel.members.map((m: { expertId: string }) => m.expertId)).not.toContain(leaving.expertId);
  expect(panel.needsReserve).toBe(true);
  expect((await rig.h.call('reviews', 'assignment', { declarationId }, leaving.token)).status).not.toBe(200);
  // The others still read theirs.
  expect((await rig.h.call('reviews', 'assignment', { declarationId }, experts[1].token)).status).toBe(200);
});
