/**
 * This API's OpenAPI description (`GET /hsds/openapi.json`, the `openapi_url` of `GET /hsds/`): the HSDS 3.0 API's
 * paths that the catalogue serves, with their parameters, answering with the specification's own compiled schemas.
 */
import { HSDS_PAGE, HSDS_VERSION } from '../../types/hsds';

const SCHEMA = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled';
const param = (name: string, description: string, type: string, extra: Record<string, unknown> = {}) => ({ name, in: 'query', required: false, description, schema: { type, ...extra } });
const PAGING = [
  param('page', 'Page number, from 1.', 'integer', { minimum: 1 }),
  param('per_page', `Items per page (default ${HSDS_PAGE.default}, at most ${HSDS_PAGE.max}).`, 'integer', { minimum: 1, maximum: HSDS_PAGE.max }),
  param('format', '`json` (default, paginated) or `ndjson` (every result, one per line, no pagination).', 'string', { enum: ['json', 'ndjson'] }),
];
const FILTERS = [
  param('search', 'Every word (space-separated) appears in the service name, description, audience, provider, district or category.', 'string'),
  param('organization_id', 'Services of this organization.', 'string', { format: 'uuid' }),
  param('taxonomy_term_id', 'Services with this taxonomy term (category, purchase method or audience group).', 'string', { format: 'uuid' }),
  param('taxonomy_id', 'Services with any term of this taxonomy.', 'string', { format: 'uuid' }),
  param('modified_after', 'Services changed on or after this date-time (ISO 8601; a date alone is Asia/Shanghai midnight).', 'string', { format: 'date-time' }),
];
const page = (item: string) => ({ allOf: [{ $ref: '#/components/schemas/Page' }], properties: { contents: { type: 'array', items: { $ref: `${SCHEMA}/${item}` } } } });
const ok = (schema: unknown, description: string) => ({ 200: { description, content: { 'application/json': { schema } } }, 400: { description: 'A parameter is not valid: `{ error: { code, message, issues } }`.' }, 404: { description: 'No such record.' }, 429: { description: 'Too many requests from this address (Retry-After).' } });
const byId = (what: string, schema: string) => ({
  parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'string', format: 'uuid' } }],
  get: { summary: `One ${what} by id.`, responses: ok({ $ref: `${SCHEMA}/${schema}` }, `The ${what}.`) },
});

export function openApiDocument(apiBase: string | null) {
  return {
    openapi: '3.1.0',
    info: {
      title: '杭州市公共法律服务产品目录 — HSDS 3.0 API',
      version: '1.0.0',
      summary: 'The Hangzhou public legal service products catalogue as Open Referral HSDS 3.0 (read-only).',
      description: 'Public data only: listed, suspended (temporarily closed) and exited (defunct) products, and the verified organisations that provide them. Field mapping: docs/hsds.md in the project.',
      contact: { name: '杭州市司法局' },
      license: { name: 'Public government information (政府信息公开)' },
    },
    ...(apiBase ? { servers: [{ url: `${apiBase}/hsds` }] } : {}),
    'x-hsds-version': HSDS_VERSION,
    paths: {
      '/': { get: { summary: 'This API and its relationship with HSDS.', responses: ok({ type: 'object', properties: { version: { type: 'string' }, profile: { type: 'string' }, openapi_url: { type: 'string' } } }, 'About this API.') } },
      '/services': { get: { summary: 'Services (one-to-one fields; `full=true` nests everything; `minimal=true` gives id and last_modified).', parameters: [...PAGING, ...FILTERS, param('minimal', 'Only id and last_modified.', 'boolean'), param('full', 'Fully nested services.', 'boolean')], responses: ok(page('service_list.json'), 'A page of services.') } },
      '/services/{id}': byId('fully nested service', 'service.json'),
      '/organizations': { get: { summary: 'Verified organizations that provide services.', parameters: [...PAGING, param('search', 'Part of the name.', 'string'), param('full', 'Nested.', 'boolean'), param('full_service', 'With their services fully nested.', 'boolean')], responses: ok(page('organization_list.json'), 'A page of organizations.') } },
      '/organizations/{id}': { ...byId('organization', 'organization.json'), get: { summary: 'One organization by id.', parameters: [param('full_service', 'With its services fully nested.', 'boolean')], responses: ok({ $ref: `${SCHEMA}/organization.json` }, 'The organization.') } },
      '/taxonomies': { get: { summary: 'The taxonomies: category, purchase method, audience group.', parameters: [...PAGING, param('search', 'Part of the name.', 'string')], responses: ok(page('../taxonomy.json'), 'A page of taxonomies.') } },
      '/taxonomies/{id}': byId('taxonomy', '../taxonomy.json'),
      '/taxonomy_terms': { get: { summary: 'Taxonomy terms (flat: no term has a parent).', parameters: [...PAGING, param('search', 'Part of the name.', 'string'), param('taxonomy_id', 'Terms of this taxonomy.', 'string', { format: 'uuid' }), param('top_only', 'Every term is a top-level one.', 'boolean'), param('parent_id', 'No term has children: always empty.', 'string', { format: 'uuid' })], responses: ok(page('../taxonomy_term.json'), 'A page of taxonomy terms.') } },
      '/taxonomy_terms/{id}': byId('taxonomy term', '../taxonomy_term.json'),
      '/service_at_locations': { get: { summary: 'Each service at its service point.', parameters: [...PAGING, ...FILTERS, param('full', 'Nested.', 'boolean')], responses: ok(page('service_at_location_list.json'), 'A page of services at locations.') } },
      '/service_at_locations/{id}': byId('service at location', 'service_at_location.json'),
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          properties: {
            total_items: { type: 'integer' },
            total_pages: { type: 'integer' },
            page_number: { type: 'integer' },
            size: { type: 'integer' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean' },
          },
        },
      },
    },
  };
}
