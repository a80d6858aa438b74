/** What may be attached: the seed's documents (PDF, images, Word, Excel), at most 20 MB, and really what they claim. */
import { cleanFileName, fileProblem, headAndTail, MAX_FILE_BYTES, MAX_NAME_CHARS, STORAGE_QUOTA_BYTES, structureProblem, UPLOAD_TTL_HOURS } from '../../types/files';
import * as fx from '../support/fileFixtures';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const EXE = [0x4d, 0x5a, 0x90, 0x00];

test.each([
  ['盖章页.pdf', PDF],
  ['服务台账.XLSX', ZIP],
  ['管理制度.docx', ZIP],
  ['旧台账.xls', OLE],
  ['旧制度.doc', OLE],
  ['现场照片.jpg', [0xff, 0xd8, 0xff, 0xe0]],
  ['现场照片.jpeg', [0xff, 0xd8, 0xff, 0xe1]],
  ['流程图.png', [0x89, 0x50, 0x4e, 0x47]],
])('%s is accepted', (name, head) => {
  expect(fileProblem(name, 1000, head)).toBeNull();
});

test('other types, empty and oversized files, and disguised content are refused with a reason', () => {
  expect(fileProblem('setup.exe', 1000, EXE)).toBe('不支持“.exe”文件，请上传 PDF、JPG、PNG、Word 或 Excel 文件');
  expect(fileProblem('README', 1000, PDF)).toMatch(/不支持“.无扩展名”文件/);
  expect(fileProblem('盖章页.pdf', 0, [])).toBe('文件是空的，请重新选择');
  expect(fileProblem('扫描件.pdf', MAX_FILE_BYTES + 1, PDF)).toBe('文件超过 20 MB（20.0 MB），请压缩后再上传');
  expect(fileProblem('扫描件.pdf', MAX_FILE_BYTES, PDF)).toBeNull();
  expect(fileProblem('改名的程序.pdf', 1000, EXE)).toBe('文件内容不是PDF，请确认文件没有损坏或改过扩展名');
  expect(fileProblem('表格.xlsx', 1000, PDF)).toBe('文件内容不是Excel 表格，请确认文件没有损坏或改过扩展名');
});

// Issue 10, finding 10: the structure of the whole file, not its first bytes; names cleaned.

const whole = (name: string, bytes: Buffer) => {
  const { head, tail } = headAndTail(new Uint8Array(bytes));
  return structureProblem(name, bytes.length, head, tail);
};

test('the limits are data: 500 MB per organisation, 24 hours for an unregistered upload, 100-character names', () => {
  expect([STORAGE_QUOTA_BYTES, UPLOAD_TTL_HOURS, MAX_NAME_CHARS]).toEqual([500 * 1024 * 1024, 24, 100]);
});

test.each([
  ['盖章页.pdf', fx.PDF],
  ['流程图.png', fx.PNG],
  ['现场照片.jpg', fx.JPG],
  ['管理制度.docx', fx.DOCX],
  ['服务台账.xlsx', fx.XLSX],
  ['旧制度.doc', fx.DOC],
  ['旧台账.xls', fx.DOC],
])('a whole %s passes the structure check', (name, bytes) => {
  expect(whole(name, bytes)).toBeNull();
});

test.each([
  ['盖章页.pdf', fx.PDF_NO_TRAILER, 'PDF'],
  ['流程图.png', fx.PNG_HTML, 'PNG 图片'],
  ['现场照片.jpg', fx.JPG_HTML, 'JPG 图片'],
  ['管理制度.docx', fx.PLAIN_ZIP, 'Word 文档'],
  ['管理制度.docx', fx.DOCX_TAIL, 'Word 文档'],
  ['服务台账.xlsx', fx.DOCX, 'Excel 表格'],
  ['旧制度.doc', fx.OLE_HTML, 'Word 文档'],
])('a polyglot or partial %s is refused', (name, bytes, label) => {
  expect(whole(name, bytes)).toBe(`文件内容不是完整的${label}，请确认文件没有损坏或改过扩展名`);
});

test.each([
  ['report\u0000.pdf', 'report.pdf'],
  ['line\r\nbreak.pdf', 'linebreak.pdf'],
  ['invoice\u202Efdp.exe.pdf', 'invoicefdp.exe.pdf'],
  ['a\u2066b\u2069c.pdf', 'abc.pdf'],
  ['zero\u200Bwidth\uFEFF.pdf', 'zerowidth.pdf'],
  ['../../etc/passwd.pdf', 'etc_passwd.pdf'],
  ['..\\..\\windows\\system.ini.pdf', 'windows_system.ini.pdf'],
  ['  说明书盖章页.pdf  ', '说明书盖章页.pdf'],
  ['说明书盖章页.pdf', '说明书盖章页.pdf'],
])('the name %j is kept as %j', (raw, clean) => {
  expect(cleanFileName(raw)).toBe(clean);
});

test('a long name is cut to 100 characters and keeps its extension', () => {
  const name = cleanFileName(`${'很长的文件名'.repeat(30)}.docx`);
  expect([...name].length).toBe(100);
  expect(name.endsWith('.docx')).toBe(true);
});
