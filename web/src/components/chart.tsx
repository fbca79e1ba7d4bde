import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboards draw: line and bar charts on a grid, with tooltips, legends and a
// description for screen readers. ECharts' full build is several times bigger.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export interface Series {
  readonly name: string;
  readonly values: ReadonlyArray<number | null>;
  readonly kind?: 'line' | 'bar';
}

export interface ChartProps {
  /** Tests find the chart by it. */
  readonly id: string;
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  readonly format?: (value: number) => string;
}

const palette = ['#1f6feb', '#d4731c', '#2da44e', '#8250df', '#cf222e', '#57606a'];

export function Chart({ id, title, categories, series, format }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(element.current!, undefined, { renderer: 'canvas' });
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        color: palette,
        aria: { enabled: true, decal: { show: false } },
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' && format ? format(value) : String(value ?? '—')) },
        legend: { show: series.length > 1, top: 0 },
        grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: categories, axisLabel: { interval: categories.length <= 12 ? 0 : 'auto', hideOverlap: true } },
        yAxis: { type: 'value', axisLabel: format ? { formatter: (value: number) => format(value) } : {} },
        series: series.map((one) => ({ name: one.name, type: one.kind ?? 'line', data: one.values, smooth: false, showSymbol: categories.length < 30 })),
      },
      { notMerge: true },
    );
  }, [categories, series, format]);
  // Points that show something: a chart of zeros is as blank as an empty one (the end-to-end test counts on it).
  const points = series.reduce((sum, one) => sum + one.values.filter((value) => value !== null && value !== 0).length, 0);
  return (
    <figure className="chart" data-chart={id} data-points={points}>
      <figcaption>{title}</figcaption>
      <div ref={element} className="chart-canvas" role="img" aria-label={`${title}: ${points} data points other than zero`} />
    </figure>
  );
}
