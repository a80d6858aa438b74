/** What may be attached: the seed's documents (PDF, images, Word, Excel), at most 20 MB, and really what they claim. */
import { fileProblem, MAX_FILE_BYTES } from '../../types/files';

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
