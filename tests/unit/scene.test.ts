/** Issue 15: a page opened from a mini-program code reads its target from the code's `scene` (src/utils/scene.ts). */
import { launchParam } from '../../src/utils/scene';
import { SCENE_MAX } from '../../cloudfunctions/_lib/miniCode';
import { newSecretToken } from '../../cloudfunctions/_lib/ids';

test('the page’s own parameter wins; otherwise the URL-encoded scene holds the id', () => {
  expect(launchParam({ id: 'p0001demo' }, 'id')).toBe('p0001demo');
  expect(launchParam({ id: 'p0001demo', scene: 'p0002demo' }, 'id')).toBe('p0001demo');
  expect(launchParam({ scene: 'p0002demo' }, 'id')).toBe('p0002demo');
  expect(launchParam({ scene: encodeURIComponent('Ab_9-xY') }, 't')).toBe('Ab_9-xY');
});

test('a scene that is no id yields nothing, so the page shows its not-found state rather than a blank', () => {
  expect(launchParam({}, 'id')).toBe('');
  expect(launchParam({ scene: '' }, 'id')).toBe('');
  expect(launchParam({ scene: '%E0%A4%A' }, 'id')).toBe(''); // malformed encoding
  expect(launchParam({ scene: encodeURIComponent('../admin?x=1') }, 'id')).toBe('');
  expect(launchParam({ scene: 'a'.repeat(33) }, 'id')).toBe('');
});

test('a rating token fits WeChat’s 32-character scene as it is', () => {
  expect(SCENE_MAX).toBe(32);
  const token = newSecretToken().slice(0, 20); // ratings/tokens.ts
  expect(token.length).toBeLessThanOrEqual(SCENE_MAX);
  expect(launchParam({ scene: encodeURIComponent(token) }, 't')).toBe(token);
});
