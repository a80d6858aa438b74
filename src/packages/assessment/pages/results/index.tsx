/** 公布测评结果: every catalogue product's grade for a year, with its score, how many ratings and which checks it rests on. */
import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { GRADES, GRADE_LABELS, INSUFFICIENT_LABEL, METHOD_LABELS, evidenceText, gradeText, showsScore, type Grade } from '@shared/assessment';
import { SATISFACTION_NAME, percentText } from '@shared/rating';
import type { AssessmentsApi } from '@shared/actions/assessments';
import { CATEGORY_LABELS } from '@shared/domain';
import { api, errorMessage } from '../../../../api/client';
import { Empty, Failure, Loading } from '../../../../components/StateView';
import { useLargeFont } from '../../../../utils/largeFont';
import './index.scss';

type Results = AssessmentsApi['results'][1];

export default function ResultsPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(Number(useRouter().params.year) || thisYear);
  const [grade, setGrade] = useState<Grade | undefined>();
  const [data, setData] = useState<Results | null>(null);
  const [error, setError] = useState('');
  const [large] = useLargeFont();
  const load = useCallback(async () => {
    setError('');
    setData(null);
    try {
      setData(await api('assessments', 'results', { year, ...(grade ? { grade } : {}) }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [year, grade]);
  useEffect(() => {
    load();
  }, [load]);

  return (
    <View className={`results ${large ? 'lf' : ''}`}>
      <View className='results__chips'>
        {[thisYear - 2, thisYear - 1, thisYear].map((y) => (
          <Text key={y} className={`results__chip ${y === year ? 'results__chip--on' : ''}`} onClick={() => setYear(y)}>
            {y} 年
          </Text>
        ))}
      </View>
      <View className='results__chips'>
        <Text className={`results__chip ${!grade ? 'results__chip--on' : ''}`} onClick={() => setGrade(undefined)}>
          全部等次
        </Text>
        {GRADES.map((g) => (
          <Text key={g} className={`results__chip ${g === grade ? 'results__chip--on' : ''}`} onClick={() => setGrade(g)}>
            {GRADE_LABELS[g]}
          </Text>
        ))}
      </View>
      {error ? (
        <Failure message={error} onRetry={load} />
      ) : !data ? (
        <Loading />
      ) : !data.published ? (
        <Empty title={`${year} 年度测评结果尚未公布`} hint='市司法局每年组织测评，结果确认后在这里公布' action={{ text: '返回服务目录', onClick: () => Taro.reLaunch({ url: '/pages/catalogue/index' }) }} />
      ) : data.items.length === 0 ? (
        <Empty title='没有这个等次的服务' action={{ text: '查看全部等次', onClick: () => setGrade(undefined) }} />
      ) : (
        <View>
          <Text className='results__meta'>
            {year} 年度共 {data.items.length} 项服务 · 依据 {data.documentNumber} 公布
          </Text>
          <Text className='results__meta'>每个等次都写明所依据的群众评价和检查次数；证据达不到最低要求的写明“{INSUFFICIENT_LABEL}”，由市司法局决定。</Text>
          {data.items.map((r) => (
            <View key={r.productId} className='results__item' onClick={() => Taro.navigateTo({ url: `/pages/product/index?id=${r.productId}` })}>
              <View className='results__head'>
                <Text className={`results__grade results__grade--${r.grade ?? 'none'}`}>{r.grade ? GRADE_LABELS[r.grade] : INSUFFICIENT_LABEL}</Text>
                <Text className='results__name'>{r.productName}</Text>
              </View>
              <Text className='results__line'>
                {CATEGORY_LABELS[r.category]}
                {showsScore(r) ? ` · ${r.score} 分` : ''}
                {r.decision ? ` · ${gradeText(r)}` : ''}
              </Text>
              <Text className='results__line results__evidence'>{evidenceText(r.evidence)}</Text>
              <Text className='results__line'>
                {r.ratings && r.satisfaction.rate !== null
                  ? `${SATISFACTION_NAME} ${percentText(r.satisfaction.rate)}（${r.ratings} 条评价；计分时向全市水平校正为 ${percentText(r.satisfaction.adjusted)}，可能在 ${percentText(r.satisfaction.low ?? null)}–${percentText(r.satisfaction.high ?? null)} 之间）`
                  : '本年度没有群众评价'}
              </Text>
              <Text className='results__line'>测评方式：{r.methodsUsed.length ? r.methodsUsed.map((m) => METHOD_LABELS[m]).join('、') : '无'}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
