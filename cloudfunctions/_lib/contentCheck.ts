/**
 * Text a citizen writes passes a content check before anyone else sees it. In the cloud: WeChat's
 * security.msgSecCheck (v2, scene 2 = comments). Locally: a small word list. Anything doubtful is held for a person.
 */
import { containsWord, hasPersonalNumber } from './normalizeText';

export type ContentVerdict = 'pass' | 'review';

export interface ContentChecker {
  check(text: string, openid?: string): Promise<ContentVerdict>;
}

/** Local mode: words that hold a comment for the bureau to look at (abuse, ads, personal data prompts). */
export const LOCAL_HELD_WORDS = ['傻逼', '垃圾', '去死', '诈骗', '赌博', '代开发票', '加微信', '加威信', '加薇信', '加vx', '加qq', '色情', '身份证号'];

/** Local mode: the word list and personal numbers, looked for after normalizeText undoes width, separator and invisible-character tricks. */
export class WordListChecker implements ContentChecker {
  constructor(private readonly words: string[] = LOCAL_HELD_WORDS) {}
  async check(text: string): Promise<ContentVerdict> {
    // An 11-digit mobile or an 18-character ID number in a public comment is personal data.
    if (hasPersonalNumber(text)) return 'review';
    return containsWord(text, this.words) ? 'review' : 'pass';
  }
}

/** The cloud: WeChat's own check. A failure to ask holds the comment rather than showing it. */
export class WeChatChecker implements ContentChecker {
  constructor(private readonly app: { callWxOpenApi(o: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }> }) {}
  async check(text: string, openid?: string): Promise<ContentVerdict> {
    try {
      const res = await this.app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', requestData: { content: text, version: 2, scene: 2, openid } });
      const raw = res.result;
      const body = typeof raw === 'string' ? JSON.parse(raw) : Buffer.isBuffer(raw) ? JSON.parse(raw.toString('utf8')) : raw;
      return (body as { result?: { suggest?: string } })?.result?.suggest === 'pass' ? 'pass' : 'review';
    } catch {
      return 'review';
    }
  }
}
