/**
 * The demo year as a story: who does what, and when, through the real use cases (acts.ts, driver.ts). Two earlier
 * rounds fill the catalogue; last year's services are rated, inspected, self-reported, computed, appealed, confirmed
 * and published; the adjustment follows (a rectification, an exit); this year brings credit events, a suspension,
 * purchases, needs, and this year's call with declarations at every stage. Every date comes from timeline.ts.
 */
import { AUDIENCE_GROUPS } from '../../types/domain';
import { CHECKLISTS, type Method } from '../../types/assessment';
import { addDays } from '../../types/workdays';
import { DEMO_PRODUCTS } from '../demoProducts';
import { ASSESSORS, ASSOCIATION, ASSOCIATION_MEMBERS, CATALOGUE, EXPERTS, PENDING_ORG, PURCHASER, STORY, contactFor, kindOfProvider } from './cast';
import { between, plannedFindings, seeded, THIS_YEAR_SHARE, USE_SHARE } from './ratings';
import { COMMENTS_EARLIER, COMMENTS_NOW, DRAFT_LEAVES_OUT, NEEDS, NEW_DECLARATIONS, NEW_PROVIDERS, type NewDeclaration } from './thisYear';
import { addWorkdays, countWorkdays, workdayOnOrBefore, type RoundDates } from './timeline';
import { DemoActs, demoPdf, sheetItems } from './acts';

export class DemoStory extends DemoActs {
  /** Everything, on the agenda; `d.play()` then runs it in time order. */
  plan(): void {
    this.planPeople();
    this.planRound(0, this.t.firstRound);
    this.planRound(1, this.t.secondRound);
    this.planRatings();
    this.planPurchases();
    this.planAssessment();
    this.planSupervision();
    this.planNeeds();
    this.planThisYearsCall();
    this.planFeatures();
  }

  // --- the people ---

  private planPeople(): void {
    const t = this.t;
    const setUpOn = addWorkdays(t.firstRound.registerOn, -10);
    // The expert pool: the bureau adds each expert, who binds their account with the invite code.
    this.d.schedule(this.d.at(setUpOn, '10:00'), 'expert pool', async () => {
      for (const [k, e] of EXPERTS.entries()) {
        const { expertId, inviteCode } = await this.d.call<{ expertId: string; inviteCode: string }>('bureau', 'reviews', 'addExpert', { ...e, phone: `1390000${String(5000 + k).padStart(4, '0')}` });
        const person = await this.d.person(e.name);
        await this.d.call(person, 'auth', 'redeemInvite', { code: inviteCode });
        this.experts.push({ expertId, person, name: e.name });
      }
    });
    // The bar association registers, is verified, and the bureau gives its secretariat the association role.
    this.register(ASSOCIATION.name, ASSOCIATION.kind, ASSOCIATION.district, ASSOCIATION, setUpOn, addWorkdays(setUpOn, 1), async (o) => {
      this.association = o;
      const { inviteCode } = await this.d.call<{ inviteCode: string }>('bureau', 'admin', 'createInvite', { role: 'association', orgId: o.orgId });
      await this.d.call(o.staff, 'auth', 'redeemInvite', { code: inviteCode });
    });
    // 郑书宁 practised at 杭州萧然律师事务所 before joining the bureau: a conflict declared once the firm exists.
    this.d.schedule(this.d.at(addWorkdays(t.firstRound.verifyOn, 1), '11:00'), 'declared conflict', async () => {
      const expert = this.experts.find((e) => e.name === '郑书宁')!;
      await this.d.call(expert.person, 'reviews', 'declareConflict', { orgId: this.org(DEMO_PRODUCTS[STORY.criticised].provider).orgId, reason: '曾在该所执业，现仍与合伙人有往来' });
    });
    // Assessors and the purchasing unit are invited by the bureau and bind one account each.
    const inviteOn = workdayOnOrBefore(`${t.lastYear}-03-10`);
    this.d.schedule(this.d.at(inviteOn, '10:00'), 'purchasing unit', async () => {
      const { inviteCode, orgId } = await this.d.call<{ inviteCode: string; orgId: string }>('bureau', 'admin', 'createInvite', { role: 'purchaser', orgName: PURCHASER.name, unitKind: PURCHASER.unitKind });
      const person = await this.d.person(PURCHASER.name);
      await this.d.call(person, 'auth', 'redeemInvite', { code: inviteCode });
      this.purchaser = { orgId, person };
    });
    this.d.schedule(this.d.at(addWorkdays(t.assessment.opensOn, -5), '10:00'), 'assessors', async () => {
      for (const key of ['inspectors', 'thirdParty'] as const) {
        const { inviteCode, orgId } = await this.d.call<{ inviteCode: string; orgId: string }>('bureau', 'admin', 'createInvite', { role: 'assessor', orgName: ASSESSORS[key].name });
        const person = await this.d.person(ASSESSORS[key].name);
        await this.d.call(person, 'auth', 'redeemInvite', { code: inviteCode });
        this.assessorOrgs.set(key, { orgId, person });
      }
    });
  }

