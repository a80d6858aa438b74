import type { EventView } from '../../types/actions/supervision';
import { ASSOCIATION_EVENT_CAP, ASSOCIATION_KINDS, DEFAULT_CREDIT_KINDS, DOCUMENT_REQUIRED_KINDS, earliestOccurredOn, publicUntil, type CreditEventDoc, type CreditEventKind } from '../../types/credit';
import { orgStatusOf, type OrgDoc as RegisteredOrg } from '../../types/org';
import { appendAudit } from '../_lib/audit';
import { notify } from '../_lib/notify';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { conflict, forbidden, invalid, notFound } from '../_lib/errors';
import { newId } from '../_lib/ids';
import { isAdmin } from '../_lib/rules';
import type { OrgDoc } from '../admin/createInvite';
import { toEventView } from './eventView';
import { callerAssociation, isMemberOf } from './members';
import { loadRules } from './rules';

interface Input {
  orgId: string;
  practitionerName?: string;
  kind: CreditEventKind;
  occurredOn: string;
  title: string;
  documentNumber?: string;
  evidence: string;
}

/**
 * 监管: the bureau, or a trade association for its own members, records an event that affects an organisation's
 * credit. Its publicity period comes from the rules in force and is kept on the event. The organisation sees it at
 * once in its own list and may add its statement.
 *
 * Issue 21: only a verified association records; it records at most ASSOCIATION_EVENT_CAP events of one kind about one
 * member for one year (counted in the store, in the recording transaction); and no event older than its kind's
 * publicity period allows (it would never be public) is recorded.
 */
export async function recordEvent(input: Input, ctx: Ctx): Promise<EventView> {
  const today = ctx.clock.today();
  if (input.occurredOn > today) throw invalid('发生日期不能晚于今天', [{ path: 'occurredOn', message: '发生日期不能晚于今天' }]);
  if (DOCUMENT_REQUIRED_KINDS.includes(input.kind) && !input.documentNumber?.trim()) {
    const message = `${DEFAULT_CREDIT_KINDS[input.kind].label}须依据处理决定，请填写决定书文号`;
    throw invalid(message, [{ path: 'documentNumber', message }]);
  }
  const org = await ctx.store.get<OrgDoc>(COLLECTIONS.orgs, input.orgId);
  if (!org) throw notFound('没有找到这个单位');
  let recordedByOrgId: string | null = null;
  let recordedByName = '杭州市司法局';
  if (!isAdmin(ctx.caller)) {
    const association = await callerAssociation(ctx.store, ctx.caller);
    if (!association) throw forbidden('只有市司法局或行业协会可以记录信用信息');
    if (orgStatusOf(association as Pick<RegisteredOrg, 'status'>) !== 'verified') throw forbidden(`“${association.name}”尚未通过市司法局核验，核验通过后才能记录信用信息`);
    if (!isMemberOf(org, association._id)) throw forbidden(`“${org.name}”不是本协会的会员单位，协会只能为本会会员记录信用信息`);
    if (!ASSOCIATION_KINDS.includes(input.kind))
      throw forbidden(`${DEFAULT_CREDIT_KINDS[input.kind].label}由市司法局依法作出和记录，行业协会可以记录${ASSOCIATION_KINDS.map((k) => DEFAULT_CREDIT_KINDS[k].label).join('、')}`);
    recordedByOrgId = association._id;
    recordedByName = association.name;
  }
  const rules = await loadRules(ctx.store);
  const kind = rules.kinds[input.kind];
  const earliest = earliestOccurredOn(today, kind.publicityMonths);
  if (input.occurredOn < earliest) {
    const message = `${kind.label}的公示期为 ${kind.publicityMonths} 个月，发生日期不能早于 ${earliest}（更早发生的已过公示期，不再记录）`;
    throw invalid(message, [{ path: 'occurredOn', message }]);
  }
  const doc: CreditEventDoc = {
    _id: newId('ce'),
    orgId: org._id,
    orgName: org.name,
    practitionerName: input.practitionerName ?? null,
    kind: input.kind,
    polarity: kind.polarity,
    severity: kind.severity,
    rulesVersion: rules.version,
    publicityMonths: kind.publicityMonths,
    occurredOn: input.occurredOn,
    publicUntil: publicUntil(input.occurredOn, kind.publicityMonths),
    title: input.title,
    documentNumber: input.documentNumber ?? null,
    evidence: input.evidence,
    recordedBy: ctx.caller.userId,
    recordedByOrgId,
    recordedByName,
    recordedAt: ctx.clock.now().toISOString(),
    statement: null,
    revoked: null,
  };
  await ctx.store.transaction(async (tx) => {
    if (recordedByOrgId) {
      const year = input.occurredOn.slice(0, 4);
      const capId = `creditcap:${recordedByOrgId}:${org._id}:${input.kind}:${year}`;
      const recorded = (await tx.get<{ _id: string; count: number }>(COLLECTIONS.counters, capId))?.count ?? 0;
      if (recorded >= ASSOCIATION_EVENT_CAP.perKindPerYear)
        throw conflict(`本协会已为“${org.name}”记录了 ${recorded} 条 ${year} 年的${kind.label}，每家会员单位每年每类最多 ${ASSOCIATION_EVENT_CAP.perKindPerYear} 条；如确有更多，请报市司法局记录`);
      await tx.set(COLLECTIONS.counters, capId, { count: recorded + 1 });
    }
    await tx.insert(COLLECTIONS.creditEvents, doc);
    // Issue 24: the organisation named hears of it in its inbox (and may add its statement there).
    await notify(tx, ctx, {
      to: { orgId: org._id },
      kind: 'creditRecorded',
      recordId: doc._id,
      body: `${recordedByName}记录了一条${kind.label}：${input.title}（${input.occurredOn}）。公示至 ${doc.publicUntil}，单位可以在“本单位信用信息”中说明情况`,
      link: `/packages/supervision/pages/mine/index?event=${doc._id}`,
    });
    await appendAudit(tx, ctx, { collection: COLLECTIONS.creditEvents, recordId: doc._id, change: { recorded: true, orgId: doc.orgId, kind: doc.kind, occurredOn: doc.occurredOn, publicUntil: doc.publicUntil, by: recordedByOrgId ?? 'bureau' } });
  });
  return toEventView(doc, today, ctx.caller);
}
