/** The printable sheet (一式两份): the cover and the table of attachment 1, drawn from the specification's definition. */
import type { CallDoc } from '../../types/declaration';
import { DECLARATION_MODE_LABELS } from '../../types/declaration';
import { SPEC_SECTIONS, readField } from '../../types/spec';
import { COLLECTIONS } from '../_lib/collections';
import { escapeHtml as esc } from '../_lib/html';
import type { Ctx } from '../_lib/context';
import { loadReadable } from './loadDeclaration';


export async function printDeclaration(input: { declarationId: string }, ctx: Ctx): Promise<{ html: string }> {
  const d = await loadReadable(ctx, input.declarationId);
  const call = await ctx.store.get<CallDoc>(COLLECTIONS.calls, d.callId);
  const value = (key: string) => {
    const v = readField(d.spec, key);
    const field = SPEC_SECTIONS.flatMap((s) => s.fields).find((f) => f.key === key);
    const shown = field?.choices?.find((c) => c.value === v)?.label ?? (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
    return esc(shown).replace(/\n/g, '<br>');
  };
  const cover = SPEC_SECTIONS.find((s) => s.key === 'cover')!;
  const rows = SPEC_SECTIONS.filter((s) => s.key !== 'cover')
    .map((s) =>
      s.fields
        .map((f, i) => `<tr>${i === 0 ? `<th rowspan="${s.fields.length}" class="sec">${esc(s.title)}</th>` : ''}<th>${esc(f.label)}</th><td>${value(f.key)}</td></tr>`)
        .join(''),
    )
    .join('');
  // 三、申报：加盖推荐或申报单位公章 — a recommended declaration is sealed by its recommending organisation as well.
  const recommenderSeal = d.declarationMode === 'recommended' && d.recommender ? `<p>推荐单位（盖章）：${esc(d.recommender)}</p>` : '';
  const attachments = (d.spec.attachments ?? []).map((a, i) => `<li>${i + 1}. ${esc(a.name)}</li>`).join('') || '<li>无</li>';
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.name || '产品说明书')}</title>
<style>
  body { font-family: 'SimSun','Songti SC','Noto Serif CJK SC',serif; color: #000; margin: 0; }
  .page { width: 180mm; margin: 0 auto; padding: 12mm 0; }
  h1 { text-align: center; font-size: 22pt; margin: 40mm 0 24mm; }
  .cover p { font-size: 14pt; line-height: 2.2; margin: 0 20mm; border-bottom: 1px solid #000; }
  h2 { text-align: center; font-size: 16pt; }
  table { width: 100%; border-collapse: collapse; font-size: 10.5pt; }
  th, td { border: 1px solid #000; padding: 2mm 3mm; vertical-align: top; text-align: left; }
  th { width: 38mm; font-weight: normal; }
  th.sec { width: 22mm; writing-mode: horizontal-tb; }
  .meta { font-size: 10pt; margin-top: 4mm; }
  @media print { .page { padding: 0; } .break { page-break-before: always; break-before: page; } }
</style></head><body>
<div class="page cover"><h1>杭州市公共法律服务产品<br>说明书</h1>
<p>申报产品名称：${value('name')}</p>
${cover.fields.map((f) => `<p>${esc(f.label === '申报单位' ? '申报单位（盖章）' : f.label === '主要负责人' ? '主要负责人签名' : f.label)}：${value(f.key)}</p>`).join('\n')}
${recommenderSeal}
<p class="meta">申报方式：${esc(DECLARATION_MODE_LABELS[d.declarationMode])}${d.recommender ? `（推荐单位：${esc(d.recommender)}${d.endorsement ? `，${esc(d.endorsement.at.slice(0, 10))} 确认推荐` : '，尚未确认推荐'}）` : ''}　${call ? esc(call.title) : ''}</p></div>
<div class="page break"><h2>杭州市公共法律服务产品说明书</h2><table>${rows}</table>
<p class="meta">附件清单：</p><ul class="meta">${attachments}</ul>
<p class="meta">申报编号 ${esc(d._id)}　版本 ${d.version}　${d.submittedAt ? `提交于 ${esc(d.submittedAt.slice(0, 10))}` : '草稿，尚未提交'}</p></div>
</body></html>`;
  return { html };
}
