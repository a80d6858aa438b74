/** A product in the catalogue (目录库): what the store keeps and what citizens are shown. */
import type { AudienceGroup, Category, ProductStatus, PurchaseMethod } from './domain';
import type { Spec } from './spec';
import type { Grade } from './assessment';
import type { Point } from './geo';

export interface RatingSummaryLite {
  count: number;
  /** 满意率 (types/rating.ts SATISFACTION_NAME: 满意 or better), 0..1; null without ratings. */
  satisfactionRate: number | null;
}

/** The stored catalogue entry. Fields beside `spec` are denormalised for querying. */
export interface ProductDoc {
  _id: string;
  declarationId: string | null;
  orgId: string | null;
  status: ProductStatus;
  spec: Spec;
  name: string;
  category: Category;
  purchaseMethod: PurchaseMethod;
  district: string;
  providerName: string;
  documentNumber: string;
  publishedOn: string;
  /** `publishedOn|_id`: a total order for keyset paging. */
  sortKey: string;
  /** The promotion groups the product serves, derived from its audience and summary. */
  audienceGroups: AudienceGroup[];
  /** Orders by rating, best first when sorted descending; ends with sortKey so it is a total order. */
  ratingKey: string;
  rating: RatingSummaryLite;
  /** Issue 13: the association that recommended it (组织推荐), by name. */
  recommendedBy?: string | null;
  /** Issue 12: while suspended (暂停), why and since when; null or absent otherwise. */
  suspension?: { since: string; reason: string } | null;
  /** Issue 12: the exit (退出目录) by an official document. */
  exit?: { documentNumber: string; on: string; reason: string; recordedAt: string } | null;
  /** The latest published assessment grade (issue 11), and its sort key (graded first, best first). */
  grade?: ProductGrade;
  gradeKey?: string;
}

export interface ProductGrade {
  year: number;
  grade: Grade;
  score: number;
  /** Issue 21: the bureau carried this grade over from that year's assessment (the year's evidence was insufficient). */
  carriedFrom?: number;
}

/** One row of the catalogue list. */
export interface ProductListItem {
  productId: string;
  name: string;
  category: Category;
  purchaseMethod: PurchaseMethod;
  /** The declared 服务价格, so a card can say what the person pays (types/cost.ts). */
  price: string;
  summary: string;
  providerName: string;
  district: string;
  publishedOn: string;
  audienceGroups: AudienceGroup[];
  rating: RatingSummaryLite;
  grade?: ProductGrade;
  /**
   * Issue 24: how far the service point is from the search's `near` point, when the search carried one. `approximate`:
   * the product has no coordinates, so its district's centre stands in.
   */
  distance?: { km: number; approximate: boolean };
}

/** The citizen-facing product page: public fields only, never the applicant's internal ones. */
export interface PublicProduct extends ProductListItem, CatalogueStanding {
  provider: { name: string; district: string; address: string; phone: string; hours: string };
  documentNumber: string;
  /** Public specification fields by dotted key (see PUBLIC_SPEC_FIELDS). */
  details: Record<string, string>;
  /** The recommending association's name, for a product declared by 组织推荐. */
  recommendedBy: string | null;
  /** Issue 24: the service point (WGS-84), when the provider gave it: the page's 导航. */
  place: Point | null;
}

/** Issue 12: a product's place in the catalogue as the public sees it: listed, suspended (暂停) or exited (已退出目录). */
export interface CatalogueStanding {
  status: ProductStatus;
  exit: { documentNumber: string; on: string; reason: string } | null;
  suspension: { since: string; reason: string } | null;
}
