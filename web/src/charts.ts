// ECharts, loaded only by the pages that draw a full chart (the scorecard's tiles use small SVG
// sparklines), with just the parts used.
import * as echarts from 'echarts/core';
import { LineChart, BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

export interface LineSeries { name: string; values: (number | null)[]; dashed?: boolean }

export function lineChart(el: HTMLElement, labels: string[], series: LineSeries[], unit: string): void {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  const palette = ['#1d70b8', '#505a5f', '#b58840', '#00703c'];
  chart.setOption({
    color: palette,
    animation: false,
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', name: unit === 'count' ? '' : unit, scale: unit !== '%' },
    series: series.map((s) => ({
      name: s.name, type: 'line', data: s.values, connectNulls: false, symbolSize: 4,
      lineStyle: s.dashed ? { type: 'dashed' } : undefined,
    })),
  });
  new ResizeObserver(() => chart.resize()).observe(el);
}
