/**
 * WeChat: ECharts draws on a canvas of type 2d (same-layer rendering), found by id once it is on the page, through
 * the WxCanvas adapter. No DOM here.
 */
import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Canvas } from '@tarojs/components';
import { echarts } from './echarts';
import { WxCanvas, type CanvasNode } from './wxCanvas';
import type { ChartCanvasProps } from './ChartCanvas';

export type { DrawState, ChartCanvasProps } from './ChartCanvas';

/**
 * zrender measures text on a canvas of its own making (document.createElement elsewhere): here an offscreen 2d
 * canvas, made once, or else the first chart's own canvas.
 */
let measuring: unknown = null;
function measureOn(fallback: WxCanvas): void {
  if (measuring) return;
  try {
    measuring = Taro.createOffscreenCanvas({ type: '2d', width: 1, height: 1 } as never);
  } catch {
    measuring = null;
  }
  measuring = measuring ?? fallback;
  echarts.setPlatformAPI({ createCanvas: () => measuring as never });
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio || 2;
  } catch {
    return 2;
  }
}

export function ChartCanvas({ id, option, height, label, onState }: ChartCanvasProps) {
  useEffect(() => {
    let chart: ReturnType<typeof echarts.init> | null = null;
    let gone = false;
    // The canvas node exists once Taro has handed the render to WeChat; ask again a few times if it is not there yet.
    const find = (triesLeft: number) =>
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode; width?: number; height?: number }[]) => {
          if (gone) return;
          const found = res?.[0];
          if (!found?.node || !found.width) {
            if (triesLeft > 0) setTimeout(() => find(triesLeft - 1), 100);
            else onState('failed');
            return;
          }
          try {
            const canvas = new WxCanvas(found.node);
            measureOn(canvas);
            chart = echarts.init(canvas as never, undefined, { width: found.width, height: found.height || height, devicePixelRatio: pixelRatio() });
            chart.setOption(option);
            onState('drawn');
          } catch {
            onState('failed');
          }
        });
    Taro.nextTick(() => find(3));
    return () => {
      gone = true;
      chart?.dispose();
    };
  }, [id, option, height, onState]);
  return <Canvas type='2d' id={id} className='chart__canvas' style={{ width: '100%', height: `${height}px` }} aria-label={label} />;
}