  // --- the catalogue's first two rounds ---

  private planRound(round: 0 | 1, r: RoundDates): void {
    const entries = CATALOGUE.filter((e) => e.round === round);
    const year = Number(r.callOpensOn.slice(0, 4));
    for (const [k, e] of entries.entries()) {
      const p = DEMO_PRODUCTS[e.index];
      const kind = kindOfProvider(p.provider);
      this.register(p.provider, kind, p.district, contactFor(e.index), addWorkdays(r.registerOn, k % 2), r.verifyOn, async (o) => {
        if (ASSOCIATION_MEMBERS.includes(o.name)) await this.d.call('bureau', 'supervision', 'linkMember', { associationOrgId: this.association.orgId, orgId: o.orgId });
      });
    }
    this.d.schedule(this.d.at(addDays(r.callOpensOn, -10), '09:00'), `call ${year}`, async () => {
      await this.d.call('bureau', 'declarations', 'openCall', { year, title: `${year} 年度杭州市公共法律服务产品申报公告`, opensOn: r.callOpensOn, closesOn: r.callClosesOn, notice: CALL_NOTICE });
    });
    const span = countWorkdays(r.draftFrom, r.submitBy) - 6;
    for (const [k, e] of entries.entries()) {
      const p = DEMO_PRODUCTS[e.index];
      const draftOn = addWorkdays(r.draftFrom, Math.floor((k * span) / entries.length));
      this.declare(p, e.index, draftOn, addWorkdays(draftOn, 4));
      const target = { excellent: 91, good: 87, fair: 84, poor: 82, thin: 86 }[e.profile] + between(this.rand, -1, 1);
      this.review(p.name, p.purchaseMethod, target, r);
    }
    const names = () => entries.map((e) => DEMO_PRODUCTS[e.index].name);
    const comment = (i: number, text: string, disposition: string, reply: string, by: number) => ({
      declaration: DEMO_PRODUCTS[entries[i].index].name,
      text,
      on: addWorkdays(r.publicityStartsOn, 1 + (by % 4)),
      by,
      answer: { disposition, reply, on: addWorkdays(r.publicityStartsOn, 5) },
    });
    this.publicity(
      names,
      r.publicityStartsOn,
      round === 0
        ? [
            comment(0, '建议写明上门调解的预约方式和响应时间。', 'adopted', '已请申报单位在服务标准中写明：电话预约后 1 个工作日内联系。', 3),
            comment(5, '希望能提供方言服务，村里老人普通话不好。', 'partly-adopted', '调解员均可使用当地方言，已写入服务要求。', 8),
          ]
        : [comment(2, '收费标准要写清楚，不要有隐性收费。', 'adopted', '收费标准已在服务指南中逐项公开。', 12)],
      r.closeOn,
    );
    this.publish(names, r.publishOn);
  }

  // --- ratings: last year's (assessed) and this year's, with their bad-rating cases ---

  private stopOf(index: number): string | null {
    if (index === STORY.failing) return this.t.adjustment.exitOn;
    if (index === STORY.suspended) return this.t.credit.suspendOn;
    return null;
  }

  private planRatings(): void {
    const t = this.t;
    for (const e of CATALOGUE) {
      const p = DEMO_PRODUCTS[e.index];
      const published = (e.round === 0 ? t.firstRound : t.secondRound).publishOn;
      const stop = this.stopOf(e.index);
      const clamp = (to: string) => (stop && stop <= to ? addDays(stop, -1) : to);
      const lastFrom = max(t.ratingsLastYear.from, addDays(published, 3));
      this.rateYear(p.name, e.profile, `${e.index}:${t.lastYear}`, lastFrom, clamp(t.ratingsLastYear.to), 1);
      const thisFrom = max(t.ratingsThisYear.from, addDays(published, 3));
      this.rateYear(p.name, e.profile, `${e.index}:${t.year}`, thisFrom, clamp(t.ratingsThisYear.to), THIS_YEAR_SHARE * yearShare(t.today));
    }
    // This year's new products, rated since their publication.
    for (const n of NEW_DECLARATIONS.filter((x) => x.stage === 'published'))
      this.rateYear(n.name, 'good', `new:${n.name}`, max(t.ratingsThisYear.from, addDays(t.earlierRound.publishOn, 3)), t.ratingsThisYear.to, THIS_YEAR_SHARE * yearShare(t.today) * 0.6);

    // A bad rating this year answered in time: called back, fixed, and the person says they are satisfied.
    const closedOn = addWorkdays(t.workday, -12);
    this.rateOne(DEMO_PRODUCTS[STORY.closedCase].name, 'excellent', { date: closedOn, time: '10:40', level: 2, dimensions: { efficiency: 1, competence: 3, attitude: 3 }, text: '第一次去窗口排了一个多小时，工作人员说材料不全让下周再来。', callback: true }, 7, { respondAfter: 1, confirm: true });
    // …and one still open, due in a few working days: the demo applicant's to answer, the demo citizen's to watch.
    const openOn = addWorkdays(t.workday, -1);
    this.rateOne(DEMO_PRODUCTS[STORY.demoApplicant].name, 'good', { date: openOn, time: '15:20', level: 2, dimensions: { efficiency: 2, competence: 3, attitude: 4 }, text: '预约后等了一周才上门，体检报告到现在也没收到。', callback: true }, 0, { respondAfter: null, confirm: false });
  }

