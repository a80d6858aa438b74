import * as z from 'zod';
import { MAX_YEAR, MIN_YEAR } from '../dates';
import { INVITABLE_ROLES } from '../domain';
import { UNIT_KINDS } from '../procurement';

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

export const adminSchemas = {
  createInvite: createInviteInput,
  setClock: setClockInput,
  auditTrail: auditTrailInput,
};

export interface AdminApi {
  createInvite: [CreateInviteInput, CreateInviteResult];
  setClock: [SetClockInput, ClockResult];
  auditTrail: [AuditTrailInput, { entries: AuditEntry[] }];
}
