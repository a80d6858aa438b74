/**
 * The catalogue is public: the seed publishes it for 广大市民、企事业单位、社会组织 to choose from,
 * and opens it to the provincial network. Promotion (推介) is the bureau's.
 */
import { anyone, isAdmin } from '../_lib/rules';

export const cataloguePermissions = {
  searchCatalogue: anyone,
  readProduct: anyone,
  readFeatured: anyone,
  exportCatalogue: anyone,
  makePoster: anyone,
  /** 目录动态调整, in public: every version and its difference, and the catalogue on any past date. */
  readVersions: anyone,
  featureProduct: isAdmin,
  /** 由市司法局正式发文公布. */
  publishProducts: isAdmin,
};
