/**
 * Validation of the product specification, built from its field definitions (./specFields.ts).
 */
import * as z from 'zod';
import { dateField } from './dates';
import { CATEGORIES, PURCHASE_METHODS } from './domain';
import { SPEC_FIELDS, type SpecField } from './specFields';
import type { FieldIssue } from './envelope';
import { issuesOf } from './validation';

export * from './specFields';

const LONG = 2000;

/** A mainland mobile number, or a landline with optional area code and extension. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?|400-?\d{3}-?\d{4}|12348)$/;

function fieldSchema(f: SpecField): z.ZodType {
  switch (f.kind) {
    case 'coordinate': {
      const { min, max } = f.range ?? { min: -180, max: 180 };
      const range = `${f.label}应在 ${min} 到 ${max} 之间（杭州市范围内），请检查是否与另一项填反了`;
      return z.number({ error: `${f.label}应为数字，如 ${((min + max) / 2).toFixed(4)}` }).min(min, range).max(max, range);
    }
    case 'choice': {
      const values = (f.choices ?? []).map((c) => c.value) as [string, ...string[]];
      return z.enum(values, { error: `请从列表中选择${f.label}` });
    }
    case 'phone':
      return z
        .string({ error: `请填写${f.label}` })
        .trim()
        .regex(PHONE_PATTERN, `${f.label}格式不正确，应为手机号或带区号的固定电话`);
    case 'date':
      return dateField(f.label);
    default:
      return z
        .string({ error: `请填写${f.label}` })
        .trim()
        .min(1, `请填写${f.label}`)
        .max(f.maxLength ?? LONG, `${f.label}不能超过 ${f.maxLength ?? LONG} 字`);
  }
}

/** Builds a nested object schema from dotted keys. `partial` allows any field to be missing (drafts). */
function nestedSchema(fields: SpecField[], partial: boolean) {
  const tree: Record<string, unknown> = {};
  for (const f of fields) {
    const parts = f.key.split('.');
    let node = tree as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    const s = fieldSchema(f);
    node[parts[parts.length - 1]] = partial || f.optional ? s.optional() : s;
  }
  const build = (node: Record<string, unknown>): z.ZodType => {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(node)) {
      shape[k] = v instanceof z.ZodType ? v : partial ? build(v as Record<string, unknown>).optional() : build(v as Record<string, unknown>).prefault({}); // a missing section reports each of its fields
    }
    return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `说明书中没有这些栏目：${iss.keys.join('、')}` : '此栏应为一组内容') });
  };
  return build(tree);
}

export const attachmentSchema = z.object({
  name: z.string({ error: '请填写附件名称' }).trim().min(1, '请填写附件名称').max(100, '附件名称不能超过 100 字'),
  fileId: z.string({ error: '缺少附件文件' }).min(1, '缺少附件文件').max(300),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * A service point is a place: its latitude and longitude are given together or not at all (issue 24). The message
 * goes under the one missing.
 */
function bothCoordinates(spec: { publicInfo?: { latitude?: unknown; longitude?: unknown } }, ctx: z.RefinementCtx) {
  const info = spec.publicInfo ?? {};
  const has = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (has(info.latitude) !== has(info.longitude)) {
    const missing = has(info.latitude) ? 'longitude' : 'latitude';
    ctx.addIssue({ code: 'custom', path: ['publicInfo', missing], message: `请同时填写服务地点的经度和纬度（只填了${missing === 'longitude' ? '纬度' : '经度'}）` });
  }
}

/** The complete specification, as required on submission. */
export const specSchema = (nestedSchema(SPEC_FIELDS, false) as z.ZodObject)
  .extend({
    attachments: z.array(attachmentSchema).max(30, '附件不能超过 30 个'),
  })
  .superRefine(bothCoordinates);
/** What a draft's values should be: any field may be missing, but what is there must fit. Reported, never blocking. */
export const specDraftSchema = (nestedSchema(SPEC_FIELDS, true) as z.ZodObject)
  .extend({
    attachments: z.array(attachmentSchema).max(30, '附件不能超过 30 个').optional(),
  })
  .superRefine(bothCoordinates);

/**
 * How much a draft may hold in one field: room for a value over the field's limit (it is reported, and submission
 * refuses it), but bounded, so "save whatever the state" never becomes a way to store arbitrary blobs.
 */
export const DRAFT_SLACK = 2;
export const DRAFT_SHORT_CAP = 100;
export function draftCap(f: SpecField): number {
  return f.kind === 'text' || f.kind === 'textarea' ? DRAFT_SLACK * (f.maxLength ?? LONG) : DRAFT_SHORT_CAP;
}

/**
 * What a draft may be stored as (saveDraft's input and server/invariants.ts): only the specification's own fields,
 * each text up to its draft cap, whether or not the value is valid yet; unknown keys and other types are refused.
 */
export const specStoredDraftSchema = (() => {
  const tree: Record<string, unknown> = {};
  for (const f of SPEC_FIELDS) {
    const parts = f.key.split('.');
    let node = tree;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    const cap = draftCap(f);
    const text = z.string({ error: `${f.label}应为文字` }).max(cap, `${f.label}太长了，草稿最多保存 ${cap} 字，请删减后再保存`);
    // A coordinate is kept as a number, or as what was typed so far (reported as a problem until it is one).
    node[parts[parts.length - 1]] = (f.kind === 'coordinate' ? z.union([z.number({ error: `${f.label}应为数字` }).refine(Number.isFinite, `${f.label}应为数字`), text]) : text).optional();
  }
  const build = (node: Record<string, unknown>): z.ZodObject => {
    const shape: Record<string, z.ZodType> = {};
    for (const [k, v] of Object.entries(node)) shape[k] = v instanceof z.ZodType ? v : build(v as Record<string, unknown>).optional();
    return z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? `说明书中没有这些栏目：${iss.keys.join('、')}` : '此栏应为一组内容') });
  };
  return build(tree).extend({ attachments: z.array(attachmentSchema).max(30, '附件不能超过 30 个').optional() });
})();

/** A stored draft's field problems (spec keys as paths, Chinese messages naming the field): what submission would refuse of the values present. */
export function draftProblems(spec: unknown): FieldIssue[] {
  const parsed = specDraftSchema.safeParse(spec);
  return parsed.success ? [] : issuesOf(parsed.error);
}

export interface Spec {
  name: string;
  category: (typeof CATEGORIES)[number];
  purchaseMethod: (typeof PURCHASE_METHODS)[number];
  summary: string;
  fundingSource: string;
  price: string;
  serviceStandard: string;
  evaluationMethod: string;
  cover: { applicantName: string; principal: string; contactName: string; contactPhone: string; declaredOn: string };
  /** latitude/longitude: the service point, WGS-84 (issue 24; optional, given together). */
  publicInfo: { district: string; address: string; servicePhone: string; hours: string; materials: string; latitude?: number; longitude?: number };
  provider: { expertise: string; serviceRequirements: string; coverage: string; training: string };
  content: { audience: string; basis: string; problemSolved: string; channels: string; frequency: string };
  management: { rules: string; process: string; publicGuide: string; records: string; qualityControl: string };
  efficiency: { indicators: string };
  satisfaction: { satisfaction: string; benefit: string };
  attachments: Attachment[];
}

