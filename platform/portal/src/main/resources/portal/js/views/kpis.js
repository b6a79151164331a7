// The KPI dashboard: GET /kpis for the chosen filters as tiles (whole range) and charts (per period, backlog by age),
// and the same filters as a CSV download (GET /kpis.csv). Who may see which department is the server's decision:
// the department list is the report's own `departments`, and an employee's request is a 403 (the portal's 403 view).
import { h, clear, uid, announce } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { api, query, BASE } from '../api.js';
import { getCatalog, departmentName, typeName } from '../data.js';
import { totals, backlogByAge, perPeriod, hasData, formatNumber, formatPercent, formatDuration, formatPeriod } from '../kpi-figures.js';
import { chart } from '../kpi-charts.js';

const STORE = 'atrium.kpis';
const PERIODS = ['day', 'week', 'month'];
const PRIORITIES = ['P1', 'P2', 'P3', 'P4'];

export async function render(main) {
  main.append(h('h1', { text: t('kpis.title') }));
  const saved = JSON.parse(sessionStorage.getItem(STORE) || '{}');
  // the first answer (a 403 for those who may not watch any department) decides before anything is drawn
  let report = await api(`/kpis${query(parametersOf(saved))}`);
  const catalog = await getCatalog();

  const select = (name, options, value) => {
    const control = h('select', { name, id: uid('kpi') }, options.map(([key, label]) => h('option', { value: key, text: label })));
    control.value = options.some(([key]) => key === value) ? value : options[0][0];
    return control;
  };
  const watched = report.departments;
  const department = select('department', [['', t('kpis.allDepartments')], ...watched.map((d) => [d, departmentName(d)])], saved.department);
  const type = h('select', { name: 'type', id: uid('kpi') });
  const fillTypes = () => {
    const types = catalog.filter((x) => (department.value ? x.department === department.value : watched.includes(x.department)));
    clear(type, h('option', { value: '', text: t('kpis.allTypes') }), types.map((x) => h('option', { value: x.key, text: typeName(x, x.key) })));
  };
  fillTypes();
  type.value = [...type.options].some((o) => o.value === saved.type) ? saved.type : '';
  const priority = select('priority', [['', t('kpis.allPriorities')], ...PRIORITIES.map((p) => [p, p])], saved.priority);
  const period = select('period', PERIODS.map((p) => [p, t(`kpis.period.${p}`)]), report.period);
  const from = h('input', { type: 'date', name: 'from', id: uid('kpi'), value: report.from, required: true });
  const to = h('input', { type: 'date', name: 'to', id: uid('kpi'), value: report.to, required: true });
  department.addEventListener('change', fillTypes);

  const labelled = (label, control) => h('div', { class: 'field' }, h('label', { for: control.id, text: label }), control);
  const filters = h('form', { class: 'filters', 'aria-label': t('kpis.filters') },
    labelled(t('kpis.department'), department), labelled(t('kpis.type'), type), labelled(t('ticket.priority'), priority),
    labelled(t('kpis.period'), period), labelled(t('kpis.from'), from), labelled(t('kpis.to'), to),
    h('button', { type: 'submit', text: t('queue.apply') }));
  const problem = h('p', { class: 'notice error-box', role: 'alert', hidden: true });
  const csv = h('a', { class: 'button', download: 'kpis.csv', text: t('kpis.csv') });
  const range = h('p', { class: 'meta' });
  const content = h('div', { class: 'kpi-content' });
  main.append(filters, problem, h('div', { class: 'actions' }, range, csv), content);

  let charts = [];
  const current = () => ({ department: department.value, type: type.value, priority: priority.value, period: period.value, from: from.value, to: to.value });
  const show = async () => {
    charts.forEach((c) => c.stop());
    charts = [];
    const shown = current();
    csv.href = `${BASE}/kpis.csv${query(parametersOf(shown))}`;
    range.textContent = t('kpis.range', { from: formatDate(report.from), to: formatDate(report.to) });
    const all = totals(report);
    // a range without events still has a backlog (a snapshot of now): then only the backlog shows, beside the notice
    if (!hasData(report)) {
      const backlog = all.backlog ? await backlogChart(report) : null;
      charts = backlog ? [backlog] : [];
      clear(content, h('p', { class: 'notice empty-state', text: t(backlog ? 'kpis.emptyBacklogToday' : 'kpis.empty') }), backlog ? h('div', { class: 'charts' }, backlog.figure) : null);
      return;
    }
    charts = [await backlogChart(report), await growthChart(report), await slaChart(report)];
    clear(content, tiles(all), h('div', { class: 'charts' }, charts.map((c) => c.figure)));
  };
  filters.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.hidden = true;
    [from, to, department, type, priority, period].forEach((control) => control.removeAttribute('aria-invalid'));
    try {
      report = await api(`/kpis${query(parametersOf(current()))}`);
    } catch (error) {
      if (error.handled) return;
      problem.hidden = false;
      const fields = error.fieldErrors;
      problem.textContent = fields.length ? fields.map((e) => `${labelOf(e.field)}: ${e.reason}`).join('; ') : error.message;
      for (const e of fields) filters.querySelector(`[name="${e.field}"]`)?.setAttribute('aria-invalid', 'true');
      return;
    }
    sessionStorage.setItem(STORE, JSON.stringify(current()));
    await show();
    announce(t('kpis.loaded'));
  });
  await show();
  return () => charts.forEach((c) => c.stop());
}