  // --- purchases ---

  private planPurchases(): void {
    const t = this.t;
    const bought = DEMO_PRODUCTS[STORY.boughtLastYear];
    const recordOn = addWorkdays(t.secondRound.publishOn, 15);
    const record = (name: string, on: string, from: string, to: string, quantity: number, amount: number, contract: string, confirmAfter: number | null) => {
      let procurementId = '';
      this.d.schedule(this.d.at(on, '14:30'), `purchase of ${name}`, async () => {
        const evidence = [await this.d.upload(this.purchaser.person, `${contract} 服务合同.pdf`, demoPdf(`Service contract ${contract} (demo)`))];
        ({ procurementId } = await this.d.call<{ procurementId: string }>(this.purchaser.person, 'procurement', 'record', { productId: this.product(name), from, to, quantity, amount, contractNumber: contract, evidence }));
      });
      if (confirmAfter !== null)
        this.d.maybe(this.d.at(addWorkdays(on, confirmAfter), '10:20'), `confirm purchase of ${name}`, async () => {
          await this.d.call(this.org(this.providerOf(name)).staff, 'procurement', 'confirm', { procurementId, agree: true });
        });
    };
    record(bought.name, recordOn, addDays(recordOn, -5), `${t.lastYear}-12-31`, 12, 36000, `HMJD-${t.lastYear}-017`, 3);
    const againOn = addWorkdays(t.workday, -40);
    record(bought.name, againOn, addDays(againOn, -10), addDays(againOn, 300), 12, 38400, `HMJD-${againOn.slice(0, 4)}-009`, 3);
    // Awaiting the demo applicant's confirmation.
    const pendingOn = addWorkdays(t.workday, -4);
    record(DEMO_PRODUCTS[STORY.demoApplicant].name, pendingOn, addDays(pendingOn, -14), addDays(pendingOn, 75), 20, 6000, `HMJD-${pendingOn.slice(0, 4)}-031`, null);
  }

  // --- last year's assessment ---

