/** 评审报告: a printable report of one declaration's review, as procurement review reports are (each member's total, dissent with reasons). */
import { DECLARATION_MODE_LABELS, type DeclarationDoc } from '../../types/declaration';
import type { AskDoc, ExpertDoc, MeetingDoc, PanelDoc, ReviewResult, ScoresheetDoc } from '../../types/review';
import { ATTRIBUTES, ATTRIBUTE_LABELS, EXPERT_KIND_LABELS, PASS_MARK, RUBRIC } from '../../types/rubric';
import { shanghaiDateTime } from '../../types/time';
import { COLLECTIONS } from '../_lib/collections';
import type { Ctx } from '../_lib/context';
import { escapeHtml as esc } from '../_lib/html';
import { conflict, notFound } from '../_lib/errors';
import { isAdmin } from '../_lib/rules';
import { asksOf } from './asks';
import { currentConfirmations } from './panelConfirm';
import { sheetId } from './panels';
import { findByIds } from '../_lib/store/pages';
import { isPanelMember } from './permissions';

const day = (iso: string | null | undefined) => (iso ? esc(iso.slice(0, 10)) : '');

export async function reviewReport(input: { declarationId: string }, ctx: Ctx): Promise<{ html: string }> {
  const panel = await ctx.store.get<PanelDoc>(COLLECTIONS.panels, input.declarationId);
  if (!panel || (!isAdmin(ctx.caller) && !isPanelMember(ctx.caller, panel))) throw notFound('没有找到这份申报的评审');
  // Everything else together, once the caller may see the panel (issue 25: two round trips, not two per member).
  const [d, result, experts, sheets, meeting, asks] = await Promise.all([
    ctx.store.get<DeclarationDoc>(COLLECTIONS.declarations, panel._id) as Promise<DeclarationDoc>,
    ctx.store.get<ReviewResult & { _id: string }>(COLLECTIONS.results, panel._id),
    findByIds<ExpertDoc>(ctx.store, COLLECTIONS.experts, panel.members),
    findByIds<ScoresheetDoc>(ctx.store, COLLECTIONS.scoresheets, panel.members.map((id) => sheetId(panel._id, id))),
    ctx.store.get<MeetingDoc>(COLLECTIONS.meetings, panel._id),
    asksOf(ctx, panel._id),
  ]);
  if (!result) throw conflict(`评分尚未全部提交（${panel.submitted.length}/${panel.members.length}），评审报告要等全部提交后才能生成`);
  const members = panel.members.map((id) => ({ id, expert: experts.find((e) => e._id === id) ?? null, sheet: sheets.find((x) => x._id === sheetId(panel._id, id)) ?? null }));
  const confirmations = result.confirmations ?? currentConfirmations(panel);
  const nameOf = (id: string) => esc(members.find((m) => m.id === id)?.expert?.name ?? id);

  const memberRows = members
    .map((m, i) => {
      const c = confirmations.find((x) => x.expertId === m.id);
      const judged = ATTRIBUTES.map((a) => `${ATTRIBUTE_LABELS[a].label}${m.sheet?.attributes[a] === 'meets' ? '符合' : m.sheet?.attributes[a] === 'doubtful' ? '存疑' : '不符合'}`).join('、');
      return `<tr><td>${i + 1}</td><td>${esc(m.expert?.name ?? '')}</td><td>${esc(m.expert?.organisation ?? '')}</td><td>${esc(m.expert ? EXPERT_KIND_LABELS[m.expert.kind] : '')}</td><td class="num">${m.sheet?.total ?? ''}</td><td>${esc(judged)}</td><td>${c ? (c.agree ? '同意' : `不同意：${esc(c.note)}`) : '未确认'}</td></tr>`;
    })
    .join('');
  const itemRows = RUBRIC.map((i) => `<tr><td>${esc(i.aspect)}</td><td>${esc(i.label)}</td><td class="num">${i.max}</td><td class="num">${result.itemAverages[i.key] ?? ''}</td></tr>`).join('');
  const attrRows = ATTRIBUTES.map((a) => `<tr><td>${esc(ATTRIBUTE_LABELS[a].label)}</td><td class="num">${result.attributes[a].meets}</td><td class="num">${result.attributes[a].doubtful}</td><td class="num">${result.attributes[a].fails}</td></tr>`).join('');
  const dissent = (result.dissent ?? confirmations.filter((c) => !c.agree)).map((x) => `<li>${nameOf(x.expertId)}：${esc(x.note)}</li>`).join('') || '<li>无</li>';
  const askRows = asks.map((a: AskDoc) => `<li>${day(a.askedAt)} ${esc(a.note)}（${a.status === 'forwarded' ? '已转交申报单位' : a.status === 'declined' ? `不予转交：${esc(a.reason)}` : '待处理'}）</li>`).join('') || '<li>无</li>';
  const agreed = confirmations.filter((c) => c.agree).length;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评审报告 ${esc(d.name)}</title>
<style>
  body { font-family: 'SimSun','Songti SC','Noto Serif CJK SC',serif; color: #000; margin: 0; }
  .page { width: 180mm; margin: 0 auto; padding: 12mm 0; }
  h1 { text-align: center; font-size: 18pt; }
  h2 { font-size: 13pt; margin-top: 6mm; }
  table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
  th, td { border: 1px solid #000; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
  td.num { text-align: right; }
  p, li { font-size: 11pt; line-height: 1.7; }
  @media print { .page { padding: 0; } }
</style></head><body><div class="page">
<h1>杭州市公共法律服务产品评审报告</h1>
<p>申报产品：${esc(d.name)}<br>申报单位：${esc(d.spec.cover?.applicantName ?? '')}<br>申报方式：${esc(DECLARATION_MODE_LABELS[d.declarationMode])}${d.recommender ? `（推荐单位：${esc(d.recommender)}）` : ''}<br>
申报编号：${esc(d._id)}　评审组抽取于 ${day(panel.drawnAt)}（随机种子 ${esc(panel.seed)}）</p>
<h2>一、评审组成员评分及确认</h2>
<table><tr><th>序号</th><th>姓名</th><th>工作单位</th><th>类别</th><th>总分</th><th>属性判断</th><th>对结果的意见</th></tr>${memberRows}</table>
<p>平均分 <b>${result.average.toFixed(2)}</b>（达标分数线 ${PASS_MARK} 分），中位数 ${result.median}，标准差 ${result.stddev}。${result.failedAttributes.length ? `${result.failedAttributes.map((a) => ATTRIBUTE_LABELS[a].label).join('、')}未获评审组过半数成员认定为符合。` : ''}
评审结论：<b>${result.passed ? '达到达标分数线，可拟定为公共法律服务产品' : '未达标'}</b>。
评审组 ${members.length} 人，${agreed} 人同意，${confirmations.length - agreed} 人不同意，${members.length - confirmations.length} 人未表态；${result.confirmedAt ? `${day(result.confirmedAt)} 确认` : '尚未确认'}。</p>
<h2>二、不同意见及理由</h2><ul>${dissent}</ul>
<h2>三、各项平均得分</h2>
<table><tr><th>方面</th><th>项目</th><th>满分</th><th>平均分</th></tr>${itemRows}</table>
<h2>四、属性审查（人数）</h2>
<table><tr><th>属性</th><th>符合</th><th>存疑</th><th>不符合</th></tr>${attrRows}</table>
<h2>五、评审会</h2>
<p>${meeting ? `${esc(shanghaiDateTime(meeting.at))}，${esc(meeting.place)}${meeting.onlineLink ? `（线上：${esc(meeting.onlineLink)}）` : ''}，陈述 ${meeting.presentMinutes} 分钟。<br>会议记录：${esc(meeting.notes ?? '（未记录）').replace(/\n/g, '<br>')}` : '未召开评审会。'}</p>
<h2>六、评审期间要求补充的材料</h2><ul>${askRows}</ul>
<p>评审组成员签名：____________________　　日期：__________</p>
</div></body></html>`;
  return { html };
}
