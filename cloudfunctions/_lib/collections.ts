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
  commentGroups: 'commentGroups',
  meta: 'meta',
  assessmentSchemes: 'assessmentSchemes',
  assessmentCampaigns: 'assessmentCampaigns',
  assessmentAssignments: 'assessmentAssignments',
  assessmentFindings: 'assessmentFindings',
  assessmentSelfReports: 'assessmentSelfReports',
  assessmentResults: 'assessmentResults',
  assessmentAppeals: 'assessmentAppeals',
  creditEvents: 'creditEvents',
  rectifications: 'rectifications',
  adjustmentProposals: 'adjustmentProposals',
  catalogueChanges: 'catalogueChanges',
} as const;

export const INDEXES: Record<string, string[][]> = {
  users: [['tokenHash'], ['openid']],
  products: [['orgId', 'sortKey'], ['status', 'sortKey'], ['status', 'category', 'sortKey'], ['status', 'purchaseMethod', 'sortKey'], ['status', 'ratingKey'], ['status', 'gradeKey'], ['status', 'grade.grade', 'sortKey']],
  featured: [['until']],
  declarations: [['orgId', 'updatedAt'], ['callId', 'status', '_id'], ['status', '_id']],
  experts: [['active', '_id']],
  comments: [['declarationId', 'status', 'createdAt'], ['declarationId', 'userId'], ['declarationId', 'status', 'key'], ['declarationId', 'key'], ['declarationId', 'groupId', 'key']],
  commentGroups: [['declarationId', '_id']],
  publicity: [['status', '_id']],
  ratings: [['productId', '_id'], ['issuedBy', 'createdAt'], ['flagStatus', '_id']],
  ratingCases: [['orgId', 'openedOn'], ['status', 'dueOn'], ['raterId', 'openedOn']],
  audit: [['recordId', '_id']],
  creditEvents: [['orgId', 'occurredOn'], ['recordedAt']],
  rectifications: [['orgId', 'openedOn'], ['openedOn']],
  catalogueChanges: [['version'], ['productId', 'version'], ['change', 'on']],
  assessmentFindings: [['year', 'productId', 'recordedAt']],
  assessmentSelfReports: [['year', '_id']],
  assessmentResults: [['year', 'orgId'], ['year', 'status', '_id'], ['productId', 'year']],
  assessmentAppeals: [['year', 'status']],
};

/** Collections nobody may update or delete from. */
export const APPEND_ONLY = [
  'audit',
  'assessmentFindings',
];
