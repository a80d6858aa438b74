/** The catalogue is public: the seed publishes it for 广大市民、企事业单位、社会组织 to choose from. */
import { anyone } from '../_lib/rules';

export const cataloguePermissions = {
  searchCatalogue: anyone,
  readProduct: anyone,
};
