/** The bureau's desk: export a dataset as an Excel workbook (or csv) for a year, and open or save it. */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { EXPORT_DATASETS, EXPORT_REGISTRY, type ExportDataset, type ExportFormat } from '@shared/exports';
import { api, errorMessage } from '../../../../api/client';
import { Chip } from '../../../../components/Chip';
import { openDownload } from '../../../../utils/download';
import '../admin.scss';
import { deskPage } from '../../../../components/desk/deskPage';

const thisYear = Number(new Date().toISOString().slice(0, 4));
const HINTS: Partial<Record<ExportDataset, string>> = {
  scoresheets: '只含已全部提交评分、已形成评审结果的申报（评分未完成前任何人都看不到分数）',
  ratings: '不含评价人身份',
};

function ExportsPage() {
  const [dataset, setDataset] = useState<ExportDataset>('declarations');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [year, setYear] = useState<number | undefined>(thisYear);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ name: string; url: string; rows: number } | null>(null);
  const [error, setError] = useState('');

  const run = async () => {
    setBusy(true);
    setError('');
    setResult(null);
    try {
      const res = await api('admin', 'export', { dataset, format, ...(year ? { year } : {}) });
      setResult(res);
      await openDownload(res.url, res.name);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const chip = (on: boolean, label: string, set: () => void) => <Chip key={label} on={on} label={label} onClick={set} />;

  return (
    <View className='admin'>
      <View className='admin__card'>
        <Text className='admin__title'>导出什么</Text>
        <View className='admin__filters'>{EXPORT_DATASETS.map((d) => chip(dataset === d, EXPORT_REGISTRY[d].title, () => setDataset(d)))}</View>
        {HINTS[dataset] && <Text className='admin__meta'>{HINTS[dataset]}</Text>}
        <Text className='admin__title'>年度</Text>
        <View className='admin__filters'>
          {chip(year === undefined, '全部年度', () => setYear(undefined))}
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => chip(year === y, `${y} 年`, () => setYear(y)))}
        </View>
        <Text className='admin__title'>格式</Text>
        <View className='admin__filters'>
          {chip(format === 'xlsx', 'Excel（.xlsx）', () => setFormat('xlsx'))}
          {chip(format === 'csv', 'CSV', () => setFormat('csv'))}
        </View>
        <AtButton type='primary' loading={busy} disabled={busy} onClick={run}>
          导出
        </AtButton>
      </View>
      {error && (
        <Text className='admin__error'>{error}</Text>
      )}
      {result && (
        <View className='admin__card'>
          <Text className='admin__name'>{result.name}</Text>
          <Text className='admin__meta'>{result.rows ? `共 ${result.rows} 行；下载链接 10 分钟内有效` : '所选范围内没有数据（文件只有表头）'}</Text>
          <AtButton onClick={() => openDownload(result.url, result.name)}>再次下载</AtButton>
          <AtButton onClick={() => Taro.navigateBack()}>返回</AtButton>
        </View>
      )}
    </View>
  );
}

export default deskPage('数据导出', ExportsPage);
