/** Builds the stored catalogue entry from a specification and its publication. */
import { AUDIENCE_GROUPS, AUDIENCE_GROUP_WORDS, type AudienceGroup } from '../../types/domain';
import type { ProductDoc, RatingSummaryLite } from '../../types/product';
import type { Spec } from '../../types/spec';
import { GRADE_RANK, type Grade } from '../../types/assessment';

export interface Publication {
  productId: string;
  declarationId: string | null;
  orgId: string | null;
  documentNumber: string;
  publishedOn: string;
}

export function audienceGroupsOf(spec: Pick<Spec, 'name' | 'summary' | 'content'>): AudienceGroup[] {
  const text = `${spec.name}\n${spec.summary}\n${spec.content.audience}`;
  return AUDIENCE_GROUPS.filter((g) => AUDIENCE_GROUP_WORDS[g].some((w) => text.includes(w)));
}

/** `1|09500|000000012|<sortKey>`: rated before unrated, then by satisfaction rate, then by count, then newest. */
export function ratingKeyOf(rating: RatingSummaryLite, sortKey: string): string {
  const rated = rating.count > 0 && rating.satisfactionRate !== null;
  const rate = rated ? Math.round(rating.satisfactionRate! * 10000) : 0;
  return `${rated ? 1 : 0}|${String(rate).padStart(5, '0')}|${String(rating.count).padStart(9, '0')}|${sortKey}`;
}

/** `4|09123|<sortKey>`: graded before ungraded, then by grade, then by score; ends with sortKey (a total order). */
export function gradeKeyOf(grade: { grade: Grade; score: number } | null | undefined, sortKey: string): string {
  return grade ? `${GRADE_RANK[grade.grade]}|${String(Math.round(grade.score * 100)).padStart(5, '0')}|${sortKey}` : `0|00000|${sortKey}`;
}

export function buildProductDoc(spec: Spec, pub: Publication): ProductDoc {
  const sortKey = `${pub.publishedOn}|${pub.productId}`;
  const rating: RatingSummaryLite = { count: 0, satisfactionRate: null };
  const audienceGroups = audienceGroupsOf(spec);
  return {
    _id: pub.productId,
    declarationId: pub.declarationId,
    orgId: pub.orgId,
    status: 'listed',
    spec,
    name: spec.name,
    category: spec.category,
    purchaseMethod: spec.purchaseMethod,
    district: spec.publicInfo.district,
    providerName: spec.cover.applicantName,
    documentNumber: pub.documentNumber,
    publishedOn: pub.publishedOn,
    sortKey,
    audienceGroups,
    ratingKey: ratingKeyOf(rating, sortKey),
    gradeKey: gradeKeyOf(null, sortKey),
    rating,
  };
}
