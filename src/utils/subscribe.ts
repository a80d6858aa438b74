/**
 * Asking to hear back (WeChat's one-time subscription messages) exists in the weapp only (subscribe.weapp.ts); elsewhere
 * messages appear in 我的 → 消息 and nothing is asked.
 */
import type { TemplateKey } from '@shared/notify';

export async function askToHearBack(_keys: TemplateKey[]): Promise<void> {}
