/**
 * The announcements feed as Atom 1.0 (RFC 4287): what an official website's CMS subscribes to. Pure: entries in, XML
 * out. Every entry has a stable `id` (a urn:uuid derived from the act it announces), a `title`, an `updated` instant,
 * a `category` naming its kind, a plain-text `summary`, and a `link` to its public page when the public site's address
 * is known (otherwise the text is also the entry's `content`, as RFC 4287 §4.1.2 asks of an entry without a link).
 */
import type { FeedKind } from './actions/openData';

export const FEED_KIND_LABELS: Record<FeedKind, string> = {
  call: '征集公告',
  publicity: '公示',
  'publicity-result': '公示结果',
  publication: '认定公布',
  assessment: '测评结果',
  suspension: '暂停与恢复',
  exit: '退出目录',
  'catalogue-version': '目录版本',
};

export interface FeedEntry {
  /** `urn:uuid:…`, the same for the same act forever. */
  id: string;
  kind: FeedKind;
  title: string;
  /** ISO 8601 instant with a zone. */
  updated: string;
  summary: string;
  /** Absolute address of the public page, or null. */
  link: string | null;
}

export interface FeedHead {
  id: string;
  title: string;
  subtitle: string;
  author: string;
  /** The feed's own address and the public site's, when known. */
  self: string | null;
  site: string | null;
  /** The feed's `updated` when it has no entry yet (ISO instant). */
  now: string;
}

/** At most this many entries, newest first (a CMS polls; the history is in the app). */
export const FEED_MAX_ENTRIES = 100;

// XML 1.0 allows tab, newline, carriage return and U+0020 upward (minus surrogates and U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** RFC 3339 instants only (Atom's Date construct): normalises a stored ISO string to UTC `…Z`. */
export function atomDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function atomXml(head: FeedHead, entries: FeedEntry[]): string {
  const sorted = [...entries].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || (a.id < b.id ? -1 : 1)).slice(0, FEED_MAX_ENTRIES);
  const updated = atomDate(sorted.length ? sorted[0].updated : head.now);
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlEscape(head.id)}</id>`,
    `  <title type="text">${xmlEscape(head.title)}</title>`,
    `  <subtitle type="text">${xmlEscape(head.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlEscape(head.author)}</name></author>`,
    ...(head.self ? [`  <link rel="self" type="application/atom+xml" href="${xmlEscape(head.self)}"/>`] : []),
    ...(head.site ? [`  <link rel="alternate" type="text/html" href="${xmlEscape(head.site)}"/>`] : []),
  ];
  for (const e of sorted) {
    out.push(
      '  <entry>',
      `    <id>${xmlEscape(e.id)}</id>`,
      `    <title type="text">${xmlEscape(e.title)}</title>`,
      `    <updated>${atomDate(e.updated)}</updated>`,
      `    <category term="${e.kind}" label="${xmlEscape(FEED_KIND_LABELS[e.kind])}"/>`,
      ...(e.link ? [`    <link rel="alternate" type="text/html" href="${xmlEscape(e.link)}"/>`] : [`    <content type="text">${xmlEscape(e.summary)}</content>`]),
      `    <summary type="text">${xmlEscape(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
