/**
 * The one ECharts the admin subpackage ships: a minimal build (bar, line and pie charts, the grid and legend, the
 * canvas renderer) instead of the whole library, so the subpackage stays small. Only files under
 * src/packages/admin import it, so the build keeps it out of the main package.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, CanvasRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;
