// The aging chart: one horizontal bar per currency, stacked by bucket, so sums of different currencies never add up.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { money } from './dom.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export const BUCKETS = {
  NOT_DUE: 'Not due',
  DAYS_1_30: '1–30 days',
  DAYS_31_60: '31–60 days',
  DAYS_61_90: '61–90 days',
  OVER_90: '> 90 days',
};

const COLOURS = {
  NOT_DUE: '#7fb77e',
  DAYS_1_30: '#f2c94c',
  DAYS_31_60: '#f2994a',
  DAYS_61_90: '#d9534f',
  OVER_90: '#8b1e24',
};

let current = null;

/** Draws the report's totals on the canvas; the chart drawn before (an earlier render) is let go. */
export function drawAgingChart(canvas, totals) {
  current?.destroy();
  current = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: totals.map((t) => t.currency),
      datasets: Object.entries(BUCKETS).map(([bucket, label]) => ({
        label,
        backgroundColor: COLOURS[bucket],
        data: totals.map((t) => Number(t.buckets.find((b) => b.bucket === bucket)?.outstanding ?? 0)),
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: { duration: 300 },
      scales: { x: { stacked: true, beginAtZero: true }, y: { stacked: true } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}: ${money(item.raw, totals[item.dataIndex].currency)}`,
          },
        },
      },
    },
  });
  return current;
}
