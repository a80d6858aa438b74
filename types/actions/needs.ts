import * as z from 'zod';
import { CATEGORIES, DISTRICTS } from '../domain';
import { NEED_ANSWERS, type NeedVisibility, type PublicNeed } from '../needs';

const needId = z.string({ error: '缺少需求编号' }).min(1, '缺少需求编号').max(80, '需求编号不正确');
const category = z.enum(CATEGORIES, { error: '没有这个类别' });
const district = z.enum(DISTRICTS, { error: '请选择杭州市的区、县（市）' });

export const submitInput = z.strictObject({
  text: z.string({ error: '请写下您的法律需求' }).trim().min(10, '请把需求写具体一些（至少 10 个字）').max(500, '需求不能超过 500 字'),
  category: category.optional(),
  district: district.optional(),
  audience: z.string().trim().max(60, '服务对象不能超过 60 字').optional(),
});
export const supportInput = z.strictObject({ needId });
export const listInput = z.strictObject({
  sort: z.enum(['supported', 'newest'], { error: '排序应为最多支持或最新' }).default('supported'),
  category: category.optional(),
  district: district.optional(),
  cursor: z.string().max(200).optional(),
});
export const answerInput = z
  .strictObject({
    needId,
    status: z.enum(NEED_ANSWERS, { error: '答复类型应为已记录、已有产品或列入下次申报方向' }),
    reply: z.string({ error: '请填写答复' }).trim().min(5, '请填写答复（至少 5 个字）').max(1000, '答复不能超过 1000 字'),
    productId: z.string().min(1).max(80).optional(),
  })
  .refine((v) => v.status !== 'existing-product' || v.productId, { message: '请选择可以满足这个需求的产品', path: ['productId'] });
export const mergeInput = z
  .strictObject({ needId, intoId: needId, reason: z.string({ error: '请写明合并理由' }).trim().min(5, '请写明合并理由（至少 5 个字）').max(500, '合并理由不能超过 500 字') })
  .refine((v) => v.needId !== v.intoId, { message: '不能合并到它自己', path: ['intoId'] });
export const tagInput = z.strictObject({
  needId,
  tags: z.array(z.string().trim().min(1, '标签不能为空').max(12, '标签不能超过 12 字'), { error: '标签应为列表' }).max(5, '最多 5 个标签'),
});
export const forCallInput = z.strictObject({ callId: z.string({ error: '缺少申报公告编号' }).min(1, '缺少申报公告编号').max(40) });
export const reviewInput = z.strictObject({});
export const moderateInput = z
  .strictObject({
    needId,
    decision: z.enum(['show', 'hide'], { error: '请选择显示或不予显示' }),
    reason: z.string().trim().max(200, '理由不能超过 200 字').optional(),
  })
  .refine((v) => v.decision === 'show' || (v.reason ?? '').length >= 2, { message: '不予显示时，请写明理由', path: ['reason'] });

export const needsSchemas = {
  submit: submitInput,
  support: supportInput,
  list: listInput,
  answer: answerInput,
  merge: mergeInput,
  tag: tagInput,
  forCall: forCallInput,
  review: reviewInput,
  moderate: moderateInput,
};

export interface NeedsApi {
  submit: [z.input<typeof submitInput>, { needId: string; visibility: 'shown' | 'pending'; pseudonym: string }];
  support: [z.input<typeof supportInput>, { needId: string; supports: number }];
  list: [z.input<typeof listInput>, { items: PublicNeed[]; nextCursor: string | null; supported: string[] }];
  answer: [z.input<typeof answerInput>, PublicNeed];
  merge: [z.input<typeof mergeInput>, PublicNeed];
  tag: [z.input<typeof tagInput>, PublicNeed];
  forCall: [z.input<typeof forCallInput>, { callId: string; needs: PublicNeed[] }];
  review: [z.input<typeof reviewInput>, { items: (PublicNeed & { visibility: NeedVisibility; mergedInto: string | null })[] }];
  moderate: [z.input<typeof moderateInput>, { needId: string; visibility: NeedVisibility }];
}
