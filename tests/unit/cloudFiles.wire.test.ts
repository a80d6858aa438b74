/**
 * Uploads in the cloud: CloudFileStore over the real node-sdk and the fake gateway (tests/support/fakeGateway.ts), which
 * serves the temporary URLs too. An inspection reads the size and the first bytes with one Range request and, for a file
 * within the 20 MB limit, its last bytes with another (issue 10: trailers and a ZIP's directory) — never a large file whole.
 */
import { CloudFileStore, HEAD_BYTES, type CloudStorageApi } from '../../cloudfunctions/_lib/files';
import { INSPECT_BYTES } from '../../types/files';
import { startFakeGateway, type FakeGateway } from '../support/fakeGateway';

let gw: FakeGateway;
let files: CloudFileStore;
const saved = { ...process.env };
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000, 0x20)]);
const cloudId = (path: string) => `cloud://test-env.7465-test-env-1300000000/${path}`;

beforeAll(async () => {
  gw = await startFakeGateway();
  Object.assign(process.env, gw.env());
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const tcb = require('@cloudbase/node-sdk');
  files = new CloudFileStore(tcb.init({ env: 'test-env' }) as CloudStorageApi);
});
afterAll(async () => {
  await gw.stop();
  process.env = saved;
});
beforeEach(() => gw.reset());

test('size and first bytes come from one Range request on the temporary URL, the last bytes from another', async () => {
  gw.files.set('uploads/a.pdf', PDF);
  const seen = await files.inspect(cloudId('uploads/a.pdf'));
  expect(seen).toEqual({ size: PDF.length, head: new Uint8Array(PDF.subarray(0, HEAD_BYTES)), tail: new Uint8Array(PDF), owner: null, uploadedAt: null });
  expect(gw.calls('storage.batchGetDownloadUrl')).toEqual([{ file_list: [{ fileid: cloudId('uploads/a.pdf'), max_age: 60 }] }]);
  expect(gw.fileRequests).toEqual([
    { path: 'uploads/a.pdf', range: `bytes=0-${HEAD_BYTES - 1}` },
    { path: 'uploads/a.pdf', range: `bytes=0-${PDF.length - 1}` },
  ]);
  expect(gw.fileBytesSent).toBe(HEAD_BYTES + PDF.length);
});

test('a file of several MB: only its last bytes are read after the first; the path names the uploader', async () => {
  const doc = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024, 0x20), Buffer.from('%%EOF\n')]);
  gw.files.set('attachments/u123/a.pdf', doc);
  const seen = await files.inspect(cloudId('attachments/u123/a.pdf'));
  expect(seen?.owner).toEqual({ userId: 'u123' });
  expect(seen?.tail).toEqual(new Uint8Array(doc.subarray(doc.length - INSPECT_BYTES.tail)));
  expect(gw.fileRequests[1]).toEqual({ path: 'attachments/u123/a.pdf', range: `bytes=${doc.length - INSPECT_BYTES.tail}-${doc.length - 1}` });
  expect(gw.fileBytesSent).toBe(HEAD_BYTES + INSPECT_BYTES.tail);
});

test('a 25 MB file is measured without being downloaded, and removal deletes it from storage', async () => {
  const big = Buffer.concat([Buffer.from('%PDF-1.4'), Buffer.alloc(25 * 1024 * 1024)]);
  gw.files.set('uploads/big.pdf', big);
  const seen = await files.inspect(cloudId('uploads/big.pdf'));
  expect(seen?.size).toBe(big.length);
  expect(gw.fileBytesSent).toBe(HEAD_BYTES);
  await files.remove(cloudId('uploads/big.pdf'));
  expect(gw.calls('storage.batchDeleteFile')).toEqual([{ fileid_list: [cloudId('uploads/big.pdf')] }]);
  expect(gw.files.has('uploads/big.pdf')).toBe(false);
});

test('a server that ignores Range: size from Content-Length, and the body is left unread after the first bytes', async () => {
  gw.ignoreRange = true;
  const big = Buffer.concat([Buffer.from('%PDF-1.4'), Buffer.alloc(25 * 1024 * 1024)]);
  gw.files.set('uploads/big.pdf', big);
  const seen = await files.inspect(cloudId('uploads/big.pdf'));
  expect(seen).toEqual({ size: big.length, head: new Uint8Array(big.subarray(0, HEAD_BYTES)), tail: new Uint8Array(0), owner: null, uploadedAt: null });
  // Socket buffers let a few chunks through before the reader cancels; far from the 25 MB.
  expect(gw.fileBytesSent).toBeLessThan(4 * 1024 * 1024);
});

test('a file storage does not know, or an id that is not a cloud file, is missing', async () => {
  expect(await files.inspect(cloudId('uploads/none.pdf'))).toBeNull();
  expect(gw.fileRequests).toEqual([]);
  expect(await files.inspect('/tmp/local.pdf')).toBeNull();
  expect(gw.calls('storage.batchGetDownloadUrl')).toHaveLength(1);
});
