import * as z from 'zod';
import { dateField } from '../dates';
import { EXPERT_KINDS, JUDGEMENTS, RUBRIC_KEYS, SCORE_STEP } from '../rubric';
import { PHONE_PATTERN } from '../spec';
import { PANEL_SIZE, type AskView, type AssignmentItem, type CanConfirm, type ExpertDoc, type Exclusion, type MeetingView, type MyResult, type PublicResults, type ReviewResult, type ReviewResultView, type ScoresheetDoc } from '../review';
import { bulkIds, type BulkResult } from '../bulk';
import type { DeclarationView } from '../declaration';

const declarationId = z.string({ error: '缺少申报编号' }).min(1, '缺少申报编号').max(64, '申报编号不正确');
const expertId = z.string({ error: '缺少专家编号' }).min(1, '缺少专家编号').max(64, '专家编号不正确');
/** Whole or half points; whether the value is in one of the item's bands is checked with the declaration (rubric.ts scoreProblem). */
const score = z.number({ error: '请给出分数' }).multipleOf(SCORE_STEP, '分数应为整数或 0.5 分');
const judgement = z.enum(JUDGEMENTS, { error: '请选择符合、存疑或不符合' });

export const addExpertInput = z.strictObject({
  name: z.string({ error: '请填写姓名' }).trim().min(2, '请填写姓名').max(20, '姓名不能超过 20 字'),
  organisation: z.string({ error: '请填写工作单位' }).trim().min(2, '请填写工作单位').max(60, '工作单位不能超过 60 字'),
  kind: z.enum(EXPERT_KINDS, { error: '专家类别应为行业主管部门负责人、院校专家教授或政府部门绩效管理专家' }),
  title: z.string().trim().max(30, '职务职称不能超过 30 字').default(''),
  specialties: z.array(z.string().trim().min(1).max(20)).max(10, '专业领域最多 10 项').default([]),
  phone: z.string({ error: '请填写联系电话' }).trim().regex(PHONE_PATTERN, '联系电话格式不正确'),
});

/** Taking an expert out of the pool is an official act: a reason (kept on the expert and on each panel they leave). */
export const setExpertActiveInput = z
  .strictObject({
    expertId,
    active: z.boolean({ error: '请说明启用还是停用' }),
    reason: z.string().trim().max(200, '停用理由不能超过 200 字').optional(),
  })
  .refine((v) => v.active || (v.reason ?? '').length >= 2, { message: '停用专家时请写明理由，评审组和审计记录会看到它', path: ['reason'] });
/** The bureau calls one replacement for a member who left (same conflict rules as the draw), recorded on the panel. */
export const callReserveInput = z.strictObject({
  declarationId,
  reason: z.string({ error: '请写明补充专家的理由' }).trim().min(2, '请写明补充专家的理由').max(200, '理由不能超过 200 字'),
});

export const drawPanelInput = z.strictObject({
  declarationId,
  size: z
    .number({ error: '请填写评审组人数' })
    .int('人数应为整数')
    .min(PANEL_SIZE.min, `评审组至少 ${PANEL_SIZE.min} 人（办法：选取${PANEL_SIZE.min}至${PANEL_SIZE.max}名专家）`)
    .max(PANEL_SIZE.max, `评审组至多 ${PANEL_SIZE.max} 人（办法：选取${PANEL_SIZE.min}至${PANEL_SIZE.max}名专家）`),
  seed: z.string().trim().min(1).max(64, '随机种子不能超过 64 字').optional(),
});

/** Issue 22: panels drawn for several submitted declarations at once, each by drawPanel's own rules (no seed: each draw gets its own). */
export const drawPanelsInput = z.strictObject({
  declarationIds: bulkIds('申报'),
  size: drawPanelInput.shape.size,
});

export const recuseInput = z.strictObject({
  declarationId,
  /** The bureau recuses an expert by id; an expert recuses themself and leaves it out. */
  expertId: expertId.optional(),
  reason: z.string({ error: '请写明回避理由' }).trim().min(2, '请写明回避理由').max(200, '回避理由不能超过 200 字'),
});

const items = z.partialRecord(z.enum(RUBRIC_KEYS as [string, ...string[]], { error: '评分表中没有这一项' }), score);
const attributes = z.strictObject({ public: judgement.optional(), legal: judgement.optional(), service: judgement.optional(), note: z.string().trim().max(500, '说明不能超过 500 字').optional() });

