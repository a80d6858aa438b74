/**
 * The demo's building blocks: how each kind of thing gets done through the use cases (server/demo/driver.ts) — an
 * organisation registers and is verified, a declaration is drafted and submitted, a panel is drawn and scores, a
 * publicity runs with its comments, a round is published, a service is rated and its bad rating answered. The story
 * (story.ts) says which of them happen, and when.
 */
import type { District, PurchaseMethod } from '../../types/domain';
import type { OrgKind } from '../../types/org';
import { RUBRIC, allowedRange } from '../../types/rubric';
import type { Spec } from '../../types/spec';
import { addDays } from '../../types/workdays';
import { shuffled } from '../../cloudfunctions/reviews/draw';
import { DEMO_PRODUCTS, type DemoProduct } from '../demoProducts';
import { demoSpec } from '../seedDemo';
import { contactFor, demoCreditCode, type Profile } from './cast';
import type { DemoDriver, Person } from './driver';
import { between, pick, plannedRatings, responseDelay, seeded, type PlannedRating, type Random } from './ratings';
import { NEW_DECLARATIONS, PANEL_COMMENTS } from './thisYear';
import { addWorkdays, countWorkdays, type DemoTimeline } from './timeline';

/** A sign-in the newcomer can use: who, for which organisation, and the account's bearer token. */
export interface DemoAccount {
  role: string;
  who: string;
  token: string;
  /** What this account finds waiting for it. */
  sees: string;
}

export interface Org {
  name: string;
  orgId: string;
  staff: Person;
}

/** A fictional mobile number for a call back (personal data: kept only while the case is open). */
export const callbackPhone = (n: number) => `1390000${String(1000 + (n % 9000)).padStart(4, '0')}`;

/** A small, structurally whole PDF (the upload check reads its header and its %%EOF trailer). */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length + 36} >>\nstream\nBT /F1 14 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** One expert's items adding up to `total` exactly, each within its range (the purchase method's band for 购买方式). */
export function sheetItems(total: number, purchaseMethod: PurchaseMethod, rand: Random): Record<string, number> {
  const items = Object.fromEntries(RUBRIC.map((i) => [i.key, allowedRange(i, purchaseMethod).max]));
  let sum = Object.values(items).reduce((a, x) => a + x, 0);
  for (let guard = 0; sum > total && guard < 1000; guard++) {
    const open = RUBRIC.filter((i) => items[i.key] > allowedRange(i, purchaseMethod).min);
    if (!open.length) break;
    items[pick(rand, open).key]--;
    sum--;
  }
  return items;
}

export abstract class DemoActs {
  readonly accounts: DemoAccount[] = [];
  protected readonly orgs = new Map<string, Org>();
  protected readonly experts: { expertId: string; person: Person; name: string }[] = [];
  protected readonly citizens: Person[] = [];
  /** Catalogue products by name once published. */
  protected readonly products = new Map<string, string>();
  protected readonly declarations = new Map<string, string>();
  protected readonly needIds: string[] = [];
  /** Products suspended or exited so far: their providers hand out no more rating codes. */
  protected readonly unlisted = new Set<string>();
  protected readonly documents = new Map<number, number>();
  protected association!: Org;
  protected assessorOrgs = new Map<'inspectors' | 'thirdParty', { orgId: string; person: Person }>();
  protected purchaser!: { orgId: string; person: Person };
  protected readonly rand: Random;

  constructor(
    protected readonly d: DemoDriver,
    protected readonly t: DemoTimeline,
  ) {
    this.rand = seeded(`story:${t.today}`);
  }

  // --- helpers ---

  protected org(name: string): Org {
    const o = this.orgs.get(name);
    if (!o) throw new Error(`demo: ${name} has not registered yet`);
    return o;
  }

  protected product(name: string): string {
    const id = this.products.get(name);
    if (!id) throw new Error(`demo: ${name} is not in the catalogue yet`);
    return id;
  }

  /** The citizen `i` of a pool of 70, made on first use (a phone opening the app). */
  protected async citizen(i: number): Promise<Person> {
    const k = i % 70;
    this.citizens[k] ??= await this.d.person(`市民${k + 1}`);
    return this.citizens[k];
  }

