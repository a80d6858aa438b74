/**
 * Issue 24, hearing back in the cloud: the weapp asks for WeChat's one-time subscription at the taps after which a
 * message follows — for citizens too: commenting on a notice, giving a bad rating, asking for a review — before the
 * request goes (WeChat allows the prompt only within a tap), and only for configured templates.
 */
import fs from 'fs';
import path from 'path';

const requestSubscribeMessage = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (o: unknown) => requestSubscribeMessage(o) } }));

const load = (templates: Record<string, string>) => {
  (globalThis as Record<string, unknown>).NOTIFY_TEMPLATES = templates;
  let mod: typeof import('../../src/utils/subscribe.weapp');
  jest.isolateModules(() => {
    mod = require('../../src/utils/subscribe.weapp');
  });
  return mod!;
};

beforeEach(() => requestSubscribeMessage.mockReset());

test('asks once for each configured template the tap may lead to', async () => {
  const { askToHearBack } = load({ TASK: 'tmpl-task', DEADLINE: '', RESULT: 'tmpl-result' });
  requestSubscribeMessage.mockResolvedValue({});
  await askToHearBack(['RESULT', 'RESULT', 'DEADLINE', 'TASK']);
  expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(requestSubscribeMessage.mock.calls[0][0]).toMatchObject({ tmplIds: ['tmpl-result', 'tmpl-task'] });
});

test('nothing is asked without templates, and a refusal never stops the tap', async () => {
  const none = load({ TASK: '', DEADLINE: '', RESULT: '' });
  await none.askToHearBack(['RESULT']);
  expect(requestSubscribeMessage).not.toHaveBeenCalled();
  const some = load({ TASK: '', DEADLINE: '', RESULT: 'tmpl-result' });
  requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' });
  await expect(some.askToHearBack(['RESULT'])).resolves.toBeUndefined();
});

/** The text of the handler `const <name> = async` in a page, up to its closing line. */
function handler(file: string, name: string): string {
  const text = fs.readFileSync(path.resolve(__dirname, '../../src', file), 'utf8');
  const start = text.indexOf(`const ${name} = async`);
  expect({ file, name, found: start >= 0 }).toEqual({ file, name, found: true });
  return text.slice(start, text.indexOf('\n  };', start));
}

test.each([
  ['pages/notice/index.tsx', 'send', "api('publicity', 'comment'", 'RESULT'],
  ['pages/rate/index.tsx', 'send', "api('ratings', 'rate'", 'RESULT'],
  ['packages/account/pages/cases/index.tsx', 'confirm', "api('ratings', 'confirmCase'", 'RESULT'],
  ['packages/applicant/pages/form/index.tsx', 'submit', 'form.submit()', 'RESULT'],
])('%s asks to hear back (%s) before it sends', (file, name, call, template) => {
  const body = handler(file, name);
  const ask = body.indexOf('askToHearBack(');
  expect({ file, asks: ask >= 0, first: ask >= 0 && ask < body.indexOf(call), template: body.slice(ask, ask + 60).includes(`'${template}'`) }).toEqual({ file, asks: true, first: true, template: true });
  // Nothing awaited before it: the prompt must still be inside the tap.
  expect(body.slice(0, ask).replace(/await $/, '')).not.toMatch(/await /);
});
