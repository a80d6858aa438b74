/**
 * The catalogue's real first page in index.html (issue 14, fast on a phone network): the server fills the shell's
 * skeleton (`#sk-list` of src/index.html) with the same first page the home page asks for first
 * (`catalogue.search { limit: 20 }`, run in-process by an anonymous caller), as plain HTML: one link per product to its
 * page, its name, what it costs in plain words (免费 / 收费 …) and its purchase method, its category, summary and provider. A phone on a slow link sees real
 * products with the first bytes, ~1.2 s before the framework has booted; the app replaces them when it mounts (the
 * shell hides #sk once #app has content). No script is added: the CSP stays as it is.
 *
 * The rendered cards are kept in memory per catalogue version (`counters/catalogueVersion`, bumped by every
 * publication, suspension, reinstatement and exit) and for at most PRERENDER_TTL_MS, which bounds how long what
 * changes without a new version (a product's 满意率, an edited summary) can lag behind.
 */
import { CATEGORY_LABELS } from '../types/domain';
import { costInWords } from '../types/cost';
import type { ProductListItem } from '../types/product';
import { SATISFACTION_NAME, percentText } from '../types/rating';
import type { SearchCatalogueResult } from '../types/actions/catalogue';
import type { Envelope } from '../types/envelope';
import { COLLECTIONS } from '../cloudfunctions/_lib/collections';
import { ANONYMOUS } from '../cloudfunctions/_lib/context';
import { dispatch, type BaseCtx, type ErrorLogger } from '../cloudfunctions/_lib/router';
import { FUNCTIONS } from '../cloudfunctions/registry';
import { CATALOGUE_VERSION_COUNTER } from '../cloudfunctions/catalogue/catalogueChanges';

/** The home page's first request (src/index.html preloads the same one). */
export const FIRST_PAGE_QUERY = { action: 'search', limit: 20 } as const;
/** At most this old, even when the catalogue version has not moved. */
export const PRERENDER_TTL_MS = 60_000;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** One product as the app's ProductCard shows it at a glance, as a link to its page (works before any script). */
export function renderCard(p: ProductListItem): string {
  // Cost in plain words first (types/cost.ts, as the app's card), the regulation's term after it.
  const cost = costInWords(p.purchaseMethod, p.price ?? '');
  const method = `<span class="pr-badge pr-badge--${cost.kind}">${escapeHtml(cost.headline)}</span><span class="pr-term">${escapeHtml(cost.term)}</span>`;
  const rate = p.rating?.count > 0 && p.rating.satisfactionRate !== null ? ` · ${SATISFACTION_NAME} ${percentText(p.rating.satisfactionRate)}` : '';
  return (
    `<a class="pr-card" href="/#/pages/product/index?id=${escapeHtml(encodeURIComponent(p.productId))}">` +
    `<span class="pr-name">${escapeHtml(p.name)}</span>` +
    `<span class="pr-badges">${method}<span class="pr-badge">${escapeHtml(CATEGORY_LABELS[p.category] ?? p.category)}</span></span>` +
    `<span class="pr-summary">${escapeHtml(p.summary)}</span>` +
    `<span class="pr-provider">${escapeHtml(`${p.providerName} · ${p.district}${rate}`)}</span>` +
    `</a>`
  );
}

/** The cards of a first page; empty when there is nothing listed (the skeleton stays). */
export function renderCards(items: ProductListItem[]): string {
  return items.map(renderCard).join('');
}

const LIST_OPEN = '<div id="sk-list">';

/**
 * index.html with `cards` in place of the skeleton's placeholder cards; unchanged when `cards` is empty or the shell
 * has no `#sk-list` (an older build).
 */
export function injectCards(html: string, cards: string): string {
  if (!cards) return html;
  const start = html.indexOf(LIST_OPEN);
  if (start < 0) return html;
  const hidden = html.indexOf('<span class="sk-hidden"', start);
  const close = hidden < 0 ? -1 : html.lastIndexOf('</div>', hidden);
  if (close <= start) return html;
  return html.slice(0, start + LIST_OPEN.length) + cards + html.slice(close);
}

export interface HomePrerender {
  /** The first page's cards as HTML ('' when the catalogue is empty); cached per catalogue version and TTL. */
  cards(): Promise<string>;
}

/** The first page from the catalogue function itself (same permissions, schema and query as the app's request). */
export function createHomePrerender(base: Omit<BaseCtx, 'caller' | 'throttle' | 'clientAddress'>, log: ErrorLogger, ttlMs = PRERENDER_TTL_MS): HomePrerender {
  let kept: { version: number; at: number; cards: string } | null = null;
  let pending: Promise<string> | null = null;
  const render = async (): Promise<string> => {
    const counter = await base.store.get<{ _id: string; value: number }>(COLLECTIONS.counters, CATALOGUE_VERSION_COUNTER);
    const version = counter?.value ?? 0;
    const now = Date.now();
    if (kept && kept.version === version && now - kept.at < ttlMs) return kept.cards;
    const answer = (await dispatch(FUNCTIONS.catalogue, { ...FIRST_PAGE_QUERY }, { ...base, caller: ANONYMOUS }, log)) as Envelope<SearchCatalogueResult>;
    if (!answer.ok) throw new Error(`catalogue.search: ${answer.error.code} ${answer.error.message}`);
    kept = { version, at: now, cards: renderCards(answer.data.items) };
    return kept.cards;
  };
  return {
    cards() {
      // Concurrent requests share one query.
      pending ??= render().finally(() => (pending = null));
      return pending;
    },
  };
}
