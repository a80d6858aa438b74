/** The whole API as types, for the typed client: function → action → [input, output]. */
import type { AdminApi } from './actions/admin';
import type { AssessmentsApi } from './actions/assessments';
import type { AuthApi } from './actions/auth';
import type { CatalogueApi } from './actions/catalogue';
import type { DeclarationsApi } from './actions/declarations';
import type { OrgsApi } from './actions/orgs';
import type { PublicityApi } from './actions/publicity';
import type { RatingsApi } from './actions/ratings';
import type { ReviewsApi } from './actions/reviews';
import type { NotifyApi } from './actions/notify';
import type { ProcurementApi } from './actions/procurement';
import type { NeedsApi } from './actions/needs';
import type { SupervisionApi } from './actions/supervision';

export interface Api {
  auth: AuthApi;
  admin: AdminApi;
  catalogue: CatalogueApi;
  declarations: DeclarationsApi;
  reviews: ReviewsApi;
  publicity: PublicityApi;
  ratings: RatingsApi;
  notify: NotifyApi;
  orgs: OrgsApi;
  supervision: SupervisionApi;
  assessments: AssessmentsApi;
  procurement: ProcurementApi;
  needs: NeedsApi;
}
/** Bulk actions' answer (issue 22): one outcome per selected record. */
export type { BulkOutcome, BulkResult } from './bulk';
/** The bureau's to-do list (admin.todo). */
export type { TodoItem, TodoKind, TodoResult } from './todo';
/** Whether 评审组确认结果 can succeed now (reviews.panel, reviews.result). */
export type { CanConfirm, ReviewResultView } from './review';
export type { AssessorView } from './actions/assessments';
export type { DraftDefaults } from './actions/declarations';

export type ApiInput<F extends keyof Api, A extends keyof Api[F]> = Api[F][A] extends [infer I, unknown] ? I : never;
export type ApiOutput<F extends keyof Api, A extends keyof Api[F]> = Api[F][A] extends [unknown, infer O] ? O : never;