export const saveScoresheetInput = z.strictObject({
  declarationId,
  items: items.default({}),
  attributes: attributes.default({}),
  comment: z.string().trim().max(2000, '评审意见不能超过 2000 字').default(''),
});
export const submitScoresheetInput = saveScoresheetInput;

export const reopenScoresheetInput = z.strictObject({ declarationId, expertId, reason: z.string({ error: '请写明退回理由' }).trim().min(2, '请写明退回理由').max(200) });
export const declareConflictInput = z.strictObject({
  /** The bureau records it for an expert by id; an expert declares for themself and leaves it out. */
  expertId: expertId.optional(),
  orgId: z.string({ error: '请指明存在利害关系的单位' }).min(1, '请指明存在利害关系的单位').max(64, '单位编号不正确'),
  reason: z.string({ error: '请写明利害关系' }).trim().min(2, '请写明利害关系').max(200, '利害关系说明不能超过 200 字'),
});
export const byDeclaration = z.strictObject({ declarationId });
/** The bureau's confirmation, with the reasons it gives in its own words (kept in the audit trail). */
export const confirmInput = z.strictObject({ declarationId, reason: z.string().trim().min(2, '请写明确认意见').max(200, '确认意见不能超过 200 字').optional() });

export const askMaterialsInput = z.strictObject({
  declarationId,
  note: z.string({ error: '请写明需要申报单位补充的材料' }).trim().min(5, '请写明需要补充的材料（至少 5 个字）').max(1000, '不能超过 1000 字'),
  itemKey: z.enum(RUBRIC_KEYS as [string, ...string[]], { error: '评分表中没有这一项' }).optional(),
});

export const decideAskInput = z
  .strictObject({
    askId: z.string({ error: '缺少补充材料请求编号' }).min(1, '缺少补充材料请求编号').max(64),
    forward: z.boolean({ error: '请选择转交申报单位或不予转交' }),
    dueOn: dateField('补充期限', '2026-03-15').optional(),
    reason: z.string().trim().max(200, '理由不能超过 200 字').default(''),
  })
  .refine((v) => !v.forward || !!v.dueOn, { message: '转交时请给出补充期限', path: ['dueOn'] })
  .refine((v) => v.forward || v.reason.length >= 2, { message: '不予转交时请写明理由，评审组会看到它', path: ['reason'] });

export const scheduleMeetingInput = z.strictObject({
  declarationIds: z.array(declarationId, { error: '请选择要上会的申报' }).min(1, '请至少选择一份申报').max(50, '一次最多安排 50 份申报'),
  at: z.iso.datetime({ offset: true, error: '评审会时间格式应为 ISO 8601，如 2026-04-08T09:00:00+08:00' }),
  place: z.string({ error: '请填写评审会地点' }).trim().min(2, '请填写评审会地点').max(100, '地点不能超过 100 字'),
  onlineLink: z.url({ protocol: /^https$/, error: '线上会议链接应为 https:// 开头的网址' }).max(300, '链接不能超过 300 字').optional(),
  presentMinutes: z.number().int('陈述时间应为整数分钟').min(5, '陈述时间至少 5 分钟').max(60, '陈述时间不超过 60 分钟').default(10),
});

export const meetingNotesInput = z.strictObject({
  declarationId,
  notes: z.string({ error: '请填写会议记录' }).trim().min(5, '会议记录至少 5 个字').max(5000, '会议记录不能超过 5000 字'),
});

export const panelConfirmInput = z
  .strictObject({
    declarationId,
    agree: z.boolean({ error: '请选择同意或不同意评审结果' }),
    note: z.string().trim().max(500, '意见不能超过 500 字').default(''),
  })
  .refine((v) => v.agree || v.note.length >= 2, { message: '不同意时请写明理由，它会记入评审报告', path: ['note'] });

export const publicResultsInput = z.strictObject({
  year: z.number({ error: '请选择年度' }).int('年度应为整数').min(2018, '年度不能早于 2018').max(2100, '年度不正确'),
});