  private planAssessment(): void {
    const t = this.t;
    const a = t.assessment;
    const year = t.lastYear;
    const inCatalogue = () => CATALOGUE.map((e) => this.product(DEMO_PRODUCTS[e.index].name));
    this.d.schedule(this.d.at(a.opensOn, '09:30'), 'open assessment', async () => {
      await this.d.call('bureau', 'assessments', 'open', { year, title: `${year} 年度公共法律服务产品测评`, startsOn: a.startsOn, endsOn: a.endsOn });
    });
    this.d.schedule(this.d.at(a.assignOn, '10:00'), 'assign assessors', async () => {
      await this.d.call('bureau', 'assessments', 'assign', { year, assessorOrgId: this.assessorOrgs.get('inspectors')!.orgId, productIds: inCatalogue() });
      const surveyed = CATALOGUE.filter((e) => e.profile !== 'thin').map((e) => this.product(DEMO_PRODUCTS[e.index].name));
      await this.d.call('bureau', 'assessments', 'assign', { year, assessorOrgId: this.assessorOrgs.get('thirdParty')!.orgId, productIds: surveyed });
    });
    const findingDays = countWorkdays(a.findingsFrom, a.findingsTo);
    for (const e of CATALOGUE) {
      const p = DEMO_PRODUCTS[e.index];
      const planned = e.index === STORY.uninspected ? [] : plannedFindings(e.profile, p.category, `${e.index}:${year}`);
      for (const [k, f] of planned.entries()) {
        const appealed = e.index === STORY.appealAccepted && f.method === 'mystery';
        // The mystery visit the provider later appeals: on a Saturday, outside the published hours (周一至周五).
        const on = appealed ? saturdayIn(a.findingsFrom, a.findingsTo) : addWorkdays(a.findingsFrom, Math.floor(((e.index * 7 + k * 11) % Math.max(1, findingDays - 1))));
        const who = (ASSESSORS.inspectors.methods as readonly Method[]).includes(f.method) ? 'inspectors' : 'thirdParty';
        const checked = appealed ? ['guide'] : f.checked;
        this.d.schedule(this.d.at(on, '15:00'), `finding ${f.method} on ${p.name}`, async () => {
          const score = CHECKLISTS[f.method].filter((i) => checked.includes(i.key)).reduce((s, i) => s + i.points, 0);
          await this.d.call(this.assessorOrgs.get(who)!.person, 'assessments', 'recordFinding', {
            year,
            productId: this.product(p.name),
            method: f.method,
            on,
            score,
            notes: appealed ? '周六上午暗访，服务点未开门，门口张贴了服务指南。' : f.notes,
            checked,
          });
        });
      }
      // The provider's self-report: people served against its declared yearly capacity (thin products declare none).
      const rand = seeded(`use:${e.index}:${year}`);
      const capacity = between(rand, 4, 30) * 100;
      const [lo, hi] = USE_SHARE[e.profile];
      const served = Math.round(capacity * (lo + rand() * (hi - lo)));
      this.d.maybe(this.d.at(a.selfReportOn, `${String(9 + (e.index % 8)).padStart(2, '0')}:${String(e.index % 60).padStart(2, '0')}`), `self-report ${p.name}`, async () => {
        await this.d.call(this.org(p.provider).staff, 'assessments', 'selfReport', {
          year,
          productId: this.product(p.name),
          servedCount: served,
          ...(e.profile === 'thin' ? {} : { capacity }),
          summary: `${year} 年度共提供服务 ${served} 人次${e.profile === 'thin' ? '' : `，年服务能力 ${capacity} 人次`}。服务台帐按月归档，差评事项均已回访处理，下一年度将继续完善服务指南。`,
        });
      });
    }
    // 核定服务能力: the bureau checks each reported capacity against the provider's ledger before the compute; usage
    // counts only against an accepted capacity. One is set lower than reported.
    this.d.maybe(this.d.at(addWorkdays(a.selfReportOn, 2), '15:00'), 'accept capacities', async () => {
      const { rows } = await this.d.call<{ rows: { productId: string; name: string; selfReport: { capacity: number | null } | null }[] }>('bureau', 'assessments', 'progress', { year });
      for (const [k, row] of rows.entries()) {
        const reported = row.selfReport?.capacity;
        if (!reported) continue;
        const lowered = row.name === DEMO_PRODUCTS[STORY.criticised].name;
        await this.d.call('bureau', 'assessments', 'acceptCapacity', {
          year,
          productId: row.productId,
          capacity: lowered ? Math.round(reported * 0.8) : reported,
          reason: lowered ? '台帐显示专职人员 4 名，按实际配备核定年服务能力。' : `与服务台帐和人员配备相符，按申报核定（第 ${k + 1} 项）。`,
        });
      }
    });
    // 听取采购单位意见: the unit that bought the lectures gives its opinion.
    this.d.schedule(this.d.at(a.opinionOn, '10:00'), 'purchaser opinion', async () => {
      await this.d.call(this.purchaser.person, 'procurement', 'opinion', { year, productId: this.product(DEMO_PRODUCTS[STORY.boughtLastYear].name), score: 92, notes: '按合同完成 12 场讲座，居民反响好，明年继续采购。' });
    });
    this.d.schedule(this.d.at(a.computeOn, '10:00'), 'compute assessment', async () => {
      await this.d.call('bureau', 'assessments', 'compute', { year });
      if (process.env.DEMO_DEBUG) for (const r of (await this.d.call<any>('bureau', 'assessments', 'drafts', { year })).results) console.log(r.productName, r.score, r.grade, JSON.stringify(r.components.slice(0, 4).map((c: any) => [c.key, c.score])));
    });
    const appeals: { index: number; on: string; reason: string }[] = [
      { index: STORY.appealAccepted, on: a.appealsOn[0], reason: '暗访日期为周六，本产品公布的服务时间为周一至周五，当日不开放属正常，请求复核明查暗访的得分。' },
      { index: STORY.appealRejected, on: a.appealsOn[1], reason: '部分不满意评价针对的是征收补偿标准本身，并非我所的法律咨询服务，请求剔除。' },
    ];
    for (const ap of appeals)
      this.d.schedule(this.d.at(ap.on, '11:00'), `appeal ${DEMO_PRODUCTS[ap.index].name}`, async () => {
        const p = DEMO_PRODUCTS[ap.index];
        await this.d.call(this.org(p.provider).staff, 'assessments', 'appeal', { year, productId: this.product(p.name), reason: ap.reason });
      });
    this.d.schedule(this.d.at(a.decideOn, '15:30'), 'decide appeals', async () => {
      const { appeals: filed } = await this.d.call<{ appeals: { appealId: string; productId: string }[] }>('bureau', 'assessments', 'appeals', { year });
      for (const ap of filed) {
        const accepted = ap.productId === this.product(DEMO_PRODUCTS[STORY.appealAccepted].name);
        await this.d.call('bureau', 'assessments', 'decideAppeal', {
          appealId: ap.appealId,
          accepted,
          reason: accepted ? '经核实，暗访日不在公布的服务时间内；市司法局按公布时间复查，复查结果计入测评。' : '满意度评价反映服务对象对本次服务的真实感受，测评方案未设剔除规则，申诉不予采纳。',
          ...(accepted ? { finding: { method: 'mystery', score: 100, notes: '复查：工作日上午按公布时间暗访，服务点正常开放，服务指南和收费标准公开，接待规范。' } } : {}),
        });
      }
      // 证据不足: a product whose evidence meets no grade gets the bureau's decision before the results are confirmed.
      const { results } = await this.d.call<{ results: { productId: string; insufficient?: boolean; decision?: unknown }[] }>('bureau', 'assessments', 'drafts', { year });
      for (const r of results.filter((x) => x.insufficient && !x.decision))
        await this.d.call('bureau', 'assessments', 'decideInsufficient', { year, productId: r.productId, decision: 'no-grade', reason: '全年评价很少，也未安排检查，证据不足以评定等次，本年度不定等次，下一年度列入重点检查。' });
    });
    this.d.schedule(this.d.at(a.confirmOn, '10:00'), 'confirm assessment', async () => {
      await this.d.call('bureau', 'assessments', 'confirm', { year, reason: '申诉已全部处理，经综合测评确认。' });
    });
    this.d.schedule(this.d.at(a.publishOn, '10:00'), 'publish assessment', async () => {
      await this.d.call('bureau', 'assessments', 'publish', { year, reason: '向社会公布年度测评结果。', documentNumber: this.documentNumber(a.publishOn) });
    });
  }

