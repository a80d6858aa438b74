import * as z from 'zod';
import { EXPORT_DATASETS, EXPORT_FORMATS } from '../exports';
import { MAX_YEAR, MIN_YEAR } from '../dates';
import { INVITABLE_ROLES } from '../domain';
import { UNIT_KINDS } from '../procurement';
import type { TodoResult } from '../todo';

export const createInviteInput = z
  .strictObject({
    role: z
      .enum(INVITABLE_ROLES, { error: '请选择邀请的身份：申报单位、测评机构、行业协会或采购单位' })
      .refine((r) => r !== 'expert', '这里只能邀请申报单位、测评机构、行业协会或采购单位；评审专家请在专家库中添加'),
    orgName: z.string().trim().min(2, '单位名称至少 2 个字').max(60, '单位名称不能超过 60 字').optional(),
    orgId: z.string().max(64).optional(),
    /** Issue 16: a purchasing unit's kind (政府部门, 街道, 企业, 社会组织). */
    unitKind: z.enum(UNIT_KINDS, { error: '采购单位类型应为政府部门、街道（乡镇）、企业或社会组织' }).optional(),
  })
  .refine((v) => v.orgName || v.orgId, { message: '请填写单位名称', path: ['orgName'] })
  .refine((v) => v.role !== 'purchaser' || v.orgId || v.unitKind, { message: '请选择采购单位类型：政府部门、街道（乡镇）、企业或社会组织', path: ['unitKind'] });
export type CreateInviteInput = z.input<typeof createInviteInput>;
export interface CreateInviteResult {
  inviteCode: string;
  orgId: string;
}

export const setClockInput = z.strictObject({
  /** An ISO instant, or null to follow the real clock again. */
  now: z.union([
    z.iso
      .datetime({ offset: true, error: '时间格式应为 ISO 8601，如 2026-10-08T09:00:00+08:00' })
      .refine((t) => Number(t.slice(0, 4)) >= MIN_YEAR && Number(t.slice(0, 4)) <= MAX_YEAR, `时间的年份应在 ${MIN_YEAR} 至 ${MAX_YEAR} 年之间`),
    z.null(),
  ]),
});
export type SetClockInput = z.input<typeof setClockInput>;
export interface ClockResult {
  now: string;
  today: string;
  fixed: boolean;
}

export const auditTrailInput = z.strictObject({
  recordId: z.string({ error: '缺少记录编号' }).min(1, '缺少记录编号').max(64),
});
export type AuditTrailInput = z.input<typeof auditTrailInput>;
export interface AuditEntry {
  at: string;
  userId: string | null;
  role: string;
  fn: string;
  action: string;
  collection: string;
  recordId: string;
  change: unknown;
}

/** Runs the deadline jobs now (test clock only); takes nothing. */
export const runJobsInput = z.strictObject({});
export interface RunJobsResult {
  today: string;
  caseReminders: number;
  casesFlagged: number;
  scoringReminders: number;
  publicityReminders: number;
  materialReminders: number;
  rectificationReminders: number;
  rectificationsOverdue: number;
  /** Older comments given their paging key and group, and notices their count of shown comments (0 once done). */
  publicityBackfilled: number;
  /** Products rated before 满意率 had one definition (issue 21) given the rate by it (0 once done). */
  ratesBackfilled: number;
}

/** The bureau's exports: a dataset of types/exports.ts as .xlsx or .csv, optionally for one year. */
export const exportInput = z.strictObject({
  dataset: z.enum(EXPORT_DATASETS, { error: '请选择要导出的数据：申报、评分表、评审结果、公示意见、满意度评价、差评整改、年度测评、信用事件或投入产出' }),
  format: z.enum(EXPORT_FORMATS, { error: '导出格式应为 xlsx 或 csv' }),
  year: z.number({ error: '年度应为数字，如 2026' }).int('年度应为整数，如 2026').min(2018, '年度不能早于 2018').max(2100, '年度不正确').optional(),
});
export type ExportInput = z.input<typeof exportInput>;
export interface ExportResult {
  /** The file name, e.g. `申报-2026.xlsx`. */
  name: string;
  /** A short-lived link (types/exports.ts DOWNLOAD_SECONDS). */
  url: string;
  rows: number;
}

/** The bureau's figures at a glance (admin.dashboard): counted by the database and read from running summaries. */
export const dashboardInput = z.strictObject({
  year: z.number({ error: '年度应为数字，如 2026' }).int('年度应为整数，如 2026').min(2018, '年度不能早于 2018').max(2100, '年度不正确').optional(),
});
export type DashboardInput = z.input<typeof dashboardInput>;
export { DASHBOARD_ANSWER_BANDS, DASHBOARD_STATUS_GROUPS } from '../dashboard';
/** The dashboard's score bands (lower bound inclusive), highest first. */
export const DASHBOARD_SCORE_BANDS: { band: string; from: number }[] = [
  { band: '90 分以上', from: 90 },
  { band: '80–90 分', from: 80 },
  { band: '70–80 分', from: 70 },
  { band: '60–70 分', from: 60 },
  { band: '60 分以下', from: 0 },
];
export interface GroupFigure {
  key: string;
  label: string;
  ratings: number;
  /** Share of ratings at 3 (基本满意) or above, 0..1, or null without ratings. */
  satisfactionRate: number | null;
}
export interface DashboardResult {
  year: number;
  declarations: {
    total: number;
    byStatus: { status: string; label: string; count: number }[];
    /** The year's call (one per year): its declarations by category (`none`: a draft without one yet), each counted per DASHBOARD_STATUS_GROUPS. */
    call: { callId: string; title: string | null; total: number; byCategory: { category: string; label: string; counts: number[] }[] };
  };
  review: { results: number; passed: number; passRate: number | null; average: number | null; bands: { band: string; count: number }[] };
  publicity: { shown: number; pending: number; hidden: number; answered: number; answerBands: { band: string; count: number }[] };
  ratings: { count: number; satisfactionRate: number | null; levels: number[]; byMonth: number[]; casesOpened: number; casesOnTime: number; casesLate: number; byCategory: GroupFigure[]; byDistrict: GroupFigure[] };
  /** Published yearly assessment grades (issue 11's assessmentResults). */
  assessments: { byGrade: { grade: string; label: string; count: number }[] };
  /** Local mode: the newest backup of the database and the daily schedule; the cloud: CloudBase keeps its own. */
  backup: DashboardBackup;
}

export type DashboardBackup =
  | { kind: 'local'; last: { takenAt: string; bytes: number; file: string } | null; schedule: { at: string; keep: number } | null }
  | { kind: 'cloud' };

/** The bureau's to-do list (待办, types/todo.ts): takes nothing; computed from the records on the clock's day. */
export const todoInput = z.strictObject({});
export type { TodoItem, TodoKind, TodoResult } from '../todo';

export const adminSchemas = {
  createInvite: createInviteInput,
  setClock: setClockInput,
  auditTrail: auditTrailInput,
  runJobs: runJobsInput,
  export: exportInput,
  dashboard: dashboardInput,
  todo: todoInput,
};

export interface AdminApi {
  createInvite: [CreateInviteInput, CreateInviteResult];
  setClock: [SetClockInput, ClockResult];
  auditTrail: [AuditTrailInput, { entries: AuditEntry[] }];
  runJobs: [Record<string, never>, RunJobsResult];
  export: [ExportInput, ExportResult];
  dashboard: [DashboardInput, DashboardResult];
  todo: [Record<string, never>, TodoResult];
}

