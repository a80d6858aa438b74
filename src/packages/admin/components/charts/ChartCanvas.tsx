/**
 * A chart drawn on a canvas: ChartCanvas.h5.tsx (a browser canvas) and ChartCanvas.weapp.tsx (WeChat's canvas of
 * type 2d). This file is what other platforms get: nothing drawn, so the page shows the figures instead.
 */
import { useEffect } from 'react';
import type { ChartOption } from './echarts';

export type DrawState = 'drawing' | 'drawn' | 'failed';
export interface ChartCanvasProps {
  id: string;
  option: ChartOption;
  height: number;
  label: string;
  onState: (s: DrawState) => void;
}

export function ChartCanvas({ onState }: ChartCanvasProps) {
  useEffect(() => onState('failed'), [onState]);
  return null;
}
