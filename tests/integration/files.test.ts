/** Attachments through the real server: upload, server-side checks, attaching, and nothing left behind on refusal. */
import fs from 'fs';
import { DEMO_PRODUCTS } from '../../server/demoProducts';
import { demoSpec } from '../../server/seedDemo';
import path from 'path';
import { STORAGE_QUOTA_BYTES } from '../../types/files';
import * as fx from '../support/fileFixtures';
import { ADMIN_TOKEN, startHarness, type Harness } from '../support/harness';

let h: Harness;
let zhang: { token: string; orgId: string };
let rival: { token: string; orgId: string };
const PDF = fx.PDF;
const EXE = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00]), Buffer.alloc(2000)]);

const upload = (body: Buffer, token?: string) => h.upload(body, token);
const uploaded = () => fs.readdirSync(h.app.files.dir).filter((f) => !f.endsWith('.part') && !f.endsWith('.json'));

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

// Issue 10, findings 7 and 10: files belong to the uploader's organisation; structure checks; names; quota; expiry.

test('another organisation cannot register, attach or delete a file id it learned', async () => {
  const mine = (await upload(PDF, zhang.token)).body.data.fileId;
  // Before registration: the rival cannot claim it, nor delete it by registering it under a bad name.
  const claim = await h.call('declarations', 'registerFile', { fileId: mine, name: '我的.pdf' }, rival.token);
  expect(claim.status).toBe(404);
  expect((claim.body as any).error.message).toBe('没有找到上传的文件，请重新上传');
  expect((await h.call('declarations', 'registerFile', { fileId: mine, name: 'x.exe' }, rival.token)).status).toBe(404);
  expect(fs.existsSync(path.join(h.app.files.dir, mine.slice('local/'.length)))).toBe(true);
  // A citizen and the bureau cannot either; the owner can.
  expect((await h.call('declarations', 'registerFile', { fileId: mine, name: '我的.pdf' }, ADMIN_TOKEN)).status).toBe(404);
  expect((await h.ok('declarations', 'registerFile', { fileId: mine, name: '之江所.pdf' }, zhang.token)).name).toBe('之江所.pdf');
  // After registration: registering it again as the rival (or under a bad name) neither claims nor deletes it.
  expect((await h.call('declarations', 'registerFile', { fileId: mine, name: 'x.exe' }, rival.token)).status).toBe(404);
  expect(fs.existsSync(path.join(h.app.files.dir, mine.slice('local/'.length)))).toBe(true);
  const { declarationId } = await h.ok('declarations', 'saveDraft', { spec: { name: '钱江所的申报' } }, rival.token);
  const attach = await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '钱江所的申报', attachments: [{ name: '之江所.pdf', fileId: mine }] } }, rival.token);
  expect(attach.status).toBe(400);
  // The bureau's own uploads are not anyone's to attach.
  const bureau = (await upload(PDF, ADMIN_TOKEN)).body.data.fileId;
  await h.ok('declarations', 'registerFile', { fileId: bureau, name: '通知.pdf' }, ADMIN_TOKEN);
  expect((await h.call('declarations', 'saveDraft', { declarationId, spec: { name: '钱江所的申报', attachments: [{ name: '通知.pdf', fileId: bureau }] } }, rival.token)).status).toBe(400);
});

test.each([
  ['盖章页.pdf', fx.PDF_NO_TRAILER, 'PDF'],
  ['流程图.png', fx.PNG_HTML, 'PNG 图片'],
  ['管理制度.docx', fx.PLAIN_ZIP, 'Word 文档'],
])('a polyglot %s is refused and deleted', async (name, bytes, label) => {
  const before = uploaded().length;
  const up = await upload(bytes, zhang.token);
  const res = await h.call('declarations', 'registerFile', { fileId: up.body.data.fileId, name }, zhang.token);
  expect(res.status).toBe(400);
  expect((res.body as any).error.message).toBe(`文件内容不是完整的${label}，请确认文件没有损坏或改过扩展名`);
  expect(uploaded().length).toBe(before);
});

