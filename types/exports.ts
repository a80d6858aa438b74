/**
 * The bureau's exports (admin.export): each dataset's columns as data — the Chinese header, the width in the
 * spreadsheet (characters) and the type (dates are written as real dates in .xlsx). A new dataset (e.g. `assessments`,
 * `events` when those areas land) is one entry here plus one row reader in cloudfunctions/admin/exportRows.ts.
 */
import { SATISFACTION_NAME } from './rating';
import { RUBRIC } from './rubric';

export const EXPORT_DATASETS = ['declarations', 'scoresheets', 'results', 'comments', 'ratings', 'cases', 'assessments', 'events', 'valueForMoney'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ColumnType = 'text' | 'number' | 'date' | 'datetime';
export interface ExportColumn {
  key: string;
  header: string;
  /** Column width in characters (a Chinese character counts about two). */
  width: number;
  type: ColumnType;
}
/** One exported row: a value per column key. Dates as `YYYY-MM-DD`, date-times as ISO instants. */
export type ExportRow = Record<string, string | number | null>;

const col = (key: string, header: string, width: number, type: ColumnType = 'text'): ExportColumn => ({ key, header, width, type });

export const EXPORT_REGISTRY: Record<ExportDataset, { title: string; columns: ExportColumn[] }> = {
  declarations: {
    title: '申报',
    columns: [
      col('declarationId', '申报编号', 24),
      col('name', '产品名称', 30),
      col('applicant', '申报单位', 28),
      col('category', '产品类别', 14),
      col('purchaseMethod', '购买方式', 14),
      col('mode', '申报方式', 12),
      col('recommender', '推荐单位', 24),
      col('status', '状态', 12),
      col('submittedAt', '提交时间', 18, 'datetime'),
      col('materialRequests', '补充材料要求数', 10, 'number'),
      col('openMaterialRequests', '待补充数', 10, 'number'),
    ],
  },
  // Only declarations whose result exists: before every member has submitted, nobody sees any score (blind scoring).
  scoresheets: {
    title: '评分表',
    columns: [
      col('declarationId', '申报编号', 24),
      col('name', '产品名称', 30),
      col('expert', '评审专家', 12),
      col('expertOrganisation', '专家单位', 24),
      col('total', '总分', 8, 'number'),
      ...RUBRIC.map((i) => col(`item:${i.key}`, `${i.label}（${i.max}分）`, 12, 'number')),
      col('comment', '评审意见', 40),
      col('submittedAt', '提交时间', 18, 'datetime'),
    ],
  },
  results: {
    title: '评审结果',
    columns: [
      col('declarationId', '申报编号', 24),
      col('name', '产品名称', 30),
      col('sheets', '评分表数', 8, 'number'),
      col('average', '平均分', 8, 'number'),
      col('median', '中位数', 8, 'number'),
      col('stddev', '标准差', 8, 'number'),
      col('passed', '是否通过', 8),
      col('failedAttributes', '未达属性', 16),
      col('computedAt', '计算时间', 18, 'datetime'),
      col('confirmedAt', '确认时间', 18, 'datetime'),
    ],
  },
  comments: {
    title: '公示意见',
    columns: [
      col('commentId', '意见编号', 24),
      col('declarationId', '申报编号', 24),
      col('name', '产品名称', 30),
      col('pseudonym', '署名', 12),
      col('byApplicant', '申报单位本身', 10),
      col('text', '意见内容', 40),
      col('status', '状态', 10),
      col('disposition', '处理结果', 12),
      col('reply', '答复', 40),
      col('createdAt', '提出时间', 18, 'datetime'),
      col('repliedAt', '答复时间', 18, 'datetime'),
    ],
  },
  // Never who rated: no rater id, no token.
  ratings: {
    title: '满意度评价',
    columns: [
      col('ratingId', '评价编号', 24),
      col('productId', '产品编号', 14),
      col('product', '产品名称', 30),
      col('level', '满意程度', 8, 'number'),
      col('levelLabel', '评价', 10),
      col('efficiency', '服务效率', 8, 'number'),
      col('competence', '服务水平', 8, 'number'),
      col('attitude', '服务态度', 8, 'number'),
      col('text', '评价内容', 40),
      col('ratedOn', '评价日期', 12, 'date'),
    ],
  },
  cases: {
    title: '差评整改',
    columns: [
      col('caseId', '整改编号', 24),
      col('productId', '产品编号', 14),
      col('product', '产品名称', 30),
      col('level', '满意程度', 8, 'number'),
      col('openedOn', '开始日期', 12, 'date'),
      col('dueOn', '整改期限', 12, 'date'),
      col('status', '状态', 10),
      col('overdue', '是否逾期', 8),
      col('respondedOn', '答复日期', 12, 'date'),
      col('onTime', '按期办结', 8),
      col('fix', '整改措施', 40),
      col('raterSatisfied', '群众是否满意', 10),
    ],
  },
  // The yearly assessment results (issue 11's assessmentResults), every status: the bureau's own working list.
  assessments: {
    title: '年度测评',
    columns: [
      col('year', '年度', 8, 'number'),
      col('productId', '产品编号', 14),
      col('product', '产品名称', 30),
      col('category', '产品类别', 14),
      col('score', '得分', 8, 'number'),
      col('grade', '等次', 8),
      col('status', '状态', 10),
      col('satisfactionRate', SATISFACTION_NAME, 10, 'number'),
      col('satisfactionN', '评价数', 8, 'number'),
      col('documentNumber', '文号', 20),
      col('publishedAt', '公布时间', 18, 'datetime'),
      col('evidence', '证据', 36),
    ],
  },
  // Issue 16: what public purchasing bought per service (投入产出比), from confirmed procurement and served counts.
  valueForMoney: {
    title: '投入产出',
    columns: [
      col('year', '年度', 8, 'number'),
      col('productId', '产品编号', 14),
      col('product', '产品名称', 30),
      col('units', '采购单位数', 10, 'number'),
      col('amount', '确认采购金额（元）', 14, 'number'),
      col('services', '服务人次', 10, 'number'),
      col('servicesFrom', '人次来源', 14),
      col('costPerService', '每次服务成本（元）', 14, 'number'),
    ],
  },
  // Credit events (issue 12's creditEvents), revoked ones included and marked: the bureau's full record.
  events: {
    title: '信用事件',
    columns: [
      col('eventId', '事件编号', 24),
      col('org', '单位', 28),
      col('kind', '类型', 12),
      col('polarity', '性质', 8),
      col('severity', '严重程度', 8, 'number'),
      col('title', '事由', 36),
      col('practitioner', '从业人员', 12),
      col('documentNumber', '文号', 20),
      col('occurredOn', '发生日期', 12, 'date'),
      col('publicUntil', '公开至', 12, 'date'),
      col('recordedBy', '记录单位', 20),
      col('statement', '单位说明', 36),
      col('revoked', '是否撤销', 8),
    ],
  },
};

/** How long a download link works (local signed link and cloud temporary URL alike). */
export const DOWNLOAD_SECONDS = 600;
