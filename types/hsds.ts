/**
 * Open Referral's Human Services Data Specification, version 3.0 — the objects this catalogue publishes, as zod
 * schemas written from the published JSON schemas (github.com/openreferral/specification, branch 3.0, `schema/*.json`
 * and `schema/openapi.json`): every field we emit with its type, format and enum, and each object's required fields.
 * Fields of the specification we never fill are left out (the schemas are not strict about unknown keys, as HSDS
 * itself allows extra fields). The tests validate every `/hsds` response against these.
 */
import * as z from 'zod';

export const HSDS_VERSION = '3.0';
/** Page sizes for the list endpoints. */
export const HSDS_PAGE = { default: 50, max: 200 } as const;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'uuid');
const uri = z.string().regex(/^https?:\/\/\S+$/, 'uri');
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'date-time');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** metadata.json: one recorded change of a resource. */
export const hsdsMetadata = z.object({
  id: uuid,
  resource_id: uuid,
  resource_type: z.string(),
  last_action_date: date,
  last_action_type: z.string(),
  field_name: z.string(),
  previous_value: z.string(),
  replacement_value: z.string(),
  updated_by: z.string(),
});

/** taxonomy.json */
export const hsdsTaxonomy = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  uri: uri.optional(),
  version: z.string().optional(),
});

/** taxonomy_term.json */
export const hsdsTaxonomyTerm = z.object({
  id: uuid,
  code: z.string().optional(),
  name: z.string(),
  description: z.string(),
  parent_id: uuid.nullable().optional(),
  taxonomy: z.string().optional(),
  taxonomy_detail: hsdsTaxonomy.optional(),
  language: z.string().optional(),
  taxonomy_id: uuid.optional(),
  term_uri: uri.optional(),
});

/** attribute.json: a taxonomy term linked to a service (its category, its audience). */
export const hsdsAttribute = z.object({
  id: uuid,
  link_id: uuid.optional(),
  taxonomy_term_id: uuid.optional(),
  link_type: z.string().optional(),
  link_entity: z.string().optional(),
  value: z.string().optional(),
  taxonomy_term: hsdsTaxonomyTerm.optional(),
});

/** phone.json */
export const hsdsPhone = z.object({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  organization_id: uuid.optional(),
  number: z.string().min(1),
  type: z.string().optional(),
  description: z.string().optional(),
});

/** schedule.json: opening hours. Ours are words (周一至周五 9:00-17:00); where they parse, RFC 5545 fields too. */
export const hsdsSchedule = z.object({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  timezone: z.number().optional(),
  freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
  wkst: z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']).optional(),
  byday: z.string().regex(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/).optional(),
  opens_at: hhmm.optional(),
  closes_at: hhmm.optional(),
  description: z.string().optional(),
  attending_type: z.string().optional(),
  notes: z.string().optional(),
});

/** service_area.json */
export const hsdsServiceArea = z.object({
  id: uuid,
  service_id: uuid.optional(),
  name: z.string().optional(),
  description: z.string().optional(),
});

/** cost_option.json */
export const hsdsCostOption = z.object({
  id: uuid,
  service_id: uuid.optional(),
  option: z.string().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  amount: z.number().nonnegative().optional(),
  amount_description: z.string().optional(),
});

/** required_document.json */
export const hsdsRequiredDocument = z.object({
  id: uuid,
  service_id: uuid.optional(),
  document: z.string().optional(),
});

/** language.json */
export const hsdsLanguage = z.object({ id: uuid, service_id: uuid.optional(), name: z.string().optional(), code: z.string().optional() });

/** address.json (required: address_1, city, state_province, postal_code, country, address_type). */
export const hsdsAddress = z.object({
  id: uuid,
  location_id: uuid.optional(),
  address_1: z.string(),
  city: z.string(),
  region: z.string().optional(),
  state_province: z.string(),
  postal_code: z.string(),
  country: z.string().regex(/^[A-Z]{2}$/),
  address_type: z.enum(['physical', 'postal', 'virtual']),
});

