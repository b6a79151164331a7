// The dashboard's figures from GET /kpis: the rows (one per period, department, type and priority) added up
// again as docs/kpis.md says (a mean times its count, summed, over the summed counts), and how each reads.
import { currentLanguage, t } from './i18n.js';

const AGES = ['<1d', '1-7d', '7-30d', '>30d'];

const sum = (rows, name) => rows.reduce((total, row) => total + (row[name] || 0), 0);
/** The mean of a group of means: each weighted by the count it is a mean of; null when there are no cases. */
function weightedMean(rows, mean, count) {
  let cases = 0;
  let total = 0;
  for (const row of rows) {
    if (row[mean] === null || row[mean] === undefined || !row[count]) continue;
    cases += row[count];
    total += row[mean] * row[count];
  }
  return cases ? total / cases : null;
}
const share = (part, whole) => (whole ? part / whole : null);

/** The tiles: one figure each over the whole range, with the count it stands on. */
export function totals(report) {
  const rows = report.rows || [];
  const resolved = sum(rows, 'resolved');
  const clocks = new Map();
  for (const row of rows) {
    for (const [key, clock] of Object.entries(row.slaByClock || {})) {
      const entry = clocks.get(key) || { met: 0, breached: 0 };
      entry.met += clock.met;
      entry.breached += clock.breached;
      clocks.set(key, entry);
    }
  }
  const slaMet = sum(rows, 'slaMet');
  const slaBreached = sum(rows, 'slaBreached');
  return {
    opened: sum(rows, 'opened'),
    resolved,
    mttrBusinessSeconds: weightedMean(rows, 'mttrBusinessSeconds', 'mttrBusinessCount'),
    mttrBusinessCount: sum(rows, 'mttrBusinessCount'),
    mttrWallSeconds: weightedMean(rows, 'mttrWallSeconds', 'resolved'),
    mttaSeconds: weightedMean(rows, 'mttaSeconds', 'acknowledged'),
    acknowledged: sum(rows, 'acknowledged'),
    firstTimeFixRate: share(sum(rows, 'firstTimeFixed'), resolved),
    reopenRate: share(sum(rows, 'reopened'), resolved),
    slaMet,
    slaBreached,
    slaCompliance: share(slaMet, slaMet + slaBreached),
    slaByClock: [...clocks].sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => ({ key, met: c.met, breached: c.breached, compliance: share(c.met, c.met + c.breached) })),
    ratings: sum(rows, 'ratings'),
    csatMean: weightedMean(rows, 'csatMean', 'ratings'),
    csatSatisfiedShare: weightedMean(rows, 'csatSatisfiedShare', 'ratings'),
    backlog: (report.backlog || []).reduce((total, bucket) => total + bucket.tickets, 0),
  };
}

/** The backlog now by age bucket, in age order: [{age, tickets}]. */
export function backlogByAge(report) {
  return AGES.map((age) => ({
    age,
    tickets: (report.backlog || []).filter((bucket) => bucket.age === age).reduce((total, bucket) => total + bucket.tickets, 0),
  }));
}

/** Every period of the range (also those without a row), each with its opened, resolved, growth and SLA counts. */
export function perPeriod(report) {
  const periods = new Map(periodStarts(report.from, report.to, report.period)
    .map((start) => [start, { start, opened: 0, resolved: 0, growth: 0, slaMet: 0, slaBreached: 0 }]));
  for (const row of report.rows || []) {
    const period = periods.get(row.periodStart);
    if (!period) continue;
    period.opened += row.opened;
    period.resolved += row.resolved;
    period.growth += row.backlogGrowth;
    period.slaMet += row.slaMet;
    period.slaBreached += row.slaBreached;
  }
  return [...periods.values()].map((p) => ({ ...p, slaCompliance: share(p.slaMet, p.slaMet + p.slaBreached) }));
}

/** The first days (ISO dates) of the periods from `from` to `to`: days, weeks from Monday, calendar months. */
export function periodStarts(from, to, period) {
  if (!from || !to) return [];
  const day = (iso) => { const [y, m, d] = iso.split('-').map(Number); return new Date(Date.UTC(y, m - 1, d)); };
  const start = day(from);
  const end = day(to);
  if (period === 'week') start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  if (period === 'month') start.setUTCDate(1);
  const starts = [];
  for (const at = start; at <= end && starts.length < 400;) {
    starts.push(at.toISOString().slice(0, 10));
    if (period === 'day') at.setUTCDate(at.getUTCDate() + 1);
    else if (period === 'week') at.setUTCDate(at.getUTCDate() + 7);
    else at.setUTCMonth(at.getUTCMonth() + 1);
  }
  return starts;
}

/** Whether anything happened in the range: a ticket opened, resolved or acknowledged, a clock ended, a rating given. */
export function hasData(report) {
  const all = totals(report);
  return Boolean(all.opened || all.resolved || all.acknowledged || all.slaMet || all.slaBreached || all.ratings);
}

// ---- how the figures read in the current language (de: 1.234,5 and 3 Std. 20 Min.; en: 1,234.5 and 3 h 20 min)

export function formatNumber(value, digits = 1) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(currentLanguage(), { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(value) {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(currentLanguage(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** Seconds as days, hours and minutes, the two largest units that are not zero ("3 h 20 min", "2 Tg. 4 Std."). */
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const total = Math.round(seconds);
  if (total < 60) return t('kpis.unit.seconds', { n: formatNumber(total, 0) });
  const minutes = Math.round(total / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [];
  if (days) parts.push(t('kpis.unit.days', { n: formatNumber(days, 0) }));
  if (hours) parts.push(t('kpis.unit.hours', { n: hours }));
  if (rest && !days) parts.push(t('kpis.unit.minutes', { n: rest }));
  return parts.join(' ') || t('kpis.unit.minutes', { n: 0 });
}

/** A period's label: a month as "März 2026", a week or a day by its first day. */
export function formatPeriod(isoDate, period) {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  if (period === 'month') return new Intl.DateTimeFormat(currentLanguage(), { month: 'short', year: 'numeric' }).format(date);
  return new Intl.DateTimeFormat(currentLanguage(), { day: 'numeric', month: 'short' }).format(date);
}
