/**
 * Review steps through the real API for the desk's tests (issue 22): a call open all year, an applicant, five experts
 * bound to accounts; a declaration submitted, scored, proposed.
 */
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { RUBRIC, allowedRange } from '../../types/rubric';
import { addExperts, FIVE_ORGANISATIONS } from './experts';
import { ADMIN_TOKEN, type Harness } from './harness';

export type Expert = { expertId: string; token: string };
export const MEETS = { public: 'meets', legal: 'meets', service: 'meets' };

/** Full marks for demo product `i`'s purchase method. */
export const fullMarks = (i: number) => Object.fromEntries(RUBRIC.map((r) => [r.key, allowedRange(r, DEMO_PRODUCTS[i].purchaseMethod).max]));

/** The clock at `day` 10:00, a 2026 call open all year, an applicant of `orgName` and five experts. */
export async function deskScene(h: Harness, orgName: string, day: string): Promise<{ applicant: { token: string; orgId: string }; experts: Expert[] }> {
  const applicant = await h.applicant(orgName);
  await h.ok('admin', 'setClock', { now: `${day}T10:00:00+08:00` }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-01-01', closesOn: '2026-12-31' }, ADMIN_TOKEN);
  return { applicant, experts: await addExperts(h, FIVE_ORGANISATIONS) };
}

/** Demo product `i` declared and submitted by `token`'s organisation. */
export async function submitted(h: Harness, token: string, i: number): Promise<string> {
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: demoSpec(DEMO_PRODUCTS[i], i) }, token);
  await h.ok('declarations', 'submit', { declarationId }, token);
  return declarationId;
}

/** Each of `experts` submits full marks. */
export async function scored(h: Harness, declarationId: string, i: number, experts: Expert[]): Promise<void> {
  for (const e of experts) await h.ok('reviews', 'submitScoresheet', { declarationId, items: fullMarks(i), attributes: MEETS }, e.token);
}

/** Submitted, drawn, scored with full marks, agreed by every member and confirmed: proposed (拟定). */
export async function proposed(h: Harness, token: string, i: number, experts: Expert[]): Promise<string> {
  const id = await submitted(h, token, i);
  await h.ok('reviews', 'drawPanel', { declarationId: id, size: 5 }, ADMIN_TOKEN);
  await scored(h, id, i, experts);
  for (const e of experts) await h.ok('reviews', 'panelConfirm', { declarationId: id, agree: true }, e.token);
  await h.ok('reviews', 'confirm', { declarationId: id }, ADMIN_TOKEN);
  return id;
}