/** The API's parameters of the filters; empty ones are left out (the server's defaults). */
function parametersOf(filters) {
  const { department, type, priority, period, from, to } = filters || {};
  return { department, type, priority, period, from, to };
}

function labelOf(field) {
  const key = { department: 'kpis.department', type: 'kpis.type', priority: 'ticket.priority', period: 'kpis.period', from: 'kpis.from', to: 'kpis.to' }[field];
  return key ? t(key) : field;
}

/** One tile per figure: its name, the figure as read (data-kpi and data-value, the unrounded figure, are for tests) and what it stands on. */
function tiles(all) {
  const tile = (kpi, label, value, text, note) => h('li', { class: 'tile', 'data-kpi': kpi, 'data-value': value ?? '' },
    h('span', { class: 'tile-label', text: label }), h('span', { class: 'tile-value', text }), h('span', { class: 'meta', text: note }));
  const count = (n) => formatNumber(n, 0);
  return h('ul', { class: 'tiles', 'aria-label': t('kpis.figures') },
    tile('mttrBusiness', t('kpis.mttrBusiness'), all.mttrBusinessSeconds, formatDuration(all.mttrBusinessSeconds), t('kpis.ofResolved', { n: count(all.mttrBusinessCount) })),
    tile('mttrWall', t('kpis.mttrWall'), all.mttrWallSeconds, formatDuration(all.mttrWallSeconds), t('kpis.ofResolved', { n: count(all.resolved) })),
    tile('mtta', t('kpis.mtta'), all.mttaSeconds, formatDuration(all.mttaSeconds), t('kpis.ofAcknowledged', { n: count(all.acknowledged) })),
    tile('firstTimeFix', t('kpis.firstTimeFix'), all.firstTimeFixRate, formatPercent(all.firstTimeFixRate), t('kpis.ofResolved', { n: count(all.resolved) })),
    tile('slaCompliance', t('kpis.slaCompliance'), all.slaCompliance, formatPercent(all.slaCompliance), t('kpis.metBreached', { met: count(all.slaMet), breached: count(all.slaBreached) })),
    all.slaByClock.map((clock) => tile(`sla:${clock.key}`, t('kpis.slaClock', { clock: clockName(clock.key) }), clock.compliance, formatPercent(clock.compliance),
      t('kpis.metBreached', { met: count(clock.met), breached: count(clock.breached) }))),
    tile('reopenRate', t('kpis.reopenRate'), all.reopenRate, formatPercent(all.reopenRate), t('kpis.ofResolved', { n: count(all.resolved) })),
    tile('csat', t('kpis.csat'), all.csatMean, all.csatMean === null ? '–' : t('kpis.csatValue', { mean: formatNumber(all.csatMean) }),
      all.ratings ? t('kpis.ofRatings', { n: count(all.ratings), share: formatPercent(all.csatSatisfiedShare) }) : t('kpis.noRatings')),
    tile('backlog', t('kpis.backlog'), all.backlog, count(all.backlog), t('kpis.backlogNow')));
}

const clockName = (key) => ({ 'first-response': t('kpis.clock.firstResponse'), resolution: t('kpis.clock.resolution') }[key] || key);

function backlogChart(report) {
  const buckets = backlogByAge(report);
  const labels = buckets.map((b) => t(`kpis.age.${b.age}`));
  return chart({
    title: t('kpis.backlogByAge'), kind: 'bars', labels, axisLabels: buckets.map((b) => t(`kpis.ageShort.${b.age}`)), values: buckets.map((b) => b.tickets), format: (v) => formatNumber(v, 0),
    table: [[t('kpis.age'), t('kpis.tickets')], ...buckets.map((b, i) => [labels[i], formatNumber(b.tickets, 0)])],
  });
}

function growthChart(report) {
  const periods = perPeriod(report);
  const labels = periods.map((p) => formatPeriod(p.start, report.period));
  return chart({
    title: t('kpis.growth'), kind: 'line', labels, values: periods.map((p) => p.growth), format: (v) => formatNumber(v, 0),
    table: [[t('kpis.periodStart'), t('kpis.opened'), t('kpis.resolved'), t('kpis.growthColumn')],
      ...periods.map((p, i) => [labels[i], formatNumber(p.opened, 0), formatNumber(p.resolved, 0), formatNumber(p.growth, 0)])],
  });
}

function slaChart(report) {
  const periods = perPeriod(report);
  const labels = periods.map((p) => formatPeriod(p.start, report.period));
  return chart({
    title: t('kpis.slaPerPeriod'), kind: 'line', labels, values: periods.map((p) => (p.slaCompliance === null ? null : p.slaCompliance)),
    format: formatPercent, yMax: 1,
    table: [[t('kpis.periodStart'), t('kpis.met'), t('kpis.breached'), t('kpis.slaCompliance')],
      ...periods.map((p, i) => [labels[i], formatNumber(p.slaMet, 0), formatNumber(p.slaBreached, 0), formatPercent(p.slaCompliance)])],
  });
}
