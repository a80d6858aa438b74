/** The dashboard's groupings (data, no zod: the admin pages import them). */
import type { DeclarationStatus } from './declaration';

/** The dashboard's declaration status groups (the stacked bars' layers): every declaration status in exactly one. */
export const DASHBOARD_STATUS_GROUPS: { key: string; label: string; statuses: DeclarationStatus[] }[] = [
  { key: 'passed', label: '已通过', statuses: ['recognised', 'published'] },
  { key: 'open', label: '办理中', statuses: ['submitted', 'in-review', 'proposed', 'in-publicity'] },
  { key: 'failed', label: '未通过', statuses: ['not-passed', 'rejected'] },
  { key: 'draft', label: '草稿或撤回', statuses: ['draft', 'withdrawn'] },
];
/** The dashboard's answer-time bands for publicity comments, in whole days (`to` inclusive; null = no upper bound). */
export const DASHBOARD_ANSWER_BANDS: { band: string; from: number; to: number | null }[] = [
  { band: '当天', from: 0, to: 0 },
  { band: '1–3 天', from: 1, to: 3 },
  { band: '4–7 天', from: 4, to: 7 },
  { band: '7 天以上', from: 8, to: null },
];
