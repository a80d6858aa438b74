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

/** What the checker needs of wx-server-sdk: `cloud.openapi.security.msgSecCheck` (calls through the function's own openapi permission). */
export interface MsgSecCheckApi {
  openapi: { security: { msgSecCheck(o: { content: string; version: 2; scene: 2; openid?: string }): Promise<MsgSecCheckResult> } };
}
/** security.msgSecCheck v2's answer: `result.suggest` is 'pass', 'review' or 'risky'; a non-zero errCode is a failed call. */
export interface MsgSecCheckResult {
  errCode?: number;
  errMsg?: string;
  result?: { suggest?: string; label?: number };
}

/**
 * The cloud: WeChat's own check, the documented way (wx-server-sdk's openapi with `security.msgSecCheck` permitted in the
 * function's config.json, which the build writes). Only a clear 'pass' shows the text; 'review', 'risky', an unknown
 * answer or a failed call hold it for a person.
 */
export class WeChatChecker implements ContentChecker {
  constructor(private readonly cloud: MsgSecCheckApi) {}
  async check(text: string, openid?: string): Promise<ContentVerdict> {
    try {
      const res = await this.cloud.openapi.security.msgSecCheck({ content: text, version: 2, scene: 2, openid });
      return (res?.errCode ?? 0) === 0 && res?.result?.suggest === 'pass' ? 'pass' : 'review';
    } catch {
      return 'review';
    }
  }
}
