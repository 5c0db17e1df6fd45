import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { download, toCsv } from '../csv';
import { Table } from './Table';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

/** The DSFR's illustrative colours, with enough contrast on white for bars and lines. */
const COLOURS = ['#000091', '#c9191e', '#18753c', '#716043', '#6a6af4', '#a94645'];

/** A value of a published figure: a number, or null when it is suppressed (too small to show). */
export type Value = number | null;

export interface Series {
  label: string;
  values: Value[];
}

export const SUPPRESSED = 'secret statistique';

/**
 * A chart with the same numbers as a table beside it (a screen reader reads the table, the chart
 * is described by its title) and a CSV download of that table. A suppressed figure is said so in
 * the table and left out of the chart.
 */
export function ChartPanel({
  id,
  title,
  kind,
  labels,
  series,
  labelHeader,
  csvName,
  note,
}: {
  id: string;
  title: string;
  kind: 'bar' | 'horizontal-bar' | 'line';
  labels: string[];
  series: Series[];
  labelHeader: string;
  csvName: string;
  note?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    if (!canvas.current) {
      return;
    }
    const data = {
      labels,
      datasets: series.map((s, i) => ({
        label: s.label,
        data: s.values.map((v) => (v === null ? null : v)),
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: COLOURS[i % COLOURS.length],
      })),
    };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
      return;
    }
    chart.current = new Chart(canvas.current, {
      type: kind === 'line' ? 'line' : 'bar',
      data,
      options: {
        indexAxis: kind === 'horizontal-bar' ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: { [kind === 'horizontal-bar' ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
        locale: 'fr-FR',
      },
    });
  }, [kind, labels, series]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  const headers = [labelHeader, ...series.map((s) => s.label)];
  const rows = labels.map((label, i) => [label, ...series.map((s) => s.values[i])]);
  const height = kind === 'horizontal-bar' ? Math.max(240, labels.length * 28) : 280;

  return (
    <section className="fr-mb-6w" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`} className="fr-h5">
        {title}
      </h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-7">
          <div style={{ position: 'relative', height }}>
            <canvas ref={canvas} role="img" aria-label={`${title} : graphique ; les mêmes chiffres sont dans le tableau`} />
          </div>
        </div>
        <div className="fr-col-12 fr-col-lg-5">
          <Table
            caption={title}
            hideCaption
            scrollable
            headers={headers}
            rows={rows.map((row) => row.map((cell) => (cell === null ? SUPPRESSED : cell)))}
          />
          <button
            type="button"
            className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left"
            onClick={() => download(csvName, toCsv(headers, rows))}
          >
            Télécharger le tableau « {title} » (CSV)
          </button>
          {note && <p className="fr-text--sm fr-mt-1w">{note}</p>}
        </div>
      </div>
    </section>
  );
}
