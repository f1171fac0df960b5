/* DevOps Control Plane — how each card's data is drawn. Everything from the project goes through text nodes
 * (never innerHTML), so a file named <script> is shown as text. */
(function () {
  'use strict';

  /* ---------- DOM building blocks ---------- */
  function h(tag, attrs) {
    const el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach((name) => {
        const value = attrs[name];
        if (value == null || value === false || /^on/i.test(name)) return;
        el.setAttribute(name, value === true ? '' : String(value));
      });
    }
    for (let i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, child) {
    if (child == null || child === false) return;
    if (Array.isArray(child)) {
      child.forEach((c) => append(el, c));
    } else if (child instanceof Node) {
      el.append(child);
    } else {
      el.append(document.createTextNode(String(child)));
    }
  }

  function frag() {
    const f = document.createDocumentFragment();
    for (let i = 0; i < arguments.length; i++) append(f, arguments[i]);
    return f;
  }

  function section(title) {
    const rest = Array.prototype.slice.call(arguments, 1);
    return h('section', null, h('h3', null, title), rest);
  }

  function empty(text) {
    return h('p', { class: 'empty' }, text);
  }

  function num(value) {
    if (value == null) return '—';
    if (typeof value === 'number' && !Number.isInteger(value)) return value.toFixed(2);
    return String(value);
  }

  function yesno(value, yes, no) {
    return h('span', { class: value ? 'yes' : 'no' }, value ? (yes || 'yes') : (no || 'no'));
  }

  function tag(text, level) {
    return h('span', { class: 'tag' + (level ? ' ' + level : '') }, text);
  }

  function tags(values, level) {
    if (!values || !values.length) return h('span', { class: 'muted' }, '—');
    return values.map((v) => tag(v, level));
  }

  /** A ratio or score as a bar, drawn with <meter> (no inline styles under the CSP). */
  function bar(value, max, label, opts) {
    const o = opts || {};
    return h('div', { class: 'bar' },
      h('meter', { min: 0, max: max, value: value == null ? 0 : value, low: o.low, high: o.high, optimum: o.optimum, title: label }),
      h('span', null, label));
  }

  function stats(pairs) {
    return h('div', { class: 'stats' }, pairs.filter(Boolean).map((p) => h('div', { class: 'stat' }, h('b', null, num(p[1])), h('span', null, p[0]))));
  }

  function kv(pairs) {
    const dl = h('dl', { class: 'kv' });
    pairs.filter(Boolean).forEach((p) => {
      dl.append(h('dt', null, p[0]));
      dl.append(h('dd', null, p[1] == null || p[1] === '' ? h('span', { class: 'muted' }, '—') : p[1]));
    });
    return dl;
  }

  /** Long lists show the first `limit` items; the rest sit behind "show all N". */
  function collapse(items, limit, build) {
    const max = limit || 10;
    if (items.length <= max) return build(items);
    return frag(build(items.slice(0, max)), h('details', null, h('summary', null, 'show all ' + items.length), build(items.slice(max))));
  }

  function list(items, render, limit) {
    if (!items || !items.length) return empty('none');
    return collapse(items, limit, (part) => h('ul', null, part.map((item) => h('li', null, render ? render(item) : String(item)))));
  }

  /** columns: [{label, get: row => value|Node, num: bool}] */
  function table(columns, rows, limit) {
    if (!rows || !rows.length) return empty('none');
    const head = h('thead', null, h('tr', null, columns.map((c) => h('th', { class: c.num ? 'num' : null, scope: 'col' }, c.label))));
    const build = (part) => h('table', null, head.cloneNode(true), h('tbody', null, part.map((row) =>
      h('tr', null, columns.map((c) => {
        const value = c.get(row);
        return h('td', { class: c.num ? 'num' : null }, value instanceof Node || Array.isArray(value) ? value : num(value));
      })))));
    return collapse(rows, limit, build);
  }

  function warnings(list_) {
    if (!list_ || !list_.length) return null;
    return section('Warnings', list(list_, (w) => h('span', { class: 'warn' }, typeof w === 'string' ? w : JSON.stringify(w))));
  }

  function missingTools(tools) {
    if (!tools || !tools.length) return null;
    return section('Missing tools', list(tools, (t) => frag(h('b', null, t.label || t.id), t.install_hint ? h('span', { class: 'hint' }, ' — ' + t.install_hint) : null)));
  }

  function label(key) {
    return key.replace(/_/g, ' ');
  }

  /** Any payload, readably: scalars as a definition list, lists of objects as tables, nested objects below. */
  function generic(data) {
    const out = frag();
    const scalars = [];
    Object.keys(data || {}).forEach((key) => {
      if (key === 'summary' || key === '_cache') return;
      const value = data[key];
      if (value == null || typeof value !== 'object') {
        scalars.push([label(key), typeof value === 'boolean' ? yesno(value) : num(value)]);
      } else if (Array.isArray(value)) {
        if (!value.length) {
          scalars.push([label(key), h('span', { class: 'muted' }, 'none')]);
        } else if (typeof value[0] === 'object' && value[0] !== null) {
          const cols = Object.keys(value[0]).filter((k) => value[0][k] == null || typeof value[0][k] !== 'object').slice(0, 5);
          out.append(section(label(key), table(cols.map((c) => ({ label: label(c), get: (r) => (typeof r[c] === 'boolean' ? yesno(r[c]) : r[c]) })), value)));
        } else {
          out.append(section(label(key), list(value)));
        }
      } else {
        const inner = Object.keys(value);
        if (inner.length && inner.every((k) => value[k] == null || typeof value[k] !== 'object')) {
          out.append(section(label(key), kv(inner.map((k) => [label(k), typeof value[k] === 'boolean' ? yesno(value[k]) : num(value[k])]))));
        } else if (inner.length) {
          out.append(section(label(key), generic(value)));
        }
      }
    });
    if (scalars.length) out.prepend(kv(scalars));
    return out;
  }

  window.CardUI = {
    h: h, frag: frag, section: section, empty: empty, num: num, yesno: yesno, tag: tag, tags: tags, bar: bar,
    stats: stats, kv: kv, list: list, table: table, warnings: warnings, missingTools: missingTools, generic: generic,
  };

  /* ---------- one renderer per card key; '*' draws anything else ---------- */
  window.CardRenderers = {
    '*': (data, ui) => ui.generic(data),
  };
})();
