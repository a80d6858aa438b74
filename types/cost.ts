/**
 * What a service costs the citizen, in plain words first and the regulation's term second (attachment 1 note 2:
 * 政府补贴 pays part of the market price, 政府购买 all of it). One function for every card, page, poster, feed and the
 * HSDS `fees_description`, so the catalogue never says "按标准付费" where a person needs to read "收费".
 *
 * The purchase method says who pays the provider; the declared price says what the person pays. Where the two say
 * different things the person's side wins the headline: a subsidised mediation whose price reads "当事人免费，调解经费由
 * 财政补贴" is 免费 for the person who comes (the term 政府补贴 still follows it), and an "other" method whose price
 * reads "免费（社会组织公益项目）" is 免费 too.
 */
import { PURCHASE_METHOD_LABELS, type PurchaseMethod } from './domain';

export type CostKind = 'free' | 'part' | 'paid' | 'see';

export interface CostWords {
  kind: CostKind;
  /** 免费 / 部分费用由政府补贴 / 收费 / 费用见说明. */
  headline: string;
  /** What the citizen pays, from the declared price, when it says more than the headline. */
  detail: string | null;
  /** The regulation's term (购买方式), shown second and smaller. */
  term: string;
}

const FREE_WORDS = /免费|无偿|不收费|零收费|不收取费用/;
/** Words that mean someone pays something: an amount, a fee, a negotiation, own expense. */
const PAYING_WORDS = /收费|付费|收取|自费|协商|\d+(\.\d+)?\s*(元|%|％)/;
/** An amount of money in the price: then a subsidised price is what the person pays. */
const AMOUNT = /\d+(\.\d+)?\s*元/;

/** True when the declared price says the person pays nothing at all (and names no fee, amount or negotiation). */
export function paysNothing(price: string): boolean {
  const text = price.trim();
  return FREE_WORDS.test(text) && !PAYING_WORDS.test(text.replace(/不收费|零收费|不收取费用/g, ''));
}

/** The declared price text, cleaned of words that only repeat the headline. */
function priceDetail(price: string): string | null {
  const text = price.trim();
  return text && !/^免费[。.]?$/.test(text) ? text : null;
}

export function costInWords(method: PurchaseMethod, price: string): CostWords {
  const term = PURCHASE_METHOD_LABELS[method];
  const detail = priceDetail(price);
  switch (method) {
    case 'free':
      return { kind: 'free', headline: '免费', detail: detail && !paysNothing(price) ? detail : null, term };
    case 'government-purchase':
      // The government pays the whole market price: nothing for the citizen to pay.
      return { kind: 'free', headline: '免费', detail: '政府出钱购买，您不用付费', term };
    case 'subsidy':
      if (paysNothing(price)) return { kind: 'free', headline: '免费', detail: '费用由政府补贴，您不用付费', term };
      return { kind: 'part', headline: '部分费用由政府补贴', detail: detail ? (AMOUNT.test(detail) ? `您付：${detail}` : detail) : null, term };
    case 'standard-fee':
      return { kind: 'paid', headline: '收费', detail: detail ? `标准：${detail}` : null, term };
    default:
      return paysNothing(price) ? { kind: 'free', headline: '免费', detail: null, term } : { kind: 'see', headline: '费用见说明', detail, term };
  }
}

/** One line: 免费 / 部分费用由政府补贴（您付：…）/ 收费（标准：…）, then the term. */
export function costLine(method: PurchaseMethod, price: string): string {
  const c = costInWords(method, price);
  return `${c.headline}${c.detail ? `（${c.detail}）` : ''}｜${c.term}`;
}