  /** 杭司〔year〕n号, numbered upward through each year in the order the documents are issued. */
  protected documentNumber(date: string): string {
    const year = Number(date.slice(0, 4));
    const n = (this.documents.get(year) ?? between(this.rand, 6, 12)) + between(this.rand, 3, 9);
    this.documents.set(year, n);
    return `杭司〔${year}〕${n}号`;
  }

  /** A full specification for a demo product, declared on `declaredOn` by its organisation's contact person. */
  protected spec(p: DemoProduct, i: number, declaredOn: string): Spec {
    const s = demoSpec(p, i);
    return { ...s, cover: { ...s.cover, ...contactFor(i), principal: `${contactFor(i + 40).contactName}（负责人）`, declaredOn } };
  }

  /** An organisation registers itself (orgs.register) and, when `verifyOn` is given, the bureau verifies it. */
  protected register(name: string, kind: OrgKind, district: District, contact: { contactName: string; contactPhone: string }, registerOn: string, verifyOn: string | null, then?: (o: Org) => Promise<void>): void {
    this.d.schedule(this.d.at(registerOn, '10:00'), `register ${name}`, async () => {
      const staff = await this.d.person(name);
      const view = await this.d.call<{ orgId: string }>(staff, 'orgs', 'register', { name, creditCode: demoCreditCode(name, kind, district), kind, district, ...contact });
      this.orgs.set(name, { name, orgId: view.orgId, staff });
    });
    if (verifyOn)
      this.d.schedule(this.d.at(verifyOn, '15:00'), `verify ${name}`, async () => {
        const o = this.org(name);
        await this.d.call('bureau', 'orgs', 'verify', { orgId: o.orgId, approve: true });
        if (then) await then(o);
      });
  }

  /** A panel of five drawn on `drawOn`, its sheets in over the scoring days around `target`, confirmed by the panel and the bureau. */
  protected review(name: string, purchaseMethod: PurchaseMethod, target: number, dates: { drawOn: string; scoreFrom: string; scoreTo: string; panelConfirmOn: string; confirmOn: string | null }, opts: { pending?: boolean; onDrawn?: (members: string[]) => void } = {}): void {
    const rand = seeded(`review:${name}`);
    let members: string[] = [];
    this.d.schedule(this.d.at(dates.drawOn, '10:30'), `draw panel for ${name}`, async () => {
      const panel = await this.d.call<{ members: { expertId: string }[] }>('bureau', 'reviews', 'drawPanel', { declarationId: this.declarations.get(name), size: 5, seed: `demo-${Math.floor(rand() * 1e9)}` });
      members = panel.members.map((m) => m.expertId);
      opts.onDrawn?.(members);
    });
    // The members' totals spread around the target (which member gives which is the draw's, not a pattern).
    const offsets = shuffled([-2, -1, 0, 1, 2], `offsets:${name}`);
    const span = Math.max(0, countWorkdays(dates.scoreFrom, dates.scoreTo) - 1);
    for (let k = 0; k < 5; k++) {
      const on = addWorkdays(dates.scoreFrom, Math.min(span, Math.floor((k * (span + 1)) / 5)));
      if (opts.pending && k === 4) continue;
      this.d.schedule(this.d.at(on, `${String(9 + k).padStart(2, '0')}:${String(10 + k * 7).padStart(2, '0')}`), `sheet ${k + 1} for ${name}`, async () => {
        const expert = this.experts.find((e) => e.expertId === members[k])!;
        const total = Math.max(40, Math.min(100, target + offsets[k]));
        const fails = target < 80 && k < 3;
        await this.d.call(expert.person, 'reviews', 'submitScoresheet', {
          declarationId: this.declarations.get(name),
          items: sheetItems(total, purchaseMethod, rand),
          attributes: fails ? { public: 'doubtful', legal: 'meets', service: 'doubtful', note: '内容以平台推广为主，公益属性和可评估性不足' } : { public: 'meets', legal: 'meets', service: 'meets' },
          comment: fails ? '产品以平台会员内容为主，服务对象和服务标准不够明确，建议重新设计后再申报。' : PANEL_COMMENTS[(k + name.length) % PANEL_COMMENTS.length],
        });
      });
    }
    if (opts.pending || !dates.confirmOn) return;
    this.d.schedule(this.d.at(dates.panelConfirmOn, '16:00'), `panel confirms ${name}`, async () => {
      for (const [k, id] of members.entries()) {
        const expert = this.experts.find((e) => e.expertId === id)!;
        const dissent = target >= 80 && k === 4 && rand() < 0.3;
        await this.d.call(expert.person, 'reviews', 'panelConfirm', { declarationId: this.declarations.get(name), agree: !dissent, note: dissent ? '服务标准中的响应时限偏长，建议公示期内请申报单位说明。' : '' });
      }
    });
    this.d.schedule(this.d.at(dates.confirmOn, '10:00'), `confirm ${name}`, async () => {
      await this.d.call('bureau', 'reviews', 'confirm', { declarationId: this.declarations.get(name), reason: target >= 80 ? '评审组过半数同意，达到达标分数线，拟列入目录' : '评审组平均分未达到 80 分，未通过评审' });
    });
  }

