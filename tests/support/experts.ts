/** A pool of experts for tests, each bound to an account of its own through the invite. */
import { ADMIN_TOKEN, type Harness } from './harness';

export async function addExperts(h: Harness, organisations: string[]): Promise<{ expertId: string; token: string }[]> {
  const out: { expertId: string; token: string }[] = [];
  for (const [i, organisation] of organisations.entries()) {
    const { expertId, inviteCode } = await h.ok('reviews', 'addExpert', { name: `专家${i}`, organisation, kind: 'academic', title: '', specialties: ['公共法律服务'], phone: '13900000000' }, ADMIN_TOKEN);
    const token = await h.citizen();
    await h.ok('auth', 'redeemInvite', { code: inviteCode }, token);
    out.push({ expertId, token });
  }
  return out;
}

/** Five organisations with no tie to the test applicants. */
export const FIVE_ORGANISATIONS = ['浙江大学光华法学院', '杭州市律师协会', '浙江工商大学法学院', '杭州市财政局绩效评价中心', '浙江财经大学法学院'];
