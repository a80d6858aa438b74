/**
 * The WeChat content check's decisions, with wx-server-sdk's `cloud.openapi.security.msgSecCheck` at its boundary:
 * only WeChat's clear 'pass' shows a text; 'review', 'risky', an error code, an odd answer or a failed call hold it.
 */
import { WeChatChecker, type MsgSecCheckApi, type MsgSecCheckResult } from '../../cloudfunctions/_lib/contentCheck';

function cloudAnswering(answer: MsgSecCheckResult | Error) {
  const calls: unknown[] = [];
  const cloud: MsgSecCheckApi = {
    openapi: {
      security: {
        msgSecCheck: async (o) => {
          calls.push(o);
          if (answer instanceof Error) throw answer;
          return answer;
        },
      },
    },
  };
  return { checker: new WeChatChecker(cloud), calls };
}

test('asks msgSecCheck v2 for comments (scene 2) with the writer’s openid', async () => {
  const { checker, calls } = cloudAnswering({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } });
  expect(await checker.check('希望增加周末服务时间', 'oABC123')).toBe('pass');
  expect(calls).toEqual([{ content: '希望增加周末服务时间', version: 2, scene: 2, openid: 'oABC123' }]);
});

test.each([
  ['review', { errCode: 0, result: { suggest: 'review', label: 20001 } }],
  ['risky', { errCode: 0, result: { suggest: 'risky', label: 20006 } }],
  ['an error code', { errCode: 61010, errMsg: 'user is not visited recently' }],
  ['no result', { errCode: 0 }],
])('holds the text when WeChat answers %s', async (_, answer) => {
  expect(await cloudAnswering(answer as MsgSecCheckResult).checker.check('一段文字', 'o1')).toBe('review');
});

test('holds the text when the call fails (no permission, timeout)', async () => {
  const err = Object.assign(new Error('openapi.security.msgSecCheck:fail -604101 function has no permission to call this API'), { errCode: -604101 });
  expect(await cloudAnswering(err).checker.check('一段文字', 'o1')).toBe('review');
});
