/** Numbers, dates, times and phone numbers are kept on one line; the words around them may wrap. */
import { splitUnbroken } from '../../src/utils/unbroken';

const kept = (t: string) => splitUnbroken(t).filter((p) => p.keep).map((p) => p.text);

test('times, dates, phones and amounts stay whole', () => {
  expect(kept('周一至周五 9:00-12:00，13:30-17:00')).toEqual(['9:00-12:00', '13:30-17:00']);
  expect(kept('公示至 2026-12-09 结束')).toEqual(['2026-12-09']);
  expect(kept('2026年12月9日公布')).toEqual(['2026年12月9日']);
  expect(kept('电话 0571-87654321 或 12348')).toEqual(['0571-87654321', '12348']);
  expect(kept('还剩 5 个工作日，满意率 87%')).toEqual(['5 个工作日', '87%']);
});

test('ranges with an en dash, counts with their unit, and district names stay whole', () => {
  expect(kept('分档：较好（5–7 分）')).toEqual(['5–7 分']);
  expect(kept('公示不少于 7 个工作日')).toEqual(['7 个工作日']);
  expect(kept('杭州某律师事务所 · 拱墅区')).toEqual(['拱墅区']);
  expect(kept('西湖区文三路 90 号')).toEqual(['西湖区', '90 号']);
  expect(kept('市本级')).toEqual([]);
});

test('the pieces put back together are the original text', () => {
  const t = '服务时间：工作日 8:30-17:00（节假日除外），电话 0571-85170000';
  expect(splitUnbroken(t).map((p) => p.text).join('')).toBe(t);
  expect(splitUnbroken('没有数字')).toEqual([{ text: '没有数字', keep: false }]);
});
