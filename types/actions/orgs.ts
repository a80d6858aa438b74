import * as z from 'zod';
import { creditCodeProblem } from '../creditCode';
import { DISTRICTS } from '../domain';
import { ORG_KINDS, ORG_STATUSES, type OrgView } from '../org';
import { PHONE_PATTERN } from '../spec';

const orgId = z.string({ error: '缺少单位编号' }).min(1, '缺少单位编号').max(64, '单位编号不正确');
const kind = z.enum(ORG_KINDS, { error: '请选择单位类型（律师事务所、公证机构、法律援助机构、人民调解组织、行业协会、社会组织、企业或事业单位）' });
const district = z.enum(DISTRICTS, { error: '请从列表中选择所在区县' });

export const registerOrgInput = z.strictObject({
  name: z.string({ error: '请填写单位名称' }).trim().min(2, '单位名称至少 2 个字').max(60, '单位名称不能超过 60 字'),
  creditCode: z
    .string({ error: '请填写统一社会信用代码' })
    .trim()
    .toUpperCase()
    .superRefine((value, ctx) => {
      const problem = creditCodeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  kind,
  district,
  contactName: z.string({ error: '请填写联系人姓名' }).trim().min(2, '请填写联系人姓名').max(30, '联系人姓名不能超过 30 字'),
  contactPhone: z.string({ error: '请填写联系电话' }).trim().regex(PHONE_PATTERN, '联系电话格式不正确，应为手机号或带区号的固定电话'),
});
export type RegisterOrgInput = z.input<typeof registerOrgInput>;

export const verifyOrgInput = z
  .strictObject({
    orgId,
    approve: z.boolean({ error: '请选择通过或不通过' }),
    reason: z.string().trim().max(200, '理由不能超过 200 字').default(''),
  })
  .refine((v) => v.approve || v.reason.length >= 2, { message: '不通过核验时请写明理由，单位会看到它', path: ['reason'] });
export type VerifyOrgInput = z.input<typeof verifyOrgInput>;

export const listOrgsInput = z.strictObject({
  status: z.enum(ORG_STATUSES, { error: '没有这个核验状态' }).optional(),
  kind: kind.optional(),
  district: district.optional(),
});
export type ListOrgsInput = z.input<typeof listOrgsInput>;

export const orgsSchemas = {
  register: registerOrgInput,
  verify: verifyOrgInput,
  mine: z.strictObject({}),
  addMember: z.strictObject({}),
  list: listOrgsInput,
  associations: z.strictObject({}),
};

export interface OrgsApi {
  register: [RegisterOrgInput, OrgView];
  verify: [VerifyOrgInput, OrgView];
  mine: [Record<string, never>, { org: OrgView | null }];
  addMember: [Record<string, never>, { inviteCode: string; orgId: string }];
  list: [ListOrgsInput, { orgs: OrgView[] }];
  /** Verified associations a declaration may name as its recommender: names only. */
  associations: [Record<string, never>, { associations: { orgId: string; name: string }[] }];
}
