/** The product's yearly assessment (测评): the latest published grade and the grades by year, with a way to the full results. */
import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { AtButton } from 'taro-ui';
import { GRADE_LABELS, INSUFFICIENT_LABEL, evidenceText, gradeText, showsScore } from '@shared/assessment';
import type { HistoryRow } from '@shared/actions/assessments';
import { api, errorMessage } from '../api/client';
import './ProductGrade.scss';

type History = HistoryRow[];
/** The badge: the grade, or 证据不足 for a year without one. */
const badge = (h: HistoryRow) => (h.grade ? GRADE_LABELS[h.grade] : INSUFFICIENT_LABEL);

export function ProductGrade({ productId }: { productId: string }) {
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setHistory((await api('assessments', 'productHistory', { productId })).history);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [productId]);
  useEffect(() => {
    load();
  }, [load]);
  const all = (year?: number) => Taro.navigateTo({ url: `/packages/assessment/pages/results/index${year ? `?year=${year}` : ''}` });

  return (
    <View className='block pgrade'>
      <Text className='block__title'>年度测评</Text>
      {error ? (
        <View>
          <Text className='pgrade__hint'>测评结果暂时无法显示：{error}</Text>
          <AtButton size='small' onClick={load}>
            重试
          </AtButton>
        </View>
      ) : !history ? (
        <Text className='pgrade__hint'>正在加载测评结果…</Text>
      ) : history.length === 0 ? (
        <View>
          <Text className='pgrade__hint'>这项服务还没有公布的年度测评结果。</Text>
          <AtButton size='small' onClick={() => all()}>
            看看其他服务的测评结果
          </AtButton>
        </View>
      ) : (
        <View>
          <View className='pgrade__latest'>
            <Text className={`pgrade__badge pgrade__badge--${history[0].grade ?? 'none'}`}>{badge(history[0])}</Text>
            <Text className='pgrade__text'>
              {history[0].year} 年度测评{showsScore(history[0]) ? ` ${history[0].score} 分` : ''}
              {history[0].grade && !history[0].decision ? '' : `：${gradeText(history[0])}`}
            </Text>
          </View>
          <Text className='pgrade__evidence'>{evidenceText(history[0].evidence)}</Text>
          {history.length > 1 && (
            <View className='pgrade__history'>
              {history.map((h) => (
                <View key={h.year} className='pgrade__row'>
                  <Text className='pgrade__year'>{h.year} 年</Text>
                  <Text className={`pgrade__grade pgrade__grade--${h.grade ?? 'none'}`}>{badge(h)}</Text>
                  <Text className='pgrade__score'>{showsScore(h) ? `${h.score} 分` : ''}</Text>
                  {/* Issue 21: every public grade says what it rests on, the earlier years' too. */}
                  <Text className='pgrade__evidence pgrade__rowevidence'>{evidenceText(h.evidence)}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className='pgrade__hint'>依据 {history[0].documentNumber} 公布。</Text>
          <AtButton size='small' onClick={() => all(history[0].year)}>
            查看 {history[0].year} 年度全部测评结果
          </AtButton>
        </View>
      )}
    </View>
  );
}
