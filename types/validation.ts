/**
 * Chinese messages for zod's generic errors, and the conversion of a zod error into field issues.
 * Schemas give their own messages where the field's name matters; these cover the rest.
 */
import * as z from 'zod';
import type { FieldIssue } from './envelope';
import { specFieldLabel, specIssueText } from './specFields';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '一组内容',
  array: '列表',
  date: '日期',
};

type RawIssue = { code?: string; input?: unknown; [k: string]: unknown };

export function chineseMessage(iss: RawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return '此项必填';
      return `此项应为${TYPE_NAMES[String(iss.expected)] ?? String(iss.expected)}`;
    case 'too_small':
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '此项不能为空' : `至少 ${iss.minimum} 个字`;
      if (iss.origin === 'array') return `至少 ${iss.minimum} 项`;
      return `不能小于 ${iss.minimum}`;
    case 'too_big':
      if (iss.origin === 'string') return `不能超过 ${iss.maximum} 个字`;
      if (iss.origin === 'array') return `最多 ${iss.maximum} 项`;
      return `不能大于 ${iss.maximum}`;
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为 ${iss.divisor} 的整数倍`;
    case 'unrecognized_keys':
      return `不认识的字段：${(iss.keys as string[]).join('、')}`;
    case 'invalid_value':
      return '不是允许的取值';
    case 'invalid_union':
      return '取值不符合要求';
    default:
      return undefined;
  }
}

z.config({ customError: (iss) => chineseMessage(iss as unknown as RawIssue) });

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
}

/**
 * The Chinese names of fields outside the specification that several forms share (registration, contacts, reasons),
 * for messages that do not name their field themselves (zod's generic ones: 此项必填 …). Keyed by the path's last part.
 */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  creditCode: '统一社会信用代码',
  kind: '单位类型',
  district: '所在区县',
  contactName: '联系人姓名',
  contactPhone: '联系电话',
  phone: '电话',
  reason: '理由',
  note: '备注',
  comment: '意见',
  title: '标题',
};

/** A field issue's Chinese label: the specification's, or a shared field's; undefined when none is known. */
export function fieldLabel(path: string): string | undefined {
  return specFieldLabel(path) ?? (path ? FIELD_LABELS[path.split('.').pop()!] : undefined);
}

/**
 * Turns a zod failure into the one sentence shown with the form. A field is named by its label (the form's own
 * words) and never by its internal path: with no known label, the message alone (schemas' messages name their field).
 */
export function summaryOf(issues: FieldIssue[]): string {
  if (issues.length === 1) {
    const [i] = issues;
    if (specFieldLabel(i.path)) return specIssueText(i);
    const label = fieldLabel(i.path);
    return label && !i.message.includes(label) ? `${label}：${i.message}` : i.message;
  }
  return `有 ${issues.length} 处填写需要修改，请查看标出的栏目`;
}
