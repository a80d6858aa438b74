/**
 * What `npm run cloud:setup` makes a CloudBase environment hold, derived from the one list the code uses
 * (`cloudfunctions/_lib/collections.ts`): every collection, every index its queries need, and the database permission
 * "仅管理端可读写" (ADMINONLY: only cloud functions touch the data, never a client); and the open data's HTTP access
 * paths (`cloudfunctions/openData/httpAccess.ts`).
 */
import { COLLECTIONS, INDEXES } from '../../cloudfunctions/_lib/collections';
import { HTTP_ACCESS } from '../../cloudfunctions/openData/httpAccess';

export interface IndexPlan {
  name: string;
  /** Ascending keys, in order (CloudBase: MgoIndexKeys with Direction "1"). */
  fields: string[];
}
export interface CollectionPlan {
  name: string;
  indexes: IndexPlan[];
  permission: 'ADMINONLY';
}

/** CloudBase index names: letters, digits and underscores; one name per field list (a dotted path's dots become underscores). */
export const indexName = (fields: string[]) => `idx_${fields.join('_').replace(/\./g, '_')}`;

export function provisioningPlan(): CollectionPlan[] {
  return Object.values(COLLECTIONS).map((name) => ({
    name,
    indexes: (INDEXES[name] ?? []).map((fields) => ({ name: indexName(fields), fields })),
    permission: 'ADMINONLY' as const,
  }));
}

/** The HTTP access paths to create (public: the open data needs no CloudBase login). */
export function httpAccessPlan(): { path: string; fn: string }[] {
  return HTTP_ACCESS.map((a) => ({ ...a }));
}