  /** A declaration drafted on `draftOn` and submitted on `submitOn` (recommended ones endorsed by the association in between). */
  protected declare(p: DemoProduct & { recommended?: boolean }, i: number, draftOn: string, submitOn: string | null, extra: { answersNeeds?: number[]; leaveOut?: readonly string[] } = {}): void {
    this.d.schedule(this.d.at(draftOn, '14:00'), `draft ${p.name}`, async () => {
      const o = this.org(p.provider);
      let spec: Partial<Spec> = this.spec(p, i, submitOn ?? draftOn);
      if (extra.leaveOut) spec = Object.fromEntries(Object.entries(spec).filter(([k]) => !extra.leaveOut!.includes(k)));
      const { declarationId } = await this.d.call<{ declarationId: string }>(o.staff, 'declarations', 'saveDraft', {
        spec,
        ...(p.recommended ? { declarationMode: 'recommended', recommenderOrgId: this.association.orgId } : {}),
        ...(extra.answersNeeds ? { answersNeeds: extra.answersNeeds.map((n) => this.needIds[n]) } : {}),
      });
      this.declarations.set(p.name, declarationId);
    });
    if (p.recommended && submitOn)
      this.d.schedule(this.d.at(submitOn, '09:30'), `endorse ${p.name}`, async () => {
        await this.d.call(this.association.staff, 'declarations', 'endorse', { declarationId: this.declarations.get(p.name) });
      });
    if (submitOn)
      this.d.schedule(this.d.at(submitOn, '16:30'), `submit ${p.name}`, async () => {
        await this.d.call(this.org(p.provider).staff, 'declarations', 'submit', { declarationId: this.declarations.get(p.name) });
      });
  }

  /** Publicity for these declarations from `startsOn`, comments in the window, answers, and (when given) the close. */
  protected publicity(names: () => string[], startsOn: string, comments: { declaration: string; text: string; on: string; by: number; answer?: { disposition: string; reply: string; on: string } }[], closeOn: string | null): void {
    this.d.schedule(this.d.at(startsOn, '08:40'), `publicity from ${startsOn}`, async () => {
      await this.d.call('bureau', 'publicity', 'start', { declarationIds: names().map((n) => this.declarations.get(n)), startsOn, workingDays: 7 });
    });
    for (const c of comments) {
      let commentId = '';
      this.d.schedule(this.d.at(c.on, '12:20'), `comment on ${c.declaration}`, async () => {
        ({ commentId } = await this.d.call<{ commentId: string }>(await this.citizen(c.by), 'publicity', 'comment', { declarationId: this.declarations.get(c.declaration), text: c.text }));
      });
      if (c.answer) {
        const a = c.answer;
        this.d.schedule(this.d.at(a.on, '17:10'), `answer comment on ${c.declaration}`, async () => {
          await this.d.call('bureau', 'publicity', 'dispose', { commentId, disposition: a.disposition, reply: a.reply });
        });
      }
    }
    if (closeOn)
      this.d.schedule(this.d.at(closeOn, '09:00'), `close publicity of ${startsOn}`, async () => {
        for (const n of names()) await this.d.call('bureau', 'publicity', 'close', { declarationId: this.declarations.get(n), outcome: 'recognised' });
      });
  }

