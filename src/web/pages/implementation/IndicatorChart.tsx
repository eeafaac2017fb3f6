/** 指标趋势: baseline and target as dashed lines, measured values as a line (ECharts). */
import ReactECharts from 'echarts-for-react';
import { BRAND_BLUE, theme } from '../../theme';
import type { ProjectView } from './queries';

export function IndicatorChart({ indicator }: { indicator: ProjectView['chart'][number] }) {
  const dates = indicator.points.map((p) => p.date);
  const option = {
    // The canvas does not inherit the page's font: the same CJK stack as the antd theme.
    textStyle: { fontFamily: theme.token?.fontFamily },
    title: { text: `${indicator.name}（${indicator.unit}）`, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: ['测量值', '基线值', '目标值'] },
    grid: { left: 48, right: 24, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: dates.length ? dates : ['—'] },
    yAxis: { type: 'value', scale: true, name: indicator.unit },
    series: [
      { name: '测量值', type: 'line', data: indicator.points.map((p) => p.value), symbolSize: 8, label: { show: true }, color: BRAND_BLUE },
      { name: '基线值', type: 'line', data: (dates.length ? dates : ['—']).map(() => indicator.baseline), lineStyle: { type: 'dashed' }, symbol: 'none', color: '#8c8c8c' },
      { name: '目标值', type: 'line', data: (dates.length ? dates : ['—']).map(() => indicator.target), lineStyle: { type: 'dashed' }, symbol: 'none', color: '#389e0d' },
    ],
  };
  return (
    <figure className="gg-impl-chart" aria-label={`${indicator.name}趋势图：基线${indicator.baseline}${indicator.unit}，目标${indicator.target}${indicator.unit}，已有${indicator.points.length}个测量值`} data-testid={`chart-${indicator.id}`}>
      <ReactECharts option={option} style={{ height: 280 }} notMerge />
    </figure>
  );
}
