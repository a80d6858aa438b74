/** The full distribution over the five levels, not just a rate: 非常满意 … 非常不满意, with counts. */
import { Text, View } from '@tarojs/components';
import { SATISFACTION_NAME, percentText, type RatingSummary } from '@shared/rating';
import './RatingChart.scss';

export function RatingChart({ summary }: { summary: RatingSummary }) {
  if (summary.count === 0) return <Text className='rchart__empty'>暂无评价</Text>;
  const max = Math.max(...summary.distribution.map((d) => d.count), 1);
  return (
    <View className='rchart'>
      <Text className='rchart__head'>
        {summary.count} 条评价 · {SATISFACTION_NAME} {percentText(summary.satisfactionRate)} · 平均 {summary.meanLevel} 分
      </Text>
      {summary.distribution.map((d) => (
        <View key={d.level} className='rchart__row'>
          <Text className='rchart__label'>{d.label}</Text>
          <View className='rchart__track'>
            <View className={`rchart__bar rchart__bar--${d.level}`} style={{ width: `${(d.count / max) * 100}%` }} />
          </View>
          <Text className='rchart__count'>{d.count}</Text>
        </View>
      ))}
      {summary.cases.opened > 0 && (
        <Text className='rchart__cases'>
          不满意评价 {summary.cases.opened} 条，按时整改答复 {summary.cases.respondedOnTime} 条
        </Text>
      )}
    </View>
  );
}
