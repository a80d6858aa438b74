/**
 * The collections and the indexes their queries need. The SQLite adapter creates these indexes;
 * in CloudBase create the same ones in the console (README, "Deploying").
 */
export const COLLECTIONS = {
  users: 'users',
  orgs: 'orgs',
  invites: 'invites',
  products: 'products',
  audit: 'audit',
  featured: 'featured',
  calls: 'calls',
  declarations: 'declarations',
  files: 'files',
  experts: 'experts',
  panels: 'panels',
  scoresheets: 'scoresheets',
  results: 'results',
  publicity: 'publicity',
  comments: 'comments',
  calendars: 'calendars',
  counters: 'counters',
  ratingTokens: 'ratingTokens',
  ratings: 'ratings',
  ratingCases: 'ratingCases',
  ratingSummaries: 'ratingSummaries',
  ratingContacts: 'ratingContacts',
  commentGroups: 'commentGroups',
  meta: 'meta',
  messages: 'messages',
  throttles: 'throttles',
  reviewAsks: 'reviewAsks',
  meetings: 'meetings',
  assessmentSchemes: 'assessmentSchemes',
  assessmentCampaigns: 'assessmentCampaigns',
  assessmentAssignments: 'assessmentAssignments',
  assessmentFindings: 'assessmentFindings',
  assessmentSelfReports: 'assessmentSelfReports',
  assessmentResults: 'assessmentResults',
  assessmentAppeals: 'assessmentAppeals',
  procurements: 'procurements',
  procurementCounters: 'procurementCounters',
  procurementOpinions: 'procurementOpinions',
  customRequests: 'customRequests',
  needs: 'needs',
  needSupports: 'needSupports',
  creditEvents: 'creditEvents',
  rectifications: 'rectifications',
  adjustmentProposals: 'adjustmentProposals',
  catalogueChanges: 'catalogueChanges',
  miniCodes: 'miniCodes',
} as const;

export const INDEXES: Record<string, string[][]> = {
  users: [['tokenHash'], ['openid']],
  products: [['orgId', 'sortKey'], ['status', 'sortKey'], ['status', 'category', 'sortKey'], ['status', 'purchaseMethod', 'sortKey'], ['status', 'ratingKey'], ['status', 'gradeKey'], ['status', 'grade.grade', 'sortKey']],
  featured: [['until'], ['audience', 'until', 'featuredAt']],
  declarations: [['recommenderOrgId', 'updatedAt'], ['orgId', 'updatedAt'], ['callId', 'status', '_id'], ['status', '_id']],
  experts: [['active', '_id']],
  reviewAsks: [['declarationId', 'askedAt']],
  orgs: [['status', 'createdAt'], ['kind', 'name']],
  comments: [['declarationId', 'status', 'createdAt'], ['declarationId', 'userId'], ['userId', 'createdAt'], ['declarationId', 'status', 'key'], ['declarationId', 'key'], ['declarationId', 'groupId', 'key']],
  commentGroups: [['declarationId', '_id']],
  publicity: [['status', '_id']],
  ratings: [['productId', '_id'], ['raterId', 'createdAt'], ['issuedBy', 'createdAt'], ['flagStatus', '_id']],
  ratingSummaries: [['year', '_id']],
  ratingCases: [['orgId', 'openedOn'], ['status', 'dueOn'], ['raterId', 'openedOn']],
  audit: [['recordId', '_id']],
  messages: [['recipient', 'createdAt'], ['recipient', 'readAt'], ['sendStatus', 'createdAt'], ['kind', 'createdAt']],
  creditEvents: [['orgId', 'occurredOn'], ['recordedAt']],
  rectifications: [['orgId', 'openedOn'], ['openedOn'], ['status', 'dueOn']],
  catalogueChanges: [['version'], ['productId', 'version'], ['change', 'on']],
  assessmentFindings: [['year', 'productId', 'recordedAt']],
  assessmentSelfReports: [['year', '_id']],
  assessmentResults: [['year', 'orgId'], ['year', 'status', '_id'], ['productId', 'year']],
  assessmentAppeals: [['year', 'status']],
  procurements: [['purchaserOrgId', 'recordedAt'], ['providerOrgId', 'recordedAt'], ['year', 'recordedAt'], ['productId', 'recordedAt']],
  procurementCounters: [['year', '_id']],
  customRequests: [['purchaserOrgId', 'createdAt'], ['providerOrgId', 'createdAt']],
  needs: [['visibility', 'mergedInto', 'supportKey'], ['visibility', 'mergedInto', 'newKey'], ['visibility', 'mergedInto', 'category', 'supportKey'], ['visibility', 'mergedInto', 'district', 'supportKey'], ['mergedInto', '_id']],
  needSupports: [['userId', '_id']],
  ratingTokens: [['productId', 'servedOn']],
};

/** Collections nobody may update or delete from. */
export const APPEND_ONLY = [
  'audit',
  'assessmentFindings',
];

/**
 * The stored documents' layout, as one number: a backup, a restore and a data export/import carry it (SQLite's
 * `user_version`, the export manifest's `schemaVersion`), and refuse data from a newer layout than this code knows.
 * Raise it when a stored document's shape changes in a way older code cannot read, with the migration beside it.
 */
export const STORE_SCHEMA_VERSION = 1;
