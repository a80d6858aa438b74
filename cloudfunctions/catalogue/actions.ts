import { catalogueSchemas } from '../../types/actions/catalogue';
import { action, defineFunction } from '../_lib/router';
import { listVersions, readVersion } from './catalogueChanges';
import { exportCatalogue } from './exportCatalogue';
import { featureProduct, unfeatureProduct } from './featureProduct';
import { getProduct } from './getProduct';
import { listFeatured } from './listFeatured';
import { makePoster } from './makePoster';
import { cataloguePermissions as can } from './permissions';
import { publishProducts } from './publishProducts';
import { searchCatalogue } from './searchCatalogue';
import { productTimeline } from './timeline';

export const catalogueFunction = defineFunction('catalogue', {
  search: action({ input: catalogueSchemas.search, allow: can.searchCatalogue, run: searchCatalogue }),
  get: action({ input: catalogueSchemas.get, allow: can.readProduct, run: getProduct }),
  featured: action({ input: catalogueSchemas.featured, allow: can.readFeatured, run: listFeatured }),
  export: action({ input: catalogueSchemas.export, allow: can.exportCatalogue, run: exportCatalogue }),
  poster: action({ input: catalogueSchemas.poster, allow: can.makePoster, run: makePoster }),
  feature: action({ input: catalogueSchemas.feature, allow: can.featureProduct, run: featureProduct }),
  unfeature: action({ input: catalogueSchemas.unfeature, allow: can.featureProduct, run: unfeatureProduct }),
  publish: action({ input: catalogueSchemas.publish, allow: can.publishProducts, run: publishProducts }),
  timeline: action({ input: catalogueSchemas.timeline, allow: can.readProduct, run: productTimeline }),
  versions: action({ input: catalogueSchemas.versions, allow: can.readVersions, run: listVersions }),
  version: action({ input: catalogueSchemas.version, allow: can.readVersions, run: readVersion }),
});
