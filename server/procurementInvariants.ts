/**
 * Issue 16's invariants: a product's purchase counters equal its records; a merged need points at an existing need;
 * one support per person per need, and a need's count equals its supports.
 */
import { counterId, offersOf, opinionStatusOf, type CustomRequestDoc, type OpinionDoc, type ProcurementCounterDoc, type ProcurementDoc } from '../types/procurement';
import { supportId, supportKeyOf, type NeedDoc, type NeedSupportDoc } from '../types/needs';
import type { FindingDoc } from '../types/assessment';
import { COLLECTIONS } from '../cloudfunctions/_lib/collections';
import type { HasId, Store } from '../cloudfunctions/_lib/store/port';

type All = <T extends HasId>(store: Store, collection: string) => Promise<T[]>;

export async function checkProcurement(store: Store, all: All): Promise<string[]> {
  const problems: string[] = [];
  const records = await all<ProcurementDoc>(store, COLLECTIONS.procurements);
  const counters = new Map((await all<ProcurementCounterDoc>(store, COLLECTIONS.procurementCounters)).map((c) => [c._id, c]));
  const expected = new Map<string, { recorded: number; confirmed: number; units: Set<string>; fen: number }>();
  for (const r of records) {
    if (!(r.amountFen > 0) || !Number.isInteger(r.amountFen)) problems.push(`procurement ${r._id} has amount ${r.amountFen} fen`);
    if (r.to < r.from) problems.push(`procurement ${r._id} ends before it starts`);
    if (r.year !== Number(r.from.slice(0, 4))) problems.push(`procurement ${r._id} counted in year ${r.year}, not its start year`);
    const id = counterId(r.year, r.productId);
    const e = expected.get(id) ?? { recorded: 0, confirmed: 0, units: new Set<string>(), fen: 0 };
    e.recorded += 1;
    if (r.status === 'confirmed') [e.confirmed, e.fen] = [e.confirmed + 1, e.fen + r.amountFen], e.units.add(r.purchaserOrgId);
    expected.set(id, e);
  }
  for (const id of new Set([...expected.keys(), ...counters.keys()])) {
    const e = expected.get(id) ?? { recorded: 0, confirmed: 0, units: new Set<string>(), fen: 0 };
    const c = counters.get(id);
    const got = c ? [c.recorded, c.confirmed, [...c.unitOrgIds].sort().join(','), c.confirmedAmountFen] : [0, 0, '', 0];
    const want = [e.recorded, e.confirmed, [...e.units].sort().join(','), e.fen];
    if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`procurement counter ${id} is ${JSON.stringify(got)}, its records say ${JSON.stringify(want)}`);
  }
  const byId = new Map(records.map((r) => [r._id, r]));
  for (const q of await all<CustomRequestDoc>(store, COLLECTIONS.customRequests)) {
    if (q.status === 'accepted' && (!q.procurementId || byId.get(q.procurementId)?.customRequestId !== q._id)) problems.push(`tailoring request ${q._id} accepted without its procurement record`);
    // Issue 21: offers are numbered 1…n, the request shows the last, and an acceptance is of the last at its price.
    const offers = offersOf(q);
    if (offers.some((o, i) => o.version !== i + 1)) problems.push(`tailoring request ${q._id} has offers out of order`);
    const last = offers[offers.length - 1];
    if (last && (q.terms !== last.terms || q.priceFen !== last.priceFen)) problems.push(`tailoring request ${q._id} shows other terms than its last offer`);
    if (q.status !== 'asked' && !last) problems.push(`tailoring request ${q._id} is ${q.status} without an offer`);
    if (q.status === 'accepted' && q.offers && (q.acceptedVersion !== last?.version || (q.procurementId && byId.get(q.procurementId)?.amountFen !== last?.priceFen)))
      problems.push(`tailoring request ${q._id} was accepted at another price than its last offer`);
  }
  const findings = new Map((await all<FindingDoc>(store, COLLECTIONS.assessmentFindings)).map((f) => [f._id, f]));
  // Issue 21: a counted opinion is its purchaser finding and rests on a confirmed purchase (its year or the one before);
  // a held one has no finding and rests on a disputed purchase; void and lapsed ones have no finding.
  for (const o of await all<OpinionDoc>(store, COLLECTIONS.procurementOpinions)) {
    const status = opinionStatusOf(o);
    const basis = (s: ProcurementDoc['status']) => records.some((r) => r.purchaserOrgId === o.purchaserOrgId && r.productId === o.productId && r.status === s && (r.year === o.year || r.year === o.year - 1));
    if (status === 'counted') {
      const f = o.findingId ? findings.get(o.findingId) : undefined;
      if (!f || f.method !== 'purchaser' || f.productId !== o.productId || f.source?.id !== o._id) problems.push(`purchaser opinion ${o._id} has no matching purchaser finding`);
      if (!basis('confirmed')) problems.push(`purchaser opinion ${o._id} without a confirmed purchase`);
    } else if (o.findingId) problems.push(`purchaser opinion ${o._id} is ${status} but names a finding`);
    if (status === 'held' && !basis('disputed')) problems.push(`purchaser opinion ${o._id} is held without a disputed purchase`);
  }
  for (const r of records) {
    if ((r.status === 'void' || r.settlement) && (!r.settlement || r.settlement.reason.trim().length < 5)) problems.push(`procurement ${r._id} is ${r.status} without the bureau's ruling and its reason`);
    if (r.settlement && r.status !== (r.settlement.decision === 'stands' ? 'confirmed' : 'void')) problems.push(`procurement ${r._id} is ${r.status} against its ruling ${r.settlement.decision}`);
    if (r.status === 'disputed' && !r.note?.trim()) problems.push(`procurement ${r._id} is disputed without the provider's reason`);
  }

  const needs = new Map((await all<NeedDoc>(store, COLLECTIONS.needs)).map((n) => [n._id, n]));
  const supports = await all<NeedSupportDoc>(store, COLLECTIONS.needSupports);
  const perNeed = new Map<string, number>();
  for (const s of supports) {
    if (s._id !== supportId(s.needId, s.userId)) problems.push(`need support ${s._id} is not keyed by need and person (one per person)`);
    if (!needs.has(s.needId)) problems.push(`need support ${s._id} for a missing need`);
    perNeed.set(s.needId, (perNeed.get(s.needId) ?? 0) + 1);
  }
  for (const n of needs.values()) {
    if (n.mergedInto !== null) {
      const into = needs.get(n.mergedInto);
      if (!into) problems.push(`need ${n._id} is merged into a missing need ${n.mergedInto}`);
      else if (into.mergedInto) problems.push(`need ${n._id} is merged into ${into._id}, itself merged`);
      if (n.status !== 'merged') problems.push(`need ${n._id} is merged but its status is ${n.status}`);
    } else if (n.status === 'merged') problems.push(`need ${n._id} has status merged without a target`);
    if (n.supports !== (perNeed.get(n._id) ?? 0)) problems.push(`need ${n._id} counts ${n.supports} supports, ${perNeed.get(n._id) ?? 0} stored`);
    if (n.supportKey !== supportKeyOf(n.supports, n.createdAt, n._id)) problems.push(`need ${n._id} has a stale support key`);
    if (n.status === 'existing-product' && !n.productId) problems.push(`need ${n._id} points to an existing product without naming it`);
  }
  return problems;
}
