/* DevOps Control Plane — the one layout rule every card follows (issue "readable at scale"):
 *   1. a summary first: the few numbers that matter (stats, bars, small pictures) and a short "needs attention"
 *      list (failures, missing tools, high-severity findings);
 *   2. then sections; long lists show their first rows and keep the rest behind a native <details> "show all N",
 *      and secondary sections are collapsed to their heading.
 * Renderers (cards.js, cards-*.js) only declare what is summary and what is detail:
 *
 *   const L = window.CardLayout;
 *   return L.card({
 *     stats: [['resources', 198], ['files', 40]],      // the key numbers (optional)
 *     summary: [ui.bar(...), L.sparkline(...)],         // more summary nodes (optional)
 *     attention: L.attentionFrom(d).concat([{ level: 'failed', text: '3 high findings' }]),
 *     attentionLimit: 3,                                 // optional, default 4 before "show all" 
 *     sections: [
 *       L.section('kinds', 'Resources by kind', 3, tableNode),              // open, heading visible
 *       L.section('tools', 'Tools', 3, tableNode, { collapsed: true }),    // closed until clicked
 *     ],
 *   });
 *   L.more('manifests', rows, 8, (part) => buildTable(part))  // first 8, then "show all N"
 *   L.expander('wf:ci.yml', '3 jobs', () => node)            // any one-click detail
 *
 * Every <details> in a card keeps its open/closed state across re-renders: the state is kept in a Map keyed by
 * card key + the element's data-expand id (an index when it has none) and re-applied by restore(), which the
 * store calls after each render. Everything is built with DOM APIs and text nodes: no innerHTML, no inline style
 * (the CSP forbids it; pictures are SVG whose geometry lives in attributes and whose colours come from classes).
 */
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const opened = new Map();

  function h(tag, attrs) {
    const el = document.createElement(tag);
    Object.keys(attrs || {}).forEach((name) => {
      const value = attrs[name];
      if (value == null || value === false || /^on/i.test(name)) return;
      el.setAttribute(name, value === true ? '' : String(value));
    });
    for (let i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }

  function add(el, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) child.forEach((c) => add(el, c));
    else if (child instanceof Node) el.append(child);
    else el.append(document.createTextNode(String(child)));
  }

  function frag() {
    const f = document.createDocumentFragment();
    for (let i = 0; i < arguments.length; i++) add(f, arguments[i]);
    return f;
  }

  function svg(tag, attrs) {
    const el = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach((name) => { if (attrs[name] != null) el.setAttribute(name, String(attrs[name])); });
    return el;
  }

  /* ---------- summary ---------- */

  function stats(pairs) {
    const list = (pairs || []).filter(Boolean);
    if (!list.length) return null;
    return h('div', { class: 'stats' }, list.map((p) => h('div', { class: 'stat' }, h('b', null, p[1] == null ? '—' : String(p[1])), h('span', null, p[0]))));
  }

  /** items: {level: 'failed'|'degraded'|null, text, title?}; at most `limit` shown, the rest behind "show all". */
  function attention(items, limit) {
    const list = (items || []).filter((i) => i && i.text);
    if (!list.length) return null;
    const row = (i) => h('li', { class: i.level || 'degraded', title: i.title || null }, i.text);
    return h('div', { class: 'attention', 'data-role': 'attention' },
      h('h3', null, 'Needs attention'),
      more('attention', list, limit || 4, (part) => h('ul', null, part.map(row))));
  }

  /** The usual attention items of any payload: missing tools and warnings. */
  function attentionFrom(d) {
    const out = [];
    (Array.isArray(d && d.missing_tools) ? d.missing_tools : []).forEach((t) => {
      if (t && typeof t === 'object') out.push({ level: 'degraded', text: 'missing tool: ' + (t.label || t.id), title: t.install_hint || null });
    });
    const warnings = (Array.isArray(d && d.warnings) ? d.warnings : []).filter((w) => w != null && w !== '');
    if (warnings.length) out.push({ level: 'degraded', text: warnings.length === 1 ? String(typeof warnings[0] === 'string' ? warnings[0] : JSON.stringify(warnings[0])) : warnings.length + ' warnings (below)' });
    return out;
  }

  /* ---------- sections ---------- */

  /**
   * A titled section. Open by default; with {collapsed: true} only its heading (and count) shows until clicked,
   * for secondary detail. A null body leaves the section out.
   */
  function section(id, title, count, body, opts) {
    if (body == null) return null;
    const o = opts || {};
    const head = [title, count != null ? h('span', { class: 'count' }, String(count)) : null];
    if (!o.collapsed) return h('section', { 'data-section': id }, h('h3', null, head), body);
    return h('details', { class: 'sec', 'data-section': id, 'data-expand': 'sec:' + id }, h('summary', null, h('h3', null, head)), body);
  }

  /** The first `limit` items built by build(part); the rest behind "show all N" (N = all items). */
  function more(id, items, limit, build, noun) {
    const list = items || [];
    const max = limit || 8;
    if (list.length <= max) return build(list);
    return frag(build(list.slice(0, max)),
      h('details', { class: 'more', 'data-expand': 'more:' + id },
        h('summary', null, 'show all ' + list.length + (noun ? ' ' + noun : '')), build(list.slice(max))));
  }

  /** One click away: a summary line (text or nodes) and the detail it opens. */
  function expander(id, summary, build) {
    return h('details', { class: 'exp', 'data-expand': 'exp:' + id }, h('summary', null, summary), build());
  }

  /** The whole card: summary (stats, summary nodes, attention), then the sections. */
  function card(spec) {
    const s = spec || {};
    const summary = [stats(s.stats)].concat(s.summary || []).filter(Boolean);
    return frag(
      summary.length ? h('div', { class: 'summary', 'data-role': 'summary' }, summary) : null,
      attention(s.attention, s.attentionLimit),
      (s.sections || []).filter(Boolean));
  }

  /* ---------- pictures ---------- */

  /**
   * A sparkline of one or more series over the same samples: series = [{label, values, cls}], values on a
   * 0..max scale. The last point of each is marked; the SVG carries a text title for screen readers.
   */
  function sparkline(series, opts) {
    const o = opts || {};
    const width = o.width || 240;
    const height = o.height || 48;
    const max = o.max || 10;
    const pad = 4;
    const el = svg('svg', { class: 'spark', viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img' });
    const title = svg('title');
    title.textContent = o.label || 'trend';
    el.append(title);
    el.append(svg('line', { class: 'spark-axis', x1: 0, y1: height - pad, x2: width, y2: height - pad }));
    (series || []).forEach((s) => {
      const values = (s.values || []).map(Number).filter(Number.isFinite);
      if (!values.length) return;
      const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
      const y = (v) => Math.round((height - pad - (Math.max(0, Math.min(max, v)) / max) * (height - 2 * pad)) * 10) / 10;
      const points = values.map((v, i) => Math.round((pad + i * step) * 10) / 10 + ',' + y(v));
      el.append(svg('polyline', { class: 'spark-line ' + (s.cls || ''), points: points.join(' '), fill: 'none' }));
      const last = points[points.length - 1].split(',');
      el.append(svg('circle', { class: 'spark-dot ' + (s.cls || ''), cx: last[0], cy: last[1], r: 2.5 }));
    });
    return el;
  }

  /**
   * A stacked bar of counts: segments = [{label, value, cls}]; widths are SVG attributes (no inline style), the
   * colours come from the classes; a legend in text follows.
   */
  function stacked(segments, opts) {
    const o = opts || {};
    const list = (segments || []).filter((s) => Number(s.value) > 0);
    const total = list.reduce((n, s) => n + Number(s.value), 0);
    const width = 240;
    const el = svg('svg', { class: 'stacked', viewBox: '0 0 ' + width + ' 10', preserveAspectRatio: 'none', role: 'img' });
    const title = svg('title');
    title.textContent = (o.label ? o.label + ': ' : '') + (list.length ? list.map((s) => s.value + ' ' + s.label).join(', ') : 'none');
    el.append(title);
    el.append(svg('rect', { class: 'stacked-bg', x: 0, y: 0, width: width, height: 10, rx: 5 }));
    let x = 0;
    list.forEach((s) => {
      const w = (Number(s.value) / total) * width;
      el.append(svg('rect', { class: 'seg ' + (s.cls || ''), x: Math.round(x * 10) / 10, y: 0, width: Math.max(1, Math.round(w * 10) / 10), height: 10 }));
      x += w;
    });
    return h('div', { class: 'stacked-wrap' }, el, h('span', { class: 'legend' },
      list.length ? list.map((s) => h('span', { class: 'key ' + (s.cls || '') }, s.value + ' ' + s.label)) : (o.empty || 'none')));
  }

  /* ---------- expansion state across re-renders ---------- */

  function idOf(details, index) {
    return details.dataset.expand || ('n' + index);
  }

  /** Re-applies the remembered open/closed state to every <details> a card just rendered. */
  function restore(root, key) {
    if (!root || !key) return;
    root.querySelectorAll('details').forEach((d, i) => {
      const state = opened.get(key + '#' + idOf(d, i));
      if (state != null) d.open = state;
    });
  }

  // 'toggle' does not bubble: listen in the capture phase, once for the whole page.
  document.addEventListener('toggle', (ev) => {
    const d = ev.target;
    if (!(d instanceof HTMLDetailsElement)) return;
    const detail = d.closest('[data-role="detail"]');
    const cardEl = d.closest('[data-card]');
    if (!detail || !cardEl) return;
    const index = Array.prototype.indexOf.call(detail.querySelectorAll('details'), d);
    opened.set(cardEl.dataset.card + '#' + idOf(d, index), d.open);
  }, true);

  window.CardLayout = {
    card: card, stats: stats, attention: attention, attentionFrom: attentionFrom, section: section, more: more,
    expander: expander, sparkline: sparkline, stacked: stacked, restore: restore,
    /** For tests and diagnosis: the remembered state as [[card#id, open], …]. */
    state: () => Array.from(opened.entries()),
  };
})();