test('whole images and Office files are accepted; names lose control, bidi and path characters', async () => {
  for (const [name, bytes] of [['照片.png', fx.PNG], ['照片.jpg', fx.JPG], ['制度.docx', fx.DOCX], ['台账.xlsx', fx.XLSX], ['旧制度.doc', fx.DOC]] as const) {
    const up = await upload(bytes, zhang.token);
    expect((await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name }, zhang.token)).size).toBe(bytes.length);
  }
  const up = await upload(PDF, zhang.token);
  const file = await h.ok('declarations', 'registerFile', { fileId: up.body.data.fileId, name: '../合同\u202Efdp.exe\r\n\u0000.pdf' }, zhang.token);
  expect(file.name).toBe('合同fdp.exe.pdf');
  const long = await upload(PDF, zhang.token);
  const cut = await h.ok('declarations', 'registerFile', { fileId: long.body.data.fileId, name: `${'长'.repeat(200)}.pdf` }, zhang.token);
  expect([...cut.name].length).toBe(100);
});

test('an upload nobody registers is deleted after 24 hours', async () => {
  const left = (await upload(PDF, zhang.token)).body.data.fileId;
  const kept = (await upload(PDF, zhang.token)).body.data.fileId;
  await h.ok('declarations', 'registerFile', { fileId: kept, name: '保留.pdf' }, zhang.token);
  await h.ok('admin', 'setClock', { now: '2026-03-11T08:59:00+08:00' }, ADMIN_TOKEN); // 23h59m later: still there
  await h.ok('declarations', 'registerFile', { fileId: (await upload(PDF, zhang.token)).body.data.fileId, name: 'a.pdf' }, zhang.token);
  expect(fs.existsSync(path.join(h.app.files.dir, left.slice(6)))).toBe(true);
  await h.ok('admin', 'setClock', { now: '2026-03-11T09:01:00+08:00' }, ADMIN_TOKEN);
  await h.ok('declarations', 'registerFile', { fileId: (await upload(PDF, zhang.token)).body.data.fileId, name: 'b.pdf' }, zhang.token);
  expect(fs.existsSync(path.join(h.app.files.dir, left.slice(6)))).toBe(false);
  expect(fs.existsSync(path.join(h.app.files.dir, kept.slice(6)))).toBe(true);
  expect((await h.call('declarations', 'registerFile', { fileId: left, name: '迟到.pdf' }, zhang.token)).status).toBe(404);
  await h.ok('admin', 'setClock', { now: '2026-03-10T09:00:00+08:00' }, ADMIN_TOKEN);
});

test('each organisation has a storage quota, refused with a clear message', async () => {
  const quotaOrg = await h.applicant('杭州配额测试所');
  const first = (await upload(PDF, quotaOrg.token)).body.data.fileId;
  await h.ok('declarations', 'registerFile', { fileId: first, name: '一.pdf' }, quotaOrg.token);
  // Pretend the organisation already stores nearly 500 MB (the real files would take too long to upload here).
  const setUsed = (n: number) => h.app.store.transaction((tx) => tx.update('orgs', quotaOrg.orgId, { storageBytes: n }));
  await setUsed(STORAGE_QUOTA_BYTES - 100);
  const next = (await upload(PDF, quotaOrg.token)).body.data.fileId;
  const refused = await h.call('declarations', 'registerFile', { fileId: next, name: '二.pdf' }, quotaOrg.token);
  expect(refused.status).toBe(409);
  expect((refused.body as any).error.message).toBe('本单位的附件已占用 500.0 MB，加上这个文件将超过 500 MB 的上限，请压缩文件或联系市司法局');
  await setUsed(PDF.length);
  // Uploads within 24 hours are capped too: 500 MB already sent today is enough.
  fs.writeFileSync(path.join(h.app.files.dir, `${'f'.repeat(32)}.json`), JSON.stringify({ userId: 'x', orgId: quotaOrg.orgId, uploadedAt: '2026-03-10T00:30:00.000Z', size: STORAGE_QUOTA_BYTES }));
  const flood = await upload(PDF, quotaOrg.token);
  expect(flood.status).toBe(413);
  expect(flood.body.error.message).toBe('本单位 24 小时内上传的文件已超过 500 MB，请先删除不需要的文件或明天再传');
  fs.rmSync(path.join(h.app.files.dir, `${'f'.repeat(32)}.json`));
});
