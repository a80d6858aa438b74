/** Attachments through the real server: upload, server-side checks, attaching, and nothing left behind on refusal. */
import fs from 'fs';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let zhang: { token: string; orgId: string };
let rival: { token: string; orgId: string };
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20)]);
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(2000)]);

const upload = (body: Buffer, token?: string) => h.upload(body, token);
const uploaded = () => fs.readdirSync(h.app.files.dir).filter((f) => !f.endsWith('.part'));

beforeAll(async () => {
  h = await startHarness();
  zhang = await h.applicant('杭州之江律师事务所');
  rival = await h.applicant('杭州钱江律师事务所');
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'openCall', { year: 2026, title: '2026 年度申报公告', opensOn: '2026-03-01', closesOn: '2026-03-31' }, ADMIN_TOKEN);
});
afterAll(() => h.close());
afterEach(async () => expect(await h.invariants()).toEqual([]));

test('a stamped PDF is uploaded, checked, attached and submitted', async () => {
  const up = await upload(PDF, zhang.token);
  expect(up.status).toBe(200);
  const file = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '说明书盖章页.pdf' }, zhang.token);
  expect(file).toEqual({ fileId: up.body.data.fileId, name: '说明书盖章页.pdf', size: PDF.length });
  const spec = { ...demoSpec(DEMO_PRODUCTS[1], 1), attachments: [{ name: '说明书盖章页.pdf', fileId: file.fileId }] };
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec }, zhang.token);
  const d = await h.ok('declarations', 'submit', { declarationId }, zhang.token);
  expect(d.spec.attachments).toEqual([{ name: '说明书盖章页.pdf', fileId: file.fileId }]);
});

test('a program renamed to .pdf, or an .exe, is refused and deleted', async () => {
  const before = uploaded().length;
  const disguised = await upload(EXE, zhang.token);
  const res = await h.call('declarations', 'registerFile', { fileId: disguised.body.data.fileId, name: '台账.pdf' }, zhang.token);
  expect(res.status).toBe(400);
  expect((res.body as any).error.issues).toEqual([{ path: 'file', message: '文件内容不是PDF，请确认文件没有损坏或改过扩展名' }]);
  const exe = await upload(EXE, zhang.token);
  expect((await h.call('declarations', 'registerFile', { fileId: exe.body.data.fileId, name: 'setup.exe' }, zhang.token)).status).toBe(400);
  expect(uploaded().length).toBe(before);
  expect((await h.call('declarations', 'registerFile', { fileId: exe.body.data.fileId, name: 'setup.pdf' }, zhang.token)).status).toBe(404);
});

test('a file over 20 MB is refused while it streams, and nothing is kept', async () => {
  const before = fs.readdirSync(h.app.files.dir).length;
  const big = await upload(Buffer.concat([Buffer.from('%PDF-1.4'), Buffer.alloc(20 * 1024 * 1024 + 1)]), zhang.token);
  expect(big.status).toBe(413);
  expect(big.body.error).toEqual({ code: 'INVALID_INPUT', message: '文件超过 20 MB，请压缩后再上传' });
  expect(fs.readdirSync(h.app.files.dir).length).toBe(before);
});

test('only applicants and the bureau upload', async () => {
  expect((await upload(PDF)).status).toBe(401);
  expect((await upload(PDF, await h.citizen())).status).toBe(403);
  expect((await upload(PDF, 'forged-token-xxxxxxxx')).status).toBe(401);
});

test('attachments must be registered files of the declaring organisation', async () => {
  const { declarationId, version } = await h.ok('declarations', 'saveDraft', { spec: { name: '附件测试' } }, zhang.token);
  const ghost = await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '附件测试', attachments: [{ name: '伪造.pdf', fileId: 'local/00000000000000000000000000000000' }] } }, zhang.token);
  expect(ghost.status).toBe(400);
  expect((ghost.body as any).error.issues).toEqual([{ path: 'spec.attachments.0.fileId', message: '附件“伪造.pdf”没有上传成功，请重新上传' }]);

  const theirs = await upload(PDF, rival.token);
  await h.ok('declarations', 'registerFile', { fileId: theirs.body.data.fileId, name: '钱江所的文件.pdf' }, rival.token);
  const stolen = await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '附件测试', attachments: [{ name: '钱江所的文件.pdf', fileId: theirs.body.data.fileId }] } }, zhang.token);
  expect(stolen.status).toBe(400);
  expect((await h.ok('declarations', 'get', { declarationId }, zhang.token)).version).toBe(version);
});
