/**
 * WeChat: at a tap where the person wants to hear back (submitting a declaration, answering a case, rating), ask for
 * the one-time subscription of the templates that may follow. Template ids come from the build (NOTIFY_TEMPLATES); with
 * none configured nothing is asked. A refusal is fine: the message still waits in 我的 → 消息.
 */
import Taro from '@tarojs/taro';
import type { TemplateKey } from '@shared/notify';

export async function askToHearBack(keys: TemplateKey[]): Promise<void> {
  const tmplIds = [...new Set(keys.map((k) => NOTIFY_TEMPLATES[k]).filter(Boolean))];
  if (!tmplIds.length) return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as never);
  } catch {
    // Declined or not supported: the inbox remains the channel; the tap's own action goes on.
  }
}
