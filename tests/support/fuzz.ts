/**
 * The standing fuzz (issue 10): for every action of every function in the registry (iterated, so new actions are
 * covered without editing this), property-based payloads — wrong types, hostile strings, huge and deep values,
 * prototype keys — sent as raw JSON through the real HTTP server, as nobody, a citizen, an applicant, an expert and
 * the bureau. Used by tests/integration/fuzz.test.ts (bounded) and `npm run fuzz` (larger).
 */
import fc from 'fast-check';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { ADMIN_TOKEN, type Harness } from './harness';
import { startPipeline } from './pipeline';

export interface FuzzTarget {
  fn: string;
  action: string;
  /** The input schema's top-level keys, so payloads often reach the validators and the use cases. */
  keys: string[];
}

/** Every action in the registry. */
export function fuzzTargets(): FuzzTarget[] {
  const targets: FuzzTarget[] = [];
  for (const [fn, def] of Object.entries(FUNCTIONS))
    for (const [action, a] of Object.entries(def.actions)) {
      const shape = (a.input as unknown as { shape?: Record<string, unknown> }).shape;
      targets.push({ fn, action, keys: shape ? Object.keys(shape) : [] });
    }
  return targets;
}

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u2066evil',
  '\ufeff',
  '\ud800',
  '../../../../etc/passwd',
  '..\\..\\windows',
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '$where',
  '{"$gt": ""}',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '%E0%A4%A',
  '%00',
  '${7*7}',
  '__proto__',
  'constructor',
  '2026-13-45',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-10-08T09:00:00+08:00',
  '99999-01-01T00:00:00Z',
  'ABCD-2345',
  'p0001demo',
  'local/00000000000000000000000000000000',
  'cloud://x/y',
  '杭司〔2026〕1号',
  '13800138000',
  '😀'.repeat(50),
  '测'.repeat(2000),
  'a'.repeat(70_000),
];
const NUMBERS = [0, -0, -1, 1, 0.5, 2018, 2100, 9999, 100000, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), 1e308, -1e308, 5e-324];

/** A JSON text; `ids` are real record ids of this server, so some payloads reach the use cases. */
export function jsonValue(keys: string[], ids: string[]): fc.Arbitrary<string> {
  const key = fc.oneof(
    { weight: 4, arbitrary: keys.length ? fc.constantFrom(...keys) : fc.constant('x') },
    { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const str = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40, unit: 'grapheme' }) },
    { weight: 2, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant('x') },
  );
  const leaf = fc.oneof(
    str.map((s) => JSON.stringify(s)),
    fc.constantFrom(...NUMBERS).map((n) => JSON.stringify(n)),
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.boolean().map(String),
    fc.constant('null'),
  );
  const { value } = fc.letrec<{ value: string; arr: string; obj: string }>((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leaf, tie('arr'), tie('obj')),
    arr: fc.array(tie('value'), { maxLength: 5 }).map((a) => `[${a.join(',')}]`),
    obj: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  }));
  return value;
}

/** Huge and deep values, within the body limit (the limit itself is tested elsewhere). */
const HUGE = [
  '['.repeat(3000) + ']'.repeat(3000),
  '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
  `[${Array.from({ length: 20_000 }, (_, i) => i).join(',')}]`,
  `{${Array.from({ length: 5000 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
  JSON.stringify('x'.repeat(200_000)),
];

/** A whole request body for `target`: `{ "action": …, …fields }` as raw JSON text (prototype keys kept as own keys). */
export function requestBody(target: FuzzTarget, ids: string[]): fc.Arbitrary<string> {
  const value = jsonValue(target.keys, ids);
  const field = fc.tuple(
    fc.oneof({ weight: 6, arbitrary: target.keys.length ? fc.constantFrom(...target.keys) : fc.constantFrom(...PROTOTYPE_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) }),
    fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(...HUGE) }),
  );
  const action = fc.oneof({ weight: 12, arbitrary: fc.constant(JSON.stringify(target.action)) }, { weight: 1, arbitrary: value });
  return fc
    .tuple(action, fc.array(field, { maxLength: 6 }), fc.boolean())
    .map(([a, fields, actionFirst]) => {
      const parts = fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`);
      const act = `"action":${a}`;
      return `{${(actionFirst ? [act, ...parts] : [...parts, act]).join(',')}}`;
    });
}

export interface FuzzOutcome {
  status: number;
  envelope: boolean;
}

/** POSTs a raw body; never throws for an HTTP status (a dropped connection is status 0). */
export async function send(url: string, fn: string, body: string, token: string | null): Promise<FuzzOutcome> {
  try {
    const res = await fetch(`${url}/api/${fn}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body });
    const text = await res.text();
    let envelope = false;
    try {
      const parsed = JSON.parse(text);
      envelope = typeof parsed === 'object' && parsed !== null && typeof parsed.ok === 'boolean';
    } catch {
      envelope = false;
    }
    return { status: res.status, envelope };
  } catch {
    return { status: 0, envelope: false };
  }
}

/**
 * What the fuzz needs from a server (only its API, so it works over HTTP from another process too): callers of every
 * kind (none, citizen, applicant, expert, the bureau) and real record ids (a declaration in publicity with a comment,
 * products, a call), so some payloads get past the lookups into the use cases.
 */
export async function fuzzFixture(h: Pick<Harness, 'ok' | 'citizen' | 'applicant'>): Promise<{ tokens: (string | null)[]; ids: string[] }> {
  await h.ok('admin', 'setClock', { now: '2026-09-25T09:00:00+08:00' }, ADMIN_TOKEN);
  const pipe = await startPipeline(h as Harness);
  const declarationId = await pipe.proposed(1);
  await h.ok('publicity', 'start', { declarationIds: [declarationId], startsOn: '2026-09-28', workingDays: 7 }, ADMIN_TOKEN);
  await h.ok('admin', 'setClock', { now: '2026-09-29T10:00:00+08:00' }, ADMIN_TOKEN);
  const citizen = await h.citizen();
  const comment = await h.ok('publicity', 'comment', { declarationId, text: '希望增加周末服务时间' }, citizen);
  const expert = await h.citizen();
  const { inviteCode } = await h.ok('reviews', 'addExpert', { name: '模糊测试专家', organisation: '某大学', kind: 'academic', phone: '13900000000' }, ADMIN_TOKEN);
  await h.ok('auth', 'redeemInvite', { code: inviteCode }, expert);
  const products = await h.ok('catalogue', 'search', { limit: 3 });
  const { calls } = await h.ok('declarations', 'listCalls', {});
  const ids = [declarationId, comment?.commentId, ...products.items.map((p: { productId: string }) => p.productId), ...calls.slice(0, 2).map((c: { callId: string }) => c.callId)];
  return { tokens: [null, citizen, pipe.applicant.token, expert, ADMIN_TOKEN], ids: ids.filter((x): x is string => typeof x === 'string') };
}