  // --- supervision and adjustment ---

  private planSupervision(): void {
    const t = this.t;
    const c = t.credit;
    const lawFirm = (i: number) => this.org(DEMO_PRODUCTS[i].provider);
    this.d.schedule(this.d.at(c.commendationOn, '10:00'), 'commendation', async () => {
      await this.d.call(this.association.staff, 'supervision', 'recordEvent', {
        orgId: lawFirm(STORY.demoApplicant).orgId,
        kind: 'commendation',
        occurredOn: c.commendationOn,
        title: `${t.lastYear} 年度优秀公益法律服务项目（小微企业法律体检）`,
        documentNumber: `杭律协〔${t.lastYear}〕45号`,
        evidence: '杭州市律师协会关于表彰年度优秀公益法律服务项目的决定',
      });
    });
    let criticismId = '';
    this.d.schedule(this.d.at(c.criticismOn, '10:00'), 'criticism', async () => {
      ({ eventId: criticismId } = await this.d.call<{ eventId: string }>(this.association.staff, 'supervision', 'recordEvent', {
        orgId: lawFirm(STORY.criticised).orgId,
        kind: 'criticism',
        occurredOn: c.criticismOn,
        title: '企业合规指导服务未按承诺时限响应企业预约',
        evidence: '会员投诉调查报告：3 家企业预约后超过 10 个工作日未获响应，经调查属实。',
      }));
    });
    this.d.schedule(this.d.at(c.responseOn, '16:00'), 'statement on the criticism', async () => {
      await this.d.call(lawFirm(STORY.criticised).staff, 'supervision', 'respond', { eventId: criticismId, statement: '我所已增配两名专职律师并启用预约登记系统，预约后 2 个工作日内必回复，欢迎监督。' });
    });
    const suspended = DEMO_PRODUCTS[STORY.suspended];
    this.d.schedule(this.d.at(c.complaintOn, '10:00'), 'verified complaint', async () => {
      await this.d.call('bureau', 'supervision', 'recordEvent', {
        orgId: this.org(suspended.provider).orgId,
        kind: 'complaint',
        occurredOn: c.complaintOn,
        title: '旅游纠纷调解服务点多次未按公布时间开放',
        evidence: '12345 热线工单 3 件及现场核查记录，经核查属实。',
      });
    });
    this.d.schedule(this.d.at(c.suspendOn, '14:00'), 'suspension', async () => {
      await this.d.call('bureau', 'supervision', 'suspend', { productId: this.product(suspended.name), reason: '群众投诉查实：服务点多次未按公布时间开放，暂停待复核。' });
      this.unlisted.add(suspended.name);
    });

    // The yearly proposal from the published grades, decided line by line; the rectifications; the exit by document.
    const a = t.adjustment;
    const rectified: { rectificationId: string; productName: string }[] = [];
    this.d.schedule(this.d.at(a.proposeOn, '10:00'), 'adjustment proposal', async () => {
      await this.d.call('bureau', 'supervision', 'propose', { year: t.lastYear });
    });
    this.d.schedule(this.d.at(a.decideOn, '10:00'), 'decide the proposal', async () => {
      const proposal = await this.d.call<{ proposalId: string; lines: { lineId: string; productId: string; productName: string; action: string }[] }>('bureau', 'supervision', 'proposal', { year: t.lastYear });
      let accepted = 0;
      for (const line of proposal.lines) {
        const rectify = line.action === 'rectify';
        const accept = !rectify || accepted < 3;
        if (rectify && accept) accepted++;
        await this.d.call('bureau', 'supervision', 'decideLine', {
          proposalId: proposal.proposalId,
          lineId: line.lineId,
          decision: accept ? 'accept' : 'reject',
          reason: !accept ? '满意率接近分数线，已书面提醒改进，暂不整改。' : line.action === 'exit' ? '年度测评不合格，依规退出目录。' : line.action === 'suspend' ? '存在严重失信情形，暂停待复核。' : '机构满意率偏低，限期整改。',
        });
      }
    });
    this.d.schedule(this.d.at(a.rectifyOn, '10:00'), 'rectifications', async () => {
      const proposal = await this.d.call<{ lines: { lineId: string; productId: string; productName: string; action: string; decision: { decision: string; action: string | null } | null }[] }>('bureau', 'supervision', 'proposal', { year: t.lastYear });
      for (const line of proposal.lines.filter((l) => l.decision?.action === 'rectify')) {
        const view = await this.d.call<{ rectificationId: string }>('bureau', 'supervision', 'rectify', { productId: line.productId, reason: '机构满意率低于 80%，请限期提升服务响应和回访质量。', dueWorkingDays: 20, proposalLineId: line.lineId });
        rectified.push({ rectificationId: view.rectificationId, productName: line.productName });
      }
    });
    for (let k = 0; k < 3; k++)
      this.d.maybe(this.d.at(addWorkdays(a.rectifyOn, 9 + k * 4), '16:00'), `answer rectification ${k + 1}`, async () => {
        const r = rectified[k];
        if (!r) return;
        await this.d.call(this.org(this.providerOf(r.productName)).staff, 'supervision', 'answerRectification', { rectificationId: r.rectificationId, measures: '增设预约专线和周末值班，所有差评 2 个工作日内回访，服务台帐每周自查。', evidence: '值班表、回访记录和自查台帐（已报市司法局备案）。' });
      });
    // The exits the bureau accepted leave by one document.
    this.d.schedule(this.d.at(a.exitOn, '10:00'), 'exit', async () => {
      const proposal = await this.d.call<{ lines: { productId: string; productName: string; decision: { action: string | null } | null }[] }>('bureau', 'supervision', 'proposal', { year: t.lastYear });
      const leaving = proposal.lines.filter((l) => l.decision?.action === 'exit');
      if (!leaving.length) return;
      await this.d.call('bureau', 'supervision', 'exit', { productIds: leaving.map((l) => l.productId), documentNumber: this.documentNumber(a.exitOn), on: a.exitOn, reason: `${t.lastYear} 年度测评等次为不合格，依规退出目录。` });
      for (const l of leaving) this.unlisted.add(l.productName);
    });
  }