export const reviewsSchemas = {
  addExpert: addExpertInput,
  listExperts: z.strictObject({}),
  setExpertActive: setExpertActiveInput,
  callReserve: callReserveInput,
  drawPanel: drawPanelInput,
  drawPanels: drawPanelsInput,
  panel: byDeclaration,
  recuse: recuseInput,
  declareConflict: declareConflictInput,
  myAssignments: z.strictObject({}),
  assignment: byDeclaration,
  saveScoresheet: saveScoresheetInput,
  submitScoresheet: submitScoresheetInput,
  reopenScoresheet: reopenScoresheetInput,
  result: byDeclaration,
  confirm: confirmInput,
  askMaterials: askMaterialsInput,
  decideAsk: decideAskInput,
  asks: byDeclaration,
  scheduleMeeting: scheduleMeetingInput,
  meetingNotes: meetingNotesInput,
  meeting: byDeclaration,
  panelConfirm: panelConfirmInput,
  report: byDeclaration,
  publicResults: publicResultsInput,
  myResult: byDeclaration,
};

export type ExpertView = Omit<ExpertDoc, '_id'> & { expertId: string };
export interface PanelView {
  declarationId: string;
  members: { expertId: string; name: string; organisation: string; kind: string; sheet: 'none' | 'draft' | 'submitted' }[];
  reserves: string[];
  seed: string;
  pool: string[];
  excluded: Exclusion[];
  recusals: { expertId: string; reason: string; replacedBy: string; at: string }[];
  /** Whether the bureau's 评审组确认结果 can succeed now, else why not and how many agreed of how many needed. */
  canConfirm: CanConfirm;
  /** Issue 21: members who left (taken out of the pool), and the reserves called for them. */
  departures: { expertId: string; name: string; reason: string; at: string; sheet: 'none' | 'draft' | 'submitted'; replacedBy: string | null }[];
  reserveCalls: { expertId: string; replaces: string; from: 'reserves' | 'pool'; seed: string | null; at: string; reason: string }[];
  /** Fewer than 5 members remain: no result until the bureau calls a reserve. */
  needsReserve: boolean;
}
/** What a member sees of the panel's make-up: how many sit, how many left (never who). */
export interface PanelStanding {
  members: number;
  departed: number;
  /** Fewer than 5 members remain and the bureau has yet to call a reserve. */
  awaitingReserve: boolean;
}
export type SheetView = Omit<ScoresheetDoc, '_id'>;

export interface ReviewsApi {
  addExpert: [z.input<typeof addExpertInput>, { expertId: string; inviteCode: string }];
  listExperts: [Record<string, never>, { experts: ExpertView[] }];
  setExpertActive: [z.input<typeof setExpertActiveInput>, ExpertView & { leftPanels: string[] }];
  callReserve: [z.input<typeof callReserveInput>, PanelView];
  drawPanel: [z.input<typeof drawPanelInput>, PanelView];
  drawPanels: [z.input<typeof drawPanelsInput>, BulkResult];
  panel: [z.input<typeof byDeclaration>, PanelView];
  recuse: [z.input<typeof recuseInput>, PanelView];
  declareConflict: [z.input<typeof declareConflictInput>, ExpertView];
  myAssignments: [Record<string, never>, { items: AssignmentItem[] }];
  assignment: [z.input<typeof byDeclaration>, { declaration: DeclarationView; sheet: SheetView | null; asks: AskView[]; meeting: MeetingView | null; panel: PanelStanding }];
  saveScoresheet: [z.input<typeof saveScoresheetInput>, SheetView];
  submitScoresheet: [z.input<typeof submitScoresheetInput>, SheetView];
  reopenScoresheet: [z.input<typeof reopenScoresheetInput>, SheetView];
  result: [z.input<typeof byDeclaration>, ReviewResultView];
  confirm: [z.input<typeof confirmInput>, ReviewResult];
  askMaterials: [z.input<typeof askMaterialsInput>, AskView];
  decideAsk: [z.input<typeof decideAskInput>, AskView];
  asks: [z.input<typeof byDeclaration>, { asks: (AskView & { expertId?: string })[] }];
  scheduleMeeting: [z.input<typeof scheduleMeetingInput>, { meetings: MeetingView[] }];
  meetingNotes: [z.input<typeof meetingNotesInput>, MeetingView];
  meeting: [z.input<typeof byDeclaration>, { meeting: MeetingView | null }];
  panelConfirm: [z.input<typeof panelConfirmInput>, { agreed: number; disagreed: number; members: number }];
  report: [z.input<typeof byDeclaration>, { html: string }];
  publicResults: [z.input<typeof publicResultsInput>, PublicResults];
  myResult: [z.input<typeof byDeclaration>, MyResult];
}
