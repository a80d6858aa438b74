import { catalogueSchemas } from '../../types/actions/catalogue';
import { action, defineFunction } from '../_lib/router';
import { getProduct } from './getProduct';
import { cataloguePermissions as can } from './permissions';
import { searchCatalogue } from './searchCatalogue';

export const catalogueFunction = defineFunction('catalogue', {
  search: action({ input: catalogueSchemas.search, allow: can.searchCatalogue, run: searchCatalogue }),
  get: action({ input: catalogueSchemas.get, allow: can.readProduct, run: getProduct }),
});
