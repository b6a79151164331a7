// The dashboard's charts, drawn by uPlot (served from this bundle: lib/uplot, embedded from its WebJar). Each chart
// is a figure with a caption and the same numbers as a table, which is also what screen readers read: the canvas
// itself is hidden from them. uPlot styles its elements through the DOM (CSSOM), which the portal's CSP allows.
import { h, clear, uid } from './dom.js';
import { t } from './i18n.js';

const ACCENT = '#0b57a4';
const GRID = '#c5ccd6';
const INK = '#1b1f24';
let library = null;

/** uPlot and its stylesheet, loaded once, on the first chart. */
async function uPlot() {
  if (!library) {
    const css = h('link', { rel: 'stylesheet', href: new URL('../lib/uplot/uPlot.min.css', import.meta.url).href });
    document.head.append(css);
    library = import('../lib/uplot/uPlot.esm.js').then((module) => module.default);
  }
  return library;
}

/**
 * A chart of one series over categories (periods or age buckets): `kind` 'bars' or 'line'; `values` may hold
 * nulls (a line then has a gap). `table` is [[header...], [cell...]...], shown beneath as the text alternative.
 * Returns the figure and a function that stops following the figure's width.
 */
export async function chart({ title, kind, labels, values, format, table, yMax, axisLabels = labels }) {
  const id = uid('chart');
  const plot = h('div', { class: 'chart-plot', 'aria-hidden': 'true' });
  const cells = (row) => row.map((cell, i) => (i === 0 ? h('th', { scope: 'row', text: cell }) : h('td', { text: cell })));
  const data = h('table', {},
    h('caption', { class: 'visually-hidden', text: title }),
    h('thead', {}, h('tr', {}, table[0].map((cell) => h('th', { scope: 'col', text: cell })))),
    h('tbody', {}, table.slice(1).map((row) => h('tr', {}, cells(row)))));
  const figure = h('figure', { class: 'chart', 'aria-labelledby': id },
    h('figcaption', { id, text: title }),
    plot,
    h('details', { class: 'chart-data' }, h('summary', { text: t('kpis.asTable') }), h('div', { class: 'table-wrap' }, data)));
  if (values.every((v) => v === null)) {
    // nothing to draw (e.g. no clock ended): the table says so too
    clear(plot, h('p', { class: 'meta', text: t('kpis.chartEmpty') }));
    plot.removeAttribute('aria-hidden');
    plot.classList.add('chart-empty');
    return { figure, stop: () => {} };
  }
  const Plot = await uPlot();
  const size = () => ({ width: Math.max(200, Math.floor(plot.clientWidth || figure.clientWidth || 600)), height: 220 });
  const x = labels.map((_, i) => i);
  const last = Math.max(labels.length - 1, 0);
  const options = {
    ...size(),
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, last + 0.5] },
      // from zero (or below, for a shrinking backlog) in whole numbers; a share's axis ends at 100 %
      y: { range: (u, min, max) => (yMax ? [0, yMax] : [Math.min(0, Math.floor((min ?? 0) * 1.1)), Math.max(1, Math.ceil((max ?? 1) * 1.1))]) },
    },
    axes: [
      {
        stroke: INK, grid: { show: false }, ticks: { stroke: GRID },
        // one label per category, fewer where they would overlap
        splits: () => x.filter((i) => i % Math.ceil(labels.length / 8) === 0),
        values: (u, splits) => splits.map((i) => axisLabels[i] ?? ''),
      },
      {
        stroke: INK, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID }, size: 60, values: (u, splits) => splits.map(format),
        // counts step by whole numbers (no "0, 0, 1, 1" from rounded fractions); shares by tenths of 100 %
        incrs: yMax ? [0.1, 0.2, 0.25, 0.5] : [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 100000, 1000000],
      },
    ],
    series: [
      {},
      kind === 'bars'
        ? { stroke: ACCENT, fill: ACCENT, width: 0, paths: Plot.paths.bars({ size: [0.6, 80] }), points: { show: false } }
        : { stroke: ACCENT, width: 2, spanGaps: false, points: { show: true, size: 6, fill: ACCENT } },
    ],
  };
  // drawn once the figure is in the page (its width is known); until then nothing is measured
  let instance = null;
  const draw = () => {
    if (!figure.isConnected) return;
    if (!instance) instance = new Plot(options, [x, values], plot);
    else instance.setSize(size());
  };
  const observer = new ResizeObserver(() => draw());
  observer.observe(figure);
  return { figure, stop: () => { observer.disconnect(); instance?.destroy(); } };
}
