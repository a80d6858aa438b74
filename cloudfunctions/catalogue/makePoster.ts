import QRCode from 'qrcode';
import { CATEGORY_LABELS } from '../../types/domain';
import { costInWords } from '../../types/cost';
import type { ProductDoc } from '../../types/product';
import { COLLECTIONS } from '../_lib/collections';
import { escapeHtml as esc } from '../_lib/html';
import type { Ctx } from '../_lib/context';
import { notFound } from '../_lib/errors';
import { productLink } from '../_lib/links';
import { CODE_PAGES, keptMiniCode, miniProgramCode } from '../_lib/miniCode';

/** Splits text into lines of at most `n` characters (CJK text has no spaces to break at). */
function wrap(text: string, n: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < text.length && lines.length < maxLines; i += n) lines.push(text.slice(i, i + n));
  if (lines.length === maxLines && text.length > n * maxLines) lines[maxLines - 1] = lines[maxLines - 1].slice(0, n - 1) + '…';
  return lines;
}

/** The QR code of `link` as one SVG path of 8-pixel cells, and its size in cells. */
export function qrPath(link: string, cell = 8): { path: string; size: number } {
  const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
  let path = '';
  for (let y = 0; y < qr.modules.size; y++) for (let x = 0; x < qr.modules.size; x++) if (qr.modules.get(x, y)) path += `M${x * cell} ${y * cell}h${cell}v${cell}h-${cell}z`;
  return { path, size: qr.modules.size };
}

/**
 * A print-ready A6-proportioned SVG poster: name, what it costs in plain words (types/cost.ts), category and purchase method, provider, phone, and a QR code of the
 * product's own page. The link is built here from configuration (_lib/links.ts): no caller can put another on it.
 * On CloudBase the code is a mini-program code (scene = the product id; _lib/miniCode.ts), drawn once per product and kept
 * in cloud storage; locally, or when WeChat refuses, the QR code of the H5 link (`codeKind: 'link'`, with a note then).
 */
export async function makePoster(
  input: { productId: string },
  ctx: Ctx,
): Promise<{ svg: string; link: string; codeKind: 'wxacode' | 'link'; codeUrl?: string; codeNote?: string }> {
  // The product and its kept code together (issue 25); a code is drawn only for a listed product.
  const [p, kept] = await Promise.all([ctx.store.get<ProductDoc>(COLLECTIONS.products, input.productId), keptMiniCode(ctx, CODE_PAGES.product, input.productId)]);
  if (!p || p.status !== 'listed') throw notFound('没有找到这个产品，它可能已调整出目录');
  const link = productLink(p._id);
  const code = await miniProgramCode(ctx, CODE_PAGES.product, p._id, kept);
  let qrPx: number;
  let codeMarkup: string;
  if (code.codeKind === 'wxacode') {
    qrPx = 280;
    const href = `data:image/png;base64,${code.png.toString('base64')}`;
    codeMarkup = `<image width="${qrPx}" height="${qrPx}" href="${href}" xlink:href="${href}"/>`;
  } else {
    const { path, size } = qrPath(link);
    qrPx = size * 8;
    codeMarkup = `<rect x="-16" y="-16" width="${qrPx + 32}" height="${qrPx + 32}" fill="#ffffff"/><path d="${path}" fill="#000000"/>`;
  }

  const W = 600;
  const H = 860;
  const title = wrap(p.name, 13, 2);
  const cost = costInWords(p.purchaseMethod, p.spec.price);
  const qrX = (W - qrPx) / 2;
  const qrY = 330;
  const text = (x: number, y: number, s: string, size: number, extra = '') => `<text x="${x}" y="${y}" font-size="${size}" ${extra}>${esc(s)}</text>`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<rect width="${W}" height="90" fill="#1f5fbf"/>`,
    text(W / 2, 58, '杭州市公共法律服务产品', 32, 'fill="#ffffff" text-anchor="middle" font-weight="700"'),
    ...title.map((line, i) => text(W / 2, 160 + i * 52, line, 42, 'fill="#1d2433" text-anchor="middle" font-weight="700"')),
    // What it costs in plain words, large; the category and the regulation's term under it, smaller.
    text(W / 2, 160 + title.length * 52 + 4, cost.headline, 34, `fill="${cost.kind === 'free' ? '#0a7a3d' : cost.kind === 'part' ? '#1f5fbf' : '#7a4200'}" text-anchor="middle" font-weight="700"`),
    text(W / 2, 160 + title.length * 52 + 36, `${CATEGORY_LABELS[p.category]} · 购买方式：${cost.term}`, 22, 'fill="#4a5468" text-anchor="middle"'),
    `<g transform="translate(${qrX} ${qrY})">${codeMarkup}</g>`,
    text(W / 2, qrY + qrPx + 56, code.codeKind === 'wxacode' ? '微信扫一扫 打开小程序查看服务详情' : '微信扫码查看服务详情', 26, 'fill="#4a5468" text-anchor="middle"'),
    text(W / 2, H - 110, p.providerName, 26, 'fill="#1d2433" text-anchor="middle"'),
    text(W / 2, H - 64, `服务电话 ${p.spec.publicInfo.servicePhone}`, 30, 'fill="#1f5fbf" text-anchor="middle" font-weight="700"'),
    `</svg>`,
  ].join('');
  return {
    svg,
    link,
    codeKind: code.codeKind,
    ...(code.codeKind === 'wxacode' && code.url ? { codeUrl: code.url } : {}),
    ...(code.codeKind === 'link' && code.note ? { codeNote: code.note } : {}),
  };
}