  // --- the needs board ---

  private planNeeds(): void {
    const t = this.t;
    for (const [k, n] of NEEDS.entries()) {
      const postedOn = addDays(t.needsFrom, k * 6);
      const poster = 20 + k * 7;
      this.d.schedule(this.d.at(postedOn, '20:15'), `need ${k + 1}`, async () => {
        const { needId, visibility } = await this.d.call<{ needId: string; visibility: string }>(await this.citizen(poster), 'needs', 'submit', { text: n.text, category: n.category, district: n.district, audience: n.audience });
        this.needIds[k] = needId;
        // Held by the content check (a held word such as 诈骗): the bureau reads it and shows it the next morning.
        if (visibility === 'pending')
          this.d.schedule(this.d.at(addDays(postedOn, 1), '09:00'), `show need ${k + 1}`, async () => {
            await this.d.call('bureau', 'needs', 'moderate', { needId, decision: 'show' });
          });
      });
      for (let s = 0; s < n.supporters; s++)
        this.d.schedule(this.d.at(addDays(postedOn, 1 + ((s * 5) % 50)), '21:00'), `support need ${k + 1}`, async () => {
          await this.d.call(await this.citizen(poster + 1 + s), 'needs', 'support', { needId: this.needIds[k] });
        });
      if (!n.answer) continue;
      const answer = n.answer;
      const answerOn = answer.productName && NEW_DECLARATIONS.some((x) => x.name === answer.productName) ? addWorkdays(t.earlierRound.publishOn, 2) : addWorkdays(postedOn, 12);
      this.d.schedule(this.d.at(answerOn, '11:30'), `answer need ${k + 1}`, async () => {
        await this.d.call('bureau', 'needs', 'answer', { needId: this.needIds[k], status: answer.status, reply: answer.reply, ...(answer.productName ? { productId: this.product(answer.productName) } : {}) });
      });
    }
  }

  // --- this year's call ---