/** location.json */
export const hsdsLocation = z.object({
  id: uuid,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  organization_id: uuid.optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  addresses: z.array(hsdsAddress).optional(),
  phones: z.array(hsdsPhone).optional(),
  schedules: z.array(hsdsSchedule).optional(),
});

/** organization_identifier.json */
export const hsdsOrganizationIdentifier = z.object({
  id: uuid,
  organization_id: uuid.optional(),
  identifier_scheme: z.string().optional(),
  identifier_type: z.string(),
  identifier: z.string(),
});

/** organization.json (required: id, name, description). */
export const hsdsOrganization = z.object({
  id: uuid,
  name: z.string().min(1),
  alternate_name: z.string().optional(),
  description: z.string(),
  website: uri.optional(),
  legal_status: z.string().optional(),
  uri: uri.optional(),
  phones: z.array(hsdsPhone).optional(),
  organization_identifiers: z.array(hsdsOrganizationIdentifier).optional(),
  attributes: z.array(hsdsAttribute).optional(),
  metadata: z.array(hsdsMetadata).optional(),
});

export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

/** service_list.json: a service's one-to-one fields (what list pages carry). Required: id, name, status. */
export const hsdsServiceListItem = z.object({
  id: uuid,
  organization_id: uuid.optional(),
  name: z.string().min(1),
  alternate_name: z.string().optional(),
  description: z.string().optional(),
  url: uri.optional(),
  status: z.enum(SERVICE_STATUSES),
  application_process: z.string().optional(),
  fees_description: z.string().optional(),
  accreditations: z.string().optional(),
  eligibility_description: z.string().optional(),
  assured_date: date.optional(),
  alert: z.string().optional(),
  last_modified: dateTime.optional(),
});

/** service.json, fully nested (`GET /services/{id}`). */
export const hsdsService = hsdsServiceListItem.extend({
  organization: hsdsOrganization.optional(),
  phones: z.array(hsdsPhone),
  schedules: z.array(hsdsSchedule),
  service_areas: z.array(hsdsServiceArea),
  service_at_locations: z.array(z.lazy(() => hsdsServiceAtLocation)),
  languages: z.array(hsdsLanguage),
  cost_options: z.array(hsdsCostOption),
  required_documents: z.array(hsdsRequiredDocument),
  attributes: z.array(hsdsAttribute),
  metadata: z.array(hsdsMetadata),
});

/** service_at_location.json */
export const hsdsServiceAtLocation: z.ZodType<HsdsServiceAtLocation> = z.object({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  description: z.string().optional(),
  phones: z.array(hsdsPhone).optional(),
  schedules: z.array(hsdsSchedule).optional(),
  location: hsdsLocation.optional(),
});

/** openapi.json `#/components/schemas/Page` plus `contents`. */
export const hsdsPage = <T extends z.ZodType>(item: T) =>
  z.object({
    total_items: z.number().int().nonnegative(),
    total_pages: z.number().int().nonnegative(),
    page_number: z.number().int().positive(),
    size: z.number().int().nonnegative(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });

/** `GET /` */
export const hsdsRoot = z.object({ version: z.literal(HSDS_VERSION), profile: uri, openapi_url: uri });

export type HsdsMetadata = z.infer<typeof hsdsMetadata>;
export type HsdsTaxonomy = z.infer<typeof hsdsTaxonomy>;
export type HsdsTaxonomyTerm = z.infer<typeof hsdsTaxonomyTerm>;
export type HsdsAttribute = z.infer<typeof hsdsAttribute>;
export type HsdsPhone = z.infer<typeof hsdsPhone>;
export type HsdsSchedule = z.infer<typeof hsdsSchedule>;
export type HsdsLocation = z.infer<typeof hsdsLocation>;
export type HsdsOrganization = z.infer<typeof hsdsOrganization>;
export type HsdsServiceListItem = z.infer<typeof hsdsServiceListItem>;
export type HsdsService = z.infer<typeof hsdsService>;
export interface HsdsServiceAtLocation {
  id: string;
  service_id?: string;
  location_id?: string;
  description?: string;
  phones?: HsdsPhone[];
  schedules?: HsdsSchedule[];
  location?: HsdsLocation;
}
export interface HsdsPageOf<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