  /** Publication by document: these declarations enter the catalogue on `publishOn`. */
  protected publish(names: () => string[], publishOn: string): void {
    this.d.schedule(this.d.at(publishOn, '10:00'), `publish ${publishOn}`, async () => {
      const ids = names().map((n) => this.declarations.get(n)!);
      const { published } = await this.d.call<{ published: { declarationId: string; productId: string }[] }>('bureau', 'catalogue', 'publish', { declarationIds: ids, documentNumber: this.documentNumber(publishOn), publishedOn: publishOn });
      for (const p of published) this.products.set(names()[ids.indexOf(p.declarationId)], p.productId);
    });
  }

  /** A year's ratings of one product, with the provider's answers to the bad ones. */
  protected rateYear(name: string, profile: Profile, seed: string, from: string, to: string, share: number): void {
    if (to < from) return;
    const rand = seeded(`raters:${seed}`);
    for (const r of plannedRatings(profile, seed, from, to, share)) {
      const delay = r.level <= 2 ? responseDelay(profile, rand) : null;
      this.rateOne(name, profile, r, 1 + Math.floor(rand() * 69), { respondAfter: delay, confirm: rand() < 0.6 });
    }
  }

  /** One service and its rating: the provider issues the code, the person served rates; a bad rating opens a case. */
  protected rateOne(name: string, profile: Profile, r: PlannedRating, rater: number, follow: { respondAfter: number | null; confirm: boolean }): void {
    const issuedAt = this.d.at(r.date, r.time);
    let token = '';
    this.d.schedule(issuedAt, `code for ${name}`, async () => {
      // A product no longer listed (suspended, or exited after its grade) serves nobody through the catalogue.
      if (this.unlisted.has(name)) return;
      const provider = this.org(this.providerOf(name)).staff;
      ({ token } = await this.d.call<{ token: string }>(provider, 'ratings', 'issueToken', { productId: this.product(name), servedOn: r.date, channel: pick(this.rand, ['counter', 'counter', 'phone', 'visit', 'online'] as const) }));
    });
    const ratedAt = new Date(issuedAt.getTime() + (7 + (rater % 40)) * 60_000);
    let caseId: string | null = null;
    this.d.schedule(ratedAt, `rating of ${name}`, async () => {
      if (!token) return;
      ({ caseId } = await this.d.call<{ caseId: string | null }>(await this.citizen(rater), 'ratings', 'rate', {
        token,
        level: r.level,
        ...(Object.keys(r.dimensions).length ? { dimensions: r.dimensions } : {}),
        ...(r.text ? { text: r.text } : {}),
        ...(r.callback ? { callback: { phone: callbackPhone(rater), consent: true } } : {}),
      }));
    });
    if (r.level > 2 || follow.respondAfter === null) return;
    const respondOn = addWorkdays(r.date, follow.respondAfter);
    const answered = this.d.maybe(this.d.at(respondOn, '11:15'), `answer case on ${name}`, async () => {
      if (!caseId) return;
      await this.d.call(this.org(this.providerOf(name)).staff, 'ratings', 'respondCase', {
        caseId,
        ...(r.callback ? { callbackOn: respondOn, callbackNote: pick(this.rand, CALLBACK_NOTES) } : {}),
        fix: pick(this.rand, FIXES[profile === 'poor' || profile === 'fair' ? 'weak' : 'good']),
      });
    });
    if (answered && follow.confirm)
      this.d.maybe(this.d.at(addDays(respondOn, 1 + (rater % 3)), '19:30'), `rater confirms case on ${name}`, async () => {
        if (!caseId) return;
        await this.d.call(await this.citizen(rater), 'ratings', 'confirmCase', { caseId, satisfied: profile !== 'poor' || rater % 3 === 0 });
      });
  }

  protected providerOf(name: string): string {
    return (DEMO_PRODUCTS.find((p) => p.name === name) ?? NEW_DECLARATIONS.find((n) => n.name === name))!.provider;
  }
}


const CALLBACK_NOTES = ['已电话回访，说明了处理经过，对方表示理解。', '电话联系服务对象，当面致歉并约定了补办时间。', '回访时对方仍有意见，已记录并安排负责人跟进。'];
const FIXES = {
  good: ['已调整窗口排班，高峰时段增加一名工作人员。', '已对相关工作人员进行服务规范培训，并在服务指南中写明所需材料。'],
  weak: ['已提醒工作人员注意服务态度。', '已登记，后续改进。'],
};
