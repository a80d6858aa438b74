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
  orgs: OrgsApi;
  supervision: SupervisionApi;
  assessments: AssessmentsApi;
  procurement: ProcurementApi;
  needs: NeedsApi;
}
export type ApiInput<F extends keyof Api, A extends keyof Api[F]> = Api[F][A] extends [infer I, unknown] ? I : never;
export type ApiOutput<F extends keyof Api, A extends keyof Api[F]> = Api[F][A] extends [unknown, infer O] ? O : never;
