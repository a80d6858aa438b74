import * as z from 'zod';
import { dateField, yearField } from '../dates';
import { CATEGORIES } from '../domain';
import { attachmentSchema, specStoredDraftSchema } from '../spec';
import type { FieldIssue } from '../envelope';
import { DECLARATION_MODES, DECLARATION_STATUSES, type CallView, type DeclarationListItem, type DeclarationView } from '../declaration';

const date = (label: string) => dateField(label, '2026-03-15');
const declarationId = z.string({ error: '缺少申报编号' }).min(1, '缺少申报编号').max(64, '申报编号不正确');

export const openCallInput = z
  .strictObject({
    year: yearField('年度', 2018),
    title: z.string({ error: '请填写公告标题' }).trim().min(4, '公告标题至少 4 个字').max(80, '公告标题不能超过 80 字'),
    opensOn: date('开始日期'),
    closesOn: date('截止日期'),
    notice: z.string().trim().max(3000, '公告正文不能超过 3000 字').optional(),
  })
  .refine((v) => v.closesOn >= v.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] });
export type OpenCallInput = z.input<typeof openCallInput>;

export const saveDraftInput = z
  .strictObject({
    declarationId: declarationId.optional(),
    /** The version this save was made from; a newer one on the server means another device saved meanwhile. */
    baseVersion: z.number().int().min(1).optional(),
    /** Any state of the specification is saved (its problems come back with the save); only its shape is checked. */
    spec: specStoredDraftSchema,
    declarationMode: z.enum(DECLARATION_MODES, { error: '申报方式应为自行申报或组织推荐' }).optional(),
    recommender: z.string().trim().max(60, '推荐单位名称不能超过 60 字').optional(),
    /** The recommending association (a verified organisation of kind association). */
    recommenderOrgId: z.string().min(1, '请选择推荐的行业协会').max(64, '推荐单位编号不正确').optional(),
    /** Issue 16: the needs on the board this product answers. */
    answersNeeds: z.array(z.string().min(1, '缺少需求编号').max(80, '需求编号不正确'), { error: '回应的需求应为列表' }).max(10, '最多选择 10 条需求').optional(),
  });
export type SaveDraftInput = z.input<typeof saveDraftInput>;
/** A draft is saved whatever its state; `problems` lists what submission would refuse of the values present. */
export interface SaveDraftResult {
  declarationId: string;
  version: number;
  problems: FieldIssue[];
}

export const byDeclarationInput = z.strictObject({ declarationId });
export type ByDeclarationInput = z.input<typeof byDeclarationInput>;

export const withdrawInput = z.strictObject({ declarationId, reason: z.string().trim().max(200, '撤回理由不能超过 200 字').optional() });

export const listAllInput = z.strictObject({
  callId: z.string().max(40).optional(),
  status: z.enum(DECLARATION_STATUSES, { error: '没有这个状态' }).optional(),
  category: z.enum(CATEGORIES, { error: '没有这个产品类别' }).optional(),
  limit: z.number().int().min(1).max(100).optional(),
  cursor: z.string().max(100).optional(),
});
export type ListAllInput = z.input<typeof listAllInput>;

export const requestMaterialsInput = z.strictObject({
  declarationId,
  note: z.string({ error: '请写明需要补充的材料' }).trim().min(5, '请写明需要补充的材料（至少 5 个字）').max(1000, '不能超过 1000 字'),
  dueOn: date('补充期限'),
});
export type RequestMaterialsInput = z.input<typeof requestMaterialsInput>;

export const supplyMaterialsInput = z.strictObject({
  declarationId,
  requestId: z.string({ error: '缺少补充材料要求编号' }).min(1).max(64),
  text: z.string({ error: '请填写补充说明' }).trim().min(1, '请填写补充说明').max(2000, '补充说明不能超过 2000 字'),
  attachments: z.array(attachmentSchema).max(20, '附件不能超过 20 个').optional(),
});
export type SupplyMaterialsInput = z.input<typeof supplyMaterialsInput>;

export const registerFileInput = z.strictObject({
  fileId: z.string({ error: '缺少文件编号' }).min(1, '缺少文件编号').max(300, '文件编号不正确'),
  /** Cleaned and cut to 100 characters on registration (types/files.ts cleanFileName). */
  name: z.string({ error: '请填写文件名' }).trim().min(1, '请填写文件名').max(255, '文件名不能超过 255 字'),
});
export type RegisterFileInput = z.input<typeof registerFileInput>;

/**
 * Issue 22: what a new draft starts with, from the caller's organisation's registration (its name, contact person and
 * phone) and today's date: the cover of the specification, pre-filled and still editable. Nothing is saved.
 */
export const draftDefaultsInput = z.strictObject({});
export interface DraftDefaults {
  cover: { applicantName?: string; contactName?: string; contactPhone?: string; declaredOn: string };
}

export const declarationsSchemas = {
  openCall: openCallInput,
  listCalls: z.strictObject({}),
  saveDraft: saveDraftInput,
  submit: byDeclarationInput,
  get: byDeclarationInput,
  listMine: z.strictObject({}),
  withdraw: withdrawInput,
  listAll: listAllInput,
  requestMaterials: requestMaterialsInput,
  supplyMaterials: supplyMaterialsInput,
  printable: byDeclarationInput,
  registerFile: registerFileInput,
  endorse: byDeclarationInput,
  recommendedToMe: z.strictObject({}),
  draftDefaults: draftDefaultsInput,
};

export interface DeclarationsApi {
  openCall: [OpenCallInput, CallView];
  listCalls: [Record<string, never>, { calls: CallView[] }];
  saveDraft: [SaveDraftInput, SaveDraftResult];
  submit: [ByDeclarationInput, DeclarationView];
  get: [ByDeclarationInput, DeclarationView];
  listMine: [Record<string, never>, { items: DeclarationListItem[] }];
  withdraw: [z.input<typeof withdrawInput>, DeclarationView];
  listAll: [ListAllInput, { items: DeclarationListItem[]; nextCursor: string | null }];
  requestMaterials: [RequestMaterialsInput, DeclarationView];
  supplyMaterials: [SupplyMaterialsInput, DeclarationView];
  printable: [ByDeclarationInput, { html: string }];
  registerFile: [RegisterFileInput, { fileId: string; name: string; size: number }];
  endorse: [ByDeclarationInput, DeclarationView];
  recommendedToMe: [Record<string, never>, { items: DeclarationListItem[] }];
  draftDefaults: [Record<string, never>, DraftDefaults];
}