  private planThisYearsCall(): void {
    const t = this.t;
    const r = t.earlierRound;
    for (const o of NEW_PROVIDERS) this.register(o.name, o.kind, o.district, o, r.registerOn, r.verifyOn);
    this.register(PENDING_ORG.name, PENDING_ORG.kind, PENDING_ORG.district, PENDING_ORG, addWorkdays(t.workday, -1), null);
    this.d.schedule(this.d.at(addDays(t.call.opensOn, -7), '09:00'), 'this year\'s call', async () => {
      await this.d.call('bureau', 'declarations', 'openCall', { year: t.call.year, title: `${t.call.year} 年度杭州市公共法律服务产品申报公告`, opensOn: t.call.opensOn, closesOn: t.call.closesOn, notice: CALL_NOTICE });
    });
    const at = (stage: NewDeclaration['stage']) => NEW_DECLARATIONS.filter((n) => n.stage === stage);
    const index = (n: NewDeclaration) => 100 + NEW_DECLARATIONS.indexOf(n);

    // The earlier round: reviewed, in publicity, published (one did not pass).
    const earlier = [...at('published'), ...at('not-passed')];
    for (const [k, n] of earlier.entries()) {
      const draftOn = addWorkdays(r.draftFrom, k);
      this.declare(n, index(n), draftOn, addWorkdays(draftOn, 3), { answersNeeds: n.answersNeeds });
      this.review(n.name, n.purchaseMethod, n.target, r);
    }
    const publishedNames = () => at('published').map((n) => n.name);
    this.publicity(
      publishedNames,
      r.publicityStartsOn,
      COMMENTS_EARLIER.map((c, k) => ({ ...c, on: addWorkdays(r.publicityStartsOn, 1 + k), by: 40 + k, answer: { disposition: c.disposition, reply: c.reply, on: addWorkdays(r.publicityStartsOn, 5) } })),
      r.closeOn,
    );
    this.publish(publishedNames, r.publishOn);

    // In publicity now: comments since it started, some answered (shown once the window closes), some not yet.
    const p = t.publicityRound;
    for (const [k, n] of at('in-publicity').entries()) {
      const draftOn = addWorkdays(p.submitOn, -3 - k);
      this.declare(n, index(n), draftOn, p.submitOn);
      this.review(n.name, n.purchaseMethod, n.target, { ...p, confirmOn: p.confirmOn });
    }
    const windowDays = countWorkdays(p.startsOn, t.workday);
    this.publicity(
      () => at('in-publicity').map((n) => n.name),
      p.startsOn,
      COMMENTS_NOW.map((c, k) => {
        const on = addWorkdays(p.startsOn, k % Math.max(1, windowDays));
        return { ...c, on: on > t.today ? t.today : on, by: k === 0 ? 0 : 45 + k, answer: c.answer ? { ...c.answer, on: t.workday } : undefined };
      }),
      null,
    );

    // Proposed (拟定): passed review after this batch went to publicity; waits for the next.
    for (const n of at('proposed')) {
      this.declare(n, index(n), addWorkdays(t.proposed.submitOn, -2), t.proposed.submitOn, { answersNeeds: n.answersNeeds });
      const scoreFrom = addWorkdays(t.proposed.drawOn, 1);
      this.review(n.name, n.purchaseMethod, n.target, { drawOn: t.proposed.drawOn, scoreFrom, scoreTo: addWorkdays(scoreFrom, 3), panelConfirmOn: addWorkdays(scoreFrom, 4), confirmOn: t.proposed.confirmOn });
    }

    // In review: four sheets in, one expert's pending (a draft saved); a panel member asked for material, supplied;
    // a review meeting is set for next week.
    const ir = t.inReview;
    for (const n of at('in-review')) {
      this.declare(n, index(n), addWorkdays(ir.submitOn, -2), ir.submitOn);
      let members: string[] = [];
      this.review(n.name, n.purchaseMethod, n.target, { drawOn: ir.drawOn, scoreFrom: addWorkdays(ir.drawOn, 1), scoreTo: addWorkdays(ir.drawOn, 3), panelConfirmOn: ir.drawOn, confirmOn: null }, { pending: true, onDrawn: (m) => (members = m) });
      let askId = '';
      let requestId = '';
      this.d.schedule(this.d.at(ir.askOn, '09:40'), `ask for material on ${n.name}`, async () => {
        const asker = this.experts.find((e) => e.expertId === members[0])!;
        ({ askId } = await this.d.call<{ askId: string }>(asker.person, 'reviews', 'askMaterials', { declarationId: this.declarations.get(n.name), itemKey: 'provider.coverage', note: '请补充签约律师名单和每季度上门服务的排班表。' }));
      });
      this.d.schedule(this.d.at(ir.askOn, '14:00'), `forward the ask on ${n.name}`, async () => {
        await this.d.call('bureau', 'reviews', 'decideAsk', { askId, forward: true, dueOn: addWorkdays(ir.askOn, 3), reason: '转交申报单位补充' });
        const d = await this.d.call<{ materialRequests: { requestId: string }[] }>('bureau', 'declarations', 'get', { declarationId: this.declarations.get(n.name) });
        requestId = d.materialRequests[0].requestId;
      });
      this.d.schedule(this.d.at(ir.askOn, '16:00'), `review meeting for ${n.name}`, async () => {
        await this.d.call('bureau', 'reviews', 'scheduleMeeting', { declarationIds: [this.declarations.get(n.name)], at: ir.meetingAt, place: '杭州市司法局 3 楼第一会议室', presentMinutes: 15 });
      });
      this.d.schedule(this.d.at(ir.suppliedOn, '10:30'), `supply material for ${n.name}`, async () => {
        const staff = this.org(n.provider).staff;
        const file = await this.d.upload(staff, '签约律师名单及上门排班表.pdf', demoPdf('Lawyer roster and visit schedule (demo)'));
        await this.d.call(staff, 'declarations', 'supplyMaterials', { declarationId: this.declarations.get(n.name), requestId, text: '已补充签约律师 12 名的名单及全年上门排班表。', attachments: [file] });
      });
      this.d.schedule(this.d.at(ir.draftSheetOn, '21:10'), `draft sheet on ${n.name}`, async () => {
        const expert = this.experts.find((e) => e.expertId === members[4])!;
        const items = sheetItems(88, n.purchaseMethod, seeded(`draft:${n.name}`));
        const half = Object.fromEntries(Object.entries(items).slice(0, 8));
        await this.d.call(expert.person, 'reviews', 'saveScoresheet', { declarationId: this.declarations.get(n.name), items: half, attributes: { public: 'meets' }, comment: '' });
        this.accounts.push({ role: '评审专家', who: expert.name, token: expert.person.token, sees: `“${n.name}”的评分表还没提交（已存草稿）` });
      });
    }

    // Submitted, not yet reviewed; and two drafts: the demo applicant's own (half written), and one waiting for the
    // association's recommendation.
    for (const n of at('submitted')) this.declare(n, index(n), addWorkdays(t.submittedOn, -3), t.submittedOn);
    for (const n of at('draft')) this.declare(n, index(n), t.draftOn, null, { leaveOut: DRAFT_LEAVES_OUT });
    for (const n of at('awaiting-endorsement')) this.declare(n, index(n), t.draftOn, null);

    // The demo sign-ins, once everyone exists.
    this.d.schedule(this.d.at(t.today, '23:59'), 'demo accounts', async () => {
      const applicant = this.org(DEMO_PRODUCTS[STORY.demoApplicant].provider);
      this.accounts.unshift(
        { role: '申报单位', who: applicant.name, token: applicant.staff.token, sees: '草稿、公示中的申报、待答复的差评、待确认的采购' },
        { role: '行业协会', who: this.association.name, token: this.association.staff.token, sees: '会员单位、记录的信用信息、待推荐的申报' },
        { role: '测评机构', who: ASSESSORS.thirdParty.name, token: this.assessorOrgs.get('thirdParty')!.person.token, sees: `${t.lastYear} 年度测评任务和测评记录` },
        { role: '采购单位', who: PURCHASER.name, token: this.purchaser.person.token, sees: '已确认和待确认的采购' },
        { role: '市民', who: '一位服务对象', token: (await this.citizen(0)).token, sees: '处理中的不满意评价、对公示产品提的意见' },
      );
    });
  }

