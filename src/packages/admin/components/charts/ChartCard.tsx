/**
 * One dashboard chart in its card: the title, a line of totals, the chart (or why there is none), and the same
 * figures as text below it — what a screen reader and 长辈模式 read, and what stays when a chart cannot be drawn.
 */
import { useCallback, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { ChartCanvas, type DrawState } from './ChartCanvas';
import type { ChartSpec } from './specs';

/** Figures as labelled bars of text (the chart's own ones carry `dash__bars--chart`). */
export function Figures({ rows, chart = false }: { rows: ChartSpec['rows']; chart?: boolean }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <View className={`dash__bars ${chart ? 'dash__bars--chart' : ''}`}>
      {rows.map((r) => (
        <View key={r.label} className='dash__bar'>
          <Text className='dash__bar-label'>{r.label}</Text>
          <View className='dash__bar-track' aria-hidden>
            <View className='dash__bar-fill' style={{ width: `${(r.value / max) * 100}%` }} />
          </View>
          <Text className='dash__bar-value'>
            {r.value}
            {r.note ? ` · ${r.note}` : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}

export function ChartCard({ spec, height, children }: { spec: ChartSpec; height: number; children?: ReactNode }) {
  const [state, setState] = useState<DrawState>('drawing');
  const onState = useCallback((s: DrawState) => setState(s), []);
  return (
    <View className={`admin__card dash__chart dash__chart--${spec.key}`}>
      <Text className='admin__title'>{spec.title}</Text>
      {spec.meta && <Text className='admin__meta'>{spec.meta}</Text>}
      {spec.empty ? (
        <Text className='dash__empty'>{spec.emptyText}</Text>
      ) : (
        <View className='dash__canvas'>
          <ChartCanvas id={`dash-chart-${spec.key}`} option={spec.option} height={height} label={spec.summary} onState={onState} />
          {state === 'drawing' && <Text className='dash__drawing'>正在绘制图表…</Text>}
          {state === 'failed' && <Text className='dash__empty'>图表没能画出来，各项数字见下方</Text>}
        </View>
      )}
      <Text className='dash__caption'>{spec.empty ? '各项数字' : '图中的数字'}</Text>
      <Figures rows={spec.rows} chart />
      {children}
    </View>
  );
}
