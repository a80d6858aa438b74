/**
 * Calls to WeChat APIs that need the privacy guide's consent: a refusal (or any failure other than the person
 * cancelling) is told in a toast, never swallowed.
 */
import Taro from '@tarojs/taro';
import { PRIVACY_APIS, type PrivacyApi } from '@shared/privacy';

const errMsg = (e: unknown) => String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e);

/** WeChat answers a refused privacy authorisation with errno 104 / "privacy permission is not authorized". */
export function isPrivacyRefusal(e: unknown): boolean {
  const errno = (e as { errno?: number })?.errno;
  return errno === 104 || /privacy|auth deny|authorize:fail/i.test(errMsg(e));
}

export const isCancel = (e: unknown) => /cancel/i.test(errMsg(e));

/** Runs a privacy API call; tells the person in a toast when they refused or it failed. Resolves false then. */
export async function withPrivacy(api: PrivacyApi, run: () => Promise<unknown>, failedHint = '操作没有成功，请稍后再试'): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (e) {
    if (isCancel(e) && !isPrivacyRefusal(e)) return false;
    await Taro.showToast({ title: isPrivacyRefusal(e) ? PRIVACY_APIS[api].refusedHint : failedHint, icon: 'none', duration: 2500 }).catch(() => undefined);
    return false;
  }
}
