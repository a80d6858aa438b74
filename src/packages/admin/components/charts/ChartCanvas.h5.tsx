/** H5: ECharts draws on a browser canvas the width of its card, and again when the window's width changes. */
import { useEffect, useRef } from 'react';
import { echarts } from './echarts';
import type { ChartCanvasProps } from './ChartCanvas';

export type { DrawState, ChartCanvasProps } from './ChartCanvas';

export function ChartCanvas({ id, option, height, label, onState }: ChartCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let chart: ReturnType<typeof echarts.init> | null = null;
    let drawnWidth = 0;
    const draw = () => {
      const width = el.clientWidth;
      if (!width || width === drawnWidth) return;
      drawnWidth = width;
      chart?.dispose();
      chart = echarts.init(el, undefined, { width, height, devicePixelRatio: window.devicePixelRatio || 1 });
      chart.setOption(option);
      onState('drawn');
    };
    const onResize = () => {
      try {
        draw();
      } catch {
        onState('failed');
      }
    };
    onResize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option, height, onState]);
  return <canvas ref={ref} id={id} className='chart__canvas' style={{ width: '100%', height: `${height}px`, display: 'block' }} role='img' aria-label={label} />;
}
