/** Walks declarations through the real API to a given stage, for tests of the later stages. */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { ADMIN_TOKEN, type Harness } from './harness';

export interface Pipeline {
  applicant: { token: string; orgId: string };
  /** A declaration the panel has confirmed as proposed (拟定). */
  proposed(demoIndex: number): Promise<string>;
}

/** Opens a call around the clock's date, makes an applicant and a pool of five experts. */
export async function startPipeline(h: Harness, year = 2026): Promise<Pipeline> {
  await h.ok('declarations', 'openCall', { year, title: `${year} 年度申报公告`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` }, ADMIN_TOKEN);
  const applicant = await h.applicant('杭州公共法律服务测试单位');
  const experts: string[] = [];
  for (let i = 0; i < 5; i++) {
    const { inviteCode } = await h.ok('reviews', 'addExpert', { name: `专家${i + 1}`, organisation: `浙江某大学法学院${i + 1}`, kind: 'academic', phone: '13900000000' }, ADMIN_TOKEN);
    const token = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: inviteCode }, token);
    experts.push(token);
  }
  return {
    applicant,
    proposed: async (i) => {
      const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, applicant.token);
      await h.ok('declarations', 'submit', { declarationId }, applicant.token);
      await h.ok('reviews', 'drawPanel', { declarationId, size: 5 }, ADMIN_TOKEN);
      const items = Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, DEMO_PRODUCTS[i].purchaseMethod).max]));
      for (const t of experts) await h.ok('reviews', 'submitScoresheet', { declarationId, items, attributes: { public: 'meets', legal: 'meets', service: 'meets' } }, t);
      for (const t of experts) await h.ok('reviews', 'panelConfirm', { declarationId, agree: true }, t);
      await h.ok('reviews', 'confirm', { declarationId }, ADMIN_TOKEN);
      return declarationId;
    },
  };
}

/**
 * A product in publicity (opened 2026-10-08 for 7 working days, the clock at 2026-10-12): what the pages that show
 * one thing (公示 notice, provider) need when every main-package page is visited.
 */
export async function publicityScene(h: Harness): Promise<{ declarationId: string; orgId: string }> {
  await h.ok('admin', 'setClock', { now: '2026-09-25T09:00:00+08:00' }, ADMIN_TOKEN);
  const pipe = await startPipeline(h);
  const declarationId = await pipe.proposed(1);
  await h.ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-10-08', workingDays: 7 }, ADMIN_TOKEN);
  await h.ok('admin', 'setClock', { now: '2026-10-12T10:00:00+08:00' }, ADMIN_TOKEN);
  return { declarationId, orgId: pipe.applicant.orgId };
}