  // --- promotion ---

  private planFeatures(): void {
    const t = this.t;
    this.d.schedule(this.d.at(t.featureOn, '10:00'), 'featured products', async () => {
      for (const audience of AUDIENCE_GROUPS) {
        const { items } = await this.d.call<{ items: { productId: string }[] }>('bureau', 'catalogue', 'search', { audience, limit: 3 });
        for (const item of items) await this.d.call('bureau', 'catalogue', 'feature', { productId: item.productId, audience, until: t.featureUntil });
      }
    });
  }
}

const CALL_NOTICE = '面向全市法律服务机构、企事业单位和社会组织，公开征集公共法律服务产品。可自行申报，也可由法律服务行业协会推荐。申报材料按《公共法律服务产品说明书》填写，评审标准同时公开。';

function max(a: string, b: string): string {
  return a > b ? a : b;
}

/** A Saturday between two dates (the first one). */
function saturdayIn(from: string, to: string): string {
  for (let d = from; d <= to; d = addDays(d, 1)) if (new Date(`${d}T12:00:00+08:00`).getUTCDay() === 6) return d;
  return from;
}

/** The share of this year gone by today. */
function yearShare(today: string): number {
  const start = Date.parse(`${today.slice(0, 4)}-01-01T00:00:00Z`);
  return Math.min(1, (Date.parse(`${today}T00:00:00Z`) - start) / (365 * 86_400_000));
}
