import type { EventView } from '../../types/actions/supervision';
import { ASSOCIATION_KINDS, DEFAULT_CREDIT_KINDS, DOCUMENT_REQUIRED_KINDS, publicUntil, type CreditEventDoc, type CreditEventKind } from '../../types/credit';
import { appendAudit } from '../_lib/audit';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { forbidden, invalid, notFound } from '../_lib/errors';
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
    if (!isMemberOf(org, association._id)) throw forbidden(`“${org.name}”不是本协会的会员单位，协会只能为本会会员记录信用信息`);
    if (!ASSOCIATION_KINDS.includes(input.kind))
      throw forbidden(`${DEFAULT_CREDIT_KINDS[input.kind].label}由市司法局依法作出和记录，行业协会可以记录${ASSOCIATION_KINDS.map((k) => DEFAULT_CREDIT_KINDS[k].label).join('、')}`);
    recordedByOrgId = association._id;
    recordedByName = association.name;
  }
  const rules = await loadRules(ctx.store);
  const kind = rules.kinds[input.kind];
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
    await tx.insert(COLLECTIONS.creditEvents, doc);
    await appendAudit(tx, ctx, { collection: COLLECTIONS.creditEvents, recordId: doc._id, change: { recorded: true, orgId: doc.orgId, kind: doc.kind, occurredOn: doc.occurredOn, publicUntil: doc.publicUntil, by: recordedByOrgId ?? 'bureau' } });
  });
  return toEventView(doc, today, ctx.caller);
}
