/** What callers are shown of a declaration. */
import type { DeclarationDoc, DeclarationListItem, DeclarationView } from '../../types/declaration';
import { CATEGORIES } from '../../types/domain';
import { SPEC_FIELDS, readField } from '../../types/spec';

export function toDeclarationView(d: DeclarationDoc): DeclarationView {
  const { _id, createdBy: _c, ...rest } = d;
  return { declarationId: _id, ...rest };
}

/** Share of the specification's required fields that hold something (optional ones, such as coordinates, do not count). */
export function completeness(spec: unknown): number {
  const required = SPEC_FIELDS.filter((f) => !f.optional);
  const filled = required.filter((f) => {
    const v = readField(spec, f.key);
    return typeof v === 'string' && v.trim() !== '';
  }).length;
  return Math.round((filled / required.length) * 100) / 100;
}

export function toDeclarationListItem(d: DeclarationDoc): DeclarationListItem {
  return {
    declarationId: d._id,
    callId: d.callId,
    name: d.name,
    applicantName: typeof d.spec.cover?.applicantName === 'string' ? d.spec.cover.applicantName : null,
    status: d.status,
    // A draft may hold a value that is not a category yet (saved whatever its state): lists show none then.
    category: d.spec.category && (CATEGORIES as readonly string[]).includes(d.spec.category) ? d.spec.category : null,
    updatedAt: d.updatedAt,
    submittedAt: d.submittedAt,
    completeness: completeness(d.spec),
    openMaterialRequests: d.materialRequests.filter((r) => !r.response).length,
    recommender: d.recommender,
    endorsed: !!d.endorsement,
  };
}
