/* DevOps Control Plane — how each card's data is drawn. Everything from the project goes through text nodes
 * (never innerHTML), so a file named <script> is shown as text. */
(function () {
  'use strict';

  /* The layout rule every card follows (summary, needs-attention, sections, "show all N"): card-layout.js. */
  const L = window.CardLayout;

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
      h('meter', { class: o.cls, min: 0, max: max, value: value == null ? 0 : value, low: o.low, high: o.high, optimum: o.optimum, title: label }),
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
    // The wrapper scrolls sideways if something unbreakable is still too wide, instead of overflowing the card.
    const build = (part) => h('div', { class: 'scroll' }, h('table', null, head.cloneNode(true), h('tbody', null, part.map((row) =>
      h('tr', null, columns.map((c) => {
        const value = c.get(row);
        return h('td', { class: c.num ? 'num' : null }, value instanceof Node || Array.isArray(value) ? value : num(value));
      }))))));
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
    return (key == null ? '' : String(key)).replace(/_/g, ' ');
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

  /* ---------- small helpers for the renderers: every payload field may be missing or of another shape ---------- */
  function arr(value) {
    return Array.isArray(value) ? value : [];
  }

  /** The entries of a list that are objects (a null or a stray string in a list is skipped, not fatal). */
  function objs(value) {
    return arr(value).filter((v) => v && typeof v === 'object' && !Array.isArray(v));
  }

  function obj(value) {
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  }

  function str(value) {
    return value == null ? '' : String(value);
  }

  function count(value) {
    const n = Number(value);
    return Number.isFinite(n) ? n : 0;
  }

  function plural(n, word, many) {
    return n + ' ' + (n === 1 ? word : (many || word + 's'));
  }

  function human(key) {
    const text = label(str(key));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** Project text in monospace; short values stay on one line, long ones wrap after "/", ":", "." or "@". */
  function code(text) {
    const t = str(text);
    if (t.length <= 18) return h('code', { class: 'short' }, t);
    return h('code', null, breakable(t));
  }

  /**
   * Long paths and package names with break opportunities after "/", ":", "." and "@" (so a narrow column wraps
   * between folders or name parts rather than inside a word); the text itself is unchanged.
   */
  function breakable(text) {
    const t = str(text);
    if (t.length <= 18) return t;
    return t.split(/(?<=[/:.@])/).map((p, i) => (i ? [h('wbr'), p] : p));
  }

  /** Paths or names as code chips; past `limit` only a "+N more" (the full list in its title). */
  function codes(values, limit) {
    const list_ = arr(values).filter((v) => v != null && v !== '');
    if (!list_.length) return h('span', { class: 'muted' }, '—');
    const max = limit || 6;
    const shown = list_.slice(0, max).map((v) => h('code', { class: str(v).length <= 18 ? 'chip short' : 'chip' }, breakable(str(v))));
    if (list_.length > max) shown.push(h('span', { class: 'muted', title: list_.slice(max).join('\n') }, '+' + (list_.length - max) + ' more'));
    return shown;
  }

  /** Long text cut to `max` characters, the whole of it in the title. */
  function clip(text, max) {
    const t = str(text);
    return t.length <= max ? t : h('span', { title: t }, t.slice(0, max - 1) + '…');
  }

  function sub() {
    return h('div', { class: 'sub' }, Array.prototype.slice.call(arguments));
  }

  function note(text) {
    return h('p', { class: 'note' }, text);
  }

  function heading(text) {
    return h('h4', null, text);
  }

  /** A list of small entries (a main line and optional details), collapsed past `limit`. */
  function items(values, render, limit) {
    const list_ = arr(values);
    if (!list_.length) return empty('none');
    return collapse(list_, limit, (part) => h('ul', { class: 'items' }, part.map((item) => h('li', null, render(item)))));
  }

  /** {name: n} as a two-column table, largest first. */
  function counts(map, nameLabel, countLabel, limit) {
    const rows = Object.keys(obj(map)).map((k) => ({ name: k, n: count(map[k]) })).sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
    return table([{ label: nameLabel, get: (r) => r.name }, { label: countLabel || 'count', num: true, get: (r) => r.n }], rows, limit);
  }

  /** {name: n} as tags "name n", skipping zeros. */
  function countTags(map, level) {
    const keys = Object.keys(obj(map)).filter((k) => count(map[k]) > 0);
    if (!keys.length) return h('span', { class: 'muted' }, 'none');
    return keys.map((k) => tag(label(k) + ' ' + count(map[k]), level));
  }

  function toDate(value) {
    if (value == null || value === '' || value === 0) return null;
    const d = typeof value === 'number' ? new Date(value * 1000) : new Date(String(value));
    return Number.isNaN(d.getTime()) ? null : d;
  }

  /** An epoch-seconds number or an ISO date as "5 min ago" (recent) or a date, the full time in the title. */
  function when(value) {
    const d = toDate(value);
    if (!d) return h('span', { class: 'muted' }, '—');
    const s = (Date.now() - d.getTime()) / 1000;
    let text;
    if (s < -60 || s > 30 * 86400) text = d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
    else if (s < 60) text = 'just now';
    else if (s < 3600) text = Math.floor(s / 60) + ' min ago';
    else if (s < 86400) text = Math.floor(s / 3600) + ' h ago';
    else text = Math.floor(s / 86400) + ' d ago';
    return h('time', { datetime: d.toISOString(), title: d.toLocaleString() }, text);
  }

  function bytes(value) {
    const n = Number(value);
    if (value == null || !Number.isFinite(n)) return '—';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = n;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
    return (u === 0 ? String(v) : v.toFixed(v < 10 ? 1 : 0)) + ' ' + units[u];
  }

  function fixed1(value) {
    const n = Number(value);
    return value == null || !Number.isFinite(n) ? '—' : n.toFixed(1);
  }

  /** present/absent with the path where it was found. */
  function found(entry, extra) {
    const e = obj(entry);
    return e.exists ? frag(yesno(true), e.path ? frag(' ', code(e.path)) : null, extra || null) : yesno(false);
  }

  /**
   * One titled part of a card. A part that cannot be drawn (an unexpected shape) falls back to the generic
   * view of its own data, so the rest of the card still shows; a null body leaves the part out.
   */
  function part(title, value, build) {
    try {
      const body = build(value);
      return body == null ? null : section(title, body);
    } catch (err) {
      console.warn('[control-plane] could not draw "' + title + '"', err);
      try {
        return section(title, value && typeof value === 'object' ? generic(Array.isArray(value) ? { items: value } : value) : String(value));
      } catch (ignored) {
        return section(title, empty('cannot show this part'));
      }
    }
  }

  /** warnings[] and missing_tools[] always close a card. */
  function tail(d) {
    return frag(warnings(arr(d.warnings).filter((w) => w != null && w !== '')), missingTools(objs(d.missing_tools)));
  }

  /** The tail in a card that lists them under "needs attention" already: collapsed to its heading. */
  function tailSection(d) {
    const n = arr(d.warnings).filter((w) => w != null && w !== '').length + objs(d.missing_tools).length;
    return n ? L.section('tail', 'Warnings and missing tools', n, tail(d), { collapsed: true }) : null;
  }

  /** A renderer never throws: if one breaks on an unexpected payload the generic view is shown instead. */
  function safe(render) {
    return (data, ui, key) => {
      try {
        return render(obj(data), ui, key);
      } catch (err) {
        console.warn('[control-plane] renderer for "' + key + '" failed; showing the raw view', err);
        return generic(data);
      }
    };
  }

  const LEVELS = { ready: 'ok', pass: 'ok', success: 'ok', ok: 'ok', partial: 'degraded', degraded: 'degraded', error: 'failed', failed: 'failed', failure: 'failed' };

  function statusTag(status) {
    const s = str(status) || 'unknown';
    return tag(s, LEVELS[s.toLowerCase()]);
  }

  window.CardUI = {
    h: h, frag: frag, section: section, empty: empty, num: num, yesno: yesno, tag: tag, tags: tags, bar: bar,
    stats: stats, kv: kv, list: list, table: table, warnings: warnings, missingTools: missingTools, generic: generic,
    items: items, codes: codes, counts: counts, when: when, bytes: bytes, part: part,
  };

  /* ---------- DevOps tab ---------- */
  const SEVERITIES = ['critical', 'high', 'medium', 'low'];
  const SEVERITY_LEVEL = { critical: 'failed', high: 'failed', medium: 'degraded' };

  function security(d) {
    const posture = obj(d.posture);
    const findings = objs(d.findings);
    const total = d.finding_count != null ? count(d.finding_count) : findings.length;
    const skipped = obj(d.files_skipped);
    const bySev = obj(d.by_severity);
    const sevCount = (s) => (bySev[s] != null ? count(bySev[s]) : findings.filter((f) => str(f.severity) === s).length);
    // Findings grouped by rule (the pattern that matched): one row each, the files one click away.
    const rules = [];
    const byRule = new Map();
    findings.forEach((f) => {
      const rule = str(f.pattern) || 'unnamed rule';
      if (!byRule.has(rule)) { byRule.set(rule, { rule: rule, severity: str(f.severity), findings: [] }); rules.push(byRule.get(rule)); }
      byRule.get(rule).findings.push(f);
    });
    const rank = (s) => { const i = SEVERITIES.indexOf(s); return i < 0 ? SEVERITIES.length : i; };
    rules.sort((a, b) => rank(a.severity) - rank(b.severity) || b.findings.length - a.findings.length || a.rule.localeCompare(b.rule));
    const checks = objs(posture.checks);
    const sensitive = objs(d.sensitive_files);
    const envFiles = objs(d.env_files);
    const attention = rules.filter((r) => rank(r.severity) <= 1)
      .map((r) => ({ level: 'failed', text: plural(r.findings.length, r.severity + ' finding') + ': ' + r.rule }))
      .concat(sensitive.filter((f) => !f.git_ignored).map((f) => ({ level: 'failed', text: 'key file not git-ignored: ' + str(f.path) })))
      .concat(envFiles.filter((f) => f.committed).map((f) => ({ level: 'failed', text: '.env file committed: ' + str(f.name) })))
      .concat(checks.filter((c) => !c.passed).map((c) => ({ level: count(c.score) > 0 ? 'degraded' : 'failed', text: 'posture: ' + str(c.label || human(c.name)), title: str(c.details) })))
      .concat(L.attentionFrom(d));
    const nSkipped = count(skipped.binary) + count(skipped.too_large) + count(skipped.unreadable);
    return L.card({
      summary: [
        posture.score == null ? empty('not graded') : bar(count(posture.score), 100, (posture.grade ? 'grade ' + posture.grade + ' · ' : '') + count(posture.score) + '/100', { low: 40, high: 75, optimum: 100 }),
        stats([['findings', total], ['suppressed (nosec)', count(d.suppressed)], ['files scanned', count(d.files_scanned)], nSkipped ? ['files skipped', nSkipped] : null]),
        L.stacked(SEVERITIES.map((s) => ({ label: s, value: sevCount(s), cls: 'sev-' + s })), { label: 'findings by severity', empty: 'no findings' }),
      ],
      attention: attention,
      sections: [
        part('Findings by rule', rules, (list_) => {
          if (!list_.length) return total > 0 ? note(plural(total, 'finding') + ' (details not included)') : empty('no secrets found');
          return frag(d.findings_truncated ? note('Showing ' + findings.length + ' of ' + total + ' findings.') : null,
            L.more('rules', list_, 6, (part_) => h('ul', { class: 'items' }, part_.map((r) => h('li', null,
              L.expander('rule:' + r.rule, frag(tag(r.severity || 'unrated', SEVERITY_LEVEL[r.severity]), ' ', h('b', null, r.rule), ' ',
                h('span', { class: 'muted' }, '× ' + r.findings.length)),
              () => items(r.findings, (f) => frag(code(str(f.file) + (f.line != null ? ':' + f.line : '')),
                f.match_preview ? sub(code(f.match_preview)) : null), 1000))))), 'rules'));
        }),
        L.section('posture', 'Posture checks', checks.length, checks.length ? table([
          { label: 'Check', get: (c) => frag(c.label || human(c.name), c.details ? sub(clip(c.details, 120)) : null) },
          { label: 'Result', get: (c) => (c.passed ? tag('pass', 'ok') : count(c.score) > 0 ? tag('partial', 'degraded') : tag('fail', 'failed')) },
          { label: 'Points', num: true, get: (c) => Math.round(count(c.score) * count(c.weight) * 10) / 10 + '/' + count(c.weight) },
        ], checks) : null, { collapsed: true }),
        L.section('keys', 'Key and certificate files', sensitive.length, sensitive.length ? items(sensitive, (f) => frag(
          code(f.path), ' ', f.git_ignored ? tag('git-ignored', 'ok') : tag('not ignored', 'failed'))) : null, { collapsed: true }),
        L.section('env', '.env files', envFiles.length, envFiles.length ? items(envFiles, (f) => frag(
          code(f.name), ' ', f.committed ? tag('committed', 'failed') : f.git_ignored ? tag('git-ignored', 'ok') : tag('not ignored', 'degraded'))) : null, { collapsed: true }),
        arr(d.stacks).length ? note('Stacks checked: ' + arr(d.stacks).join(', ') + (d.ignore_check ? ' · ignore rules read with ' + d.ignore_check : '')) : null,
        tailSection(d),
      ],
    });
  }

  function testing(d) {
    const st = obj(d.stats);
    const frameworks = objs(d.frameworks);
    const run = obj(d.last_run);
    const ran = run.available != null ? !!run.available : count(run.passed) + count(run.failed) + count(run.skipped) > 0;
    // Nothing to report beyond "no tests": keep an empty project's card short.
    const none = d.has_tests === false && !frameworks.length && !ran;
    if (none) return frag(empty('No tests found in this project.'), tail(d));
    const ratio = Number(st.test_ratio);
    const passed = count(run.passed);
    const failed = count(run.failed);
    const sources = objs(run.sources);
    const coverage = objs(d.coverage_tools);
    return L.card({
      stats: [
        ['tests', count(st.test_functions)],
        st.integration_tests != null ? ['integration tests', count(st.integration_tests)] : null,
        ['test classes', count(st.test_classes)],
        ['test files', count(st.test_files)],
        ['source files', count(st.source_files)],
      ],
      summary: [
        Number.isFinite(ratio) ? bar(Math.min(ratio, 1), 1, 'test-to-source ratio ' + ratio.toFixed(2), { low: 0.2, high: 0.5, optimum: 1 }) : null,
        ran ? bar(passed, Math.max(1, passed + failed), passed + ' passed · ' + failed + ' failed · ' + count(run.skipped) + ' skipped',
          { low: 0.999 * Math.max(1, passed + failed), high: Math.max(1, passed + failed), optimum: Math.max(1, passed + failed) }) : null,
      ],
      attention: (failed ? [{ level: 'failed', text: plural(failed, 'test') + ' failed in the last run' }] : [])
        .concat(frameworks.length && !coverage.length ? [{ level: 'degraded', text: 'no coverage tool configured' }] : [])
        .concat(L.attentionFrom(d)),
      sections: [
        part('Frameworks', frameworks, (list_) => (list_.length ? table([
          { label: 'Framework', get: (f) => {
            const dirs = arr(f.test_dirs).length ? arr(f.test_dirs).map(str) : [str(f.test_dir)].filter(Boolean);
            const n = f.test_dirs_total != null ? count(f.test_dirs_total) : dirs.length;
            return frag(h('b', null, str(f.name)), n === 1 ? sub(code(dirs[0])) : n > 1 ? sub(h('span', { title: dirs.join('\n') }, plural(n, 'test folder'))) : null);
          } },
          { label: 'Detected by', get: (f) => {
            const by = arr(f.detected_by).map(str);
            return h('span', { class: 'small', title: by.join('\n') }, by.length ? clip(by[0], 48) : '—', by.length > 1 ? ' (+' + (by.length - 1) + ')' : '');
          } },
          { label: 'Tests', num: true, get: (f) => (f.test_functions != null ? f.test_functions : '—') },
        ], list_, 6) : empty('none detected'))),
        L.section('coverage', 'Coverage tools', coverage.length, coverage.length
          ? table([{ label: 'Tool', get: (c) => str(c.name) }, { label: 'Configured in', get: (c) => (c.config ? code(c.config) : '—') }], coverage)
          : empty('none configured'), { collapsed: coverage.length > 3 }),
        L.section('run', 'Last run', null, !ran ? empty('No recorded results (test reports appear here after a run).') : frag(
          kv([['from', run.source ? str(run.source) : null], ['when', when(run.at)]]),
          sources.length > 1 ? table([
            { label: 'Report', get: (x) => frag(str(x.source), sub(code(x.path))) },
            { label: 'Passed', num: true, get: (x) => count(x.passed) },
            { label: 'Failed', num: true, get: (x) => count(x.failed) },
            { label: 'Skipped', num: true, get: (x) => count(x.skipped) },
          ], sources) : null), { collapsed: sources.length > 3 }),
        tailSection(d),
      ],
    });
  }

  const CATEGORY_ORDER = ['lint', 'typecheck', 'format', 'test'];

  function quality(d) {
    const tools = objs(d.tools);
    const relevant = tools.filter((t) => t.relevant)
      .sort((a, b) => (CATEGORY_ORDER.indexOf(a.category) + 1 || 9) - (CATEGORY_ORDER.indexOf(b.category) + 1 || 9));
    const others = tools.filter((t) => !t.relevant);
    const totals = obj(d.totals);
    const nRelevant = totals.relevant != null ? count(totals.relevant) : relevant.length;
    const nAvailable = totals.available != null ? count(totals.available) : relevant.filter((t) => t.available).length;
    const hinted = new Set(relevant.filter((t) => !t.cli_available && t.install_hint).map((t) => t.id));
    return frag(
      part('Coverage of the stack', d, () => (nRelevant ? frag(
        bar(nAvailable, nRelevant, nAvailable + ' of ' + nRelevant + ' relevant tools usable', { low: nRelevant * 0.5, high: nRelevant * 0.999, optimum: nRelevant }),
        h('p', { class: 'line' }, 'Stacks: ', tags(arr(d.stacks)), ' · configured: ' + (totals.configured != null ? count(totals.configured) : relevant.filter((t) => t.config_found).length)),
        h('p', { class: 'line' }, 'By category: ', countTags(d.categories))) : empty('No tool is relevant to this project\'s stacks.'))),
      part('Tools', relevant, (list_) => (list_.length ? table([
        { label: 'Tool', get: (t) => frag(h('b', null, str(t.name || t.id)), ' ', h('span', { class: 'muted' }, str(t.category)),
          !t.cli_available && t.install_hint ? sub('install: ', h('span', { class: 'hint' }, str(t.install_hint))) : null) },
        { label: 'Configured', get: (t) => (t.config_found ? frag(yesno(true), t.config_file ? sub(code(t.config_file)) : null) : yesno(false)) },
        { label: 'CLI', get: (t) => frag(yesno(t.cli_available), t.cli_available && t.cli ? sub(code(t.cli)) : null) },
      ], list_, 12) : null)),
      others.length ? h('details', { class: 'others' }, h('summary', null, plural(others.length, 'tool') + ' for other stacks'),
        h('p', { class: 'line' }, others.map((t) => tag(str(t.name || t.id) + (t.stack ? ' (' + t.stack + ')' : ''))))) : null,
      warnings(arr(d.warnings)),
      missingTools(arr(d.missing_tools).filter((t) => t && typeof t === 'object' && !hinted.has(t.id))));
  }

  function packages(d) {
    const managers = objs(d.managers);
    const deps = objs(d.dependencies);
    const unlocked = managers.filter((m) => !arr(m.lock_files).length && !m.has_lock);
    return L.card({
      stats: [
        ['managers', d.total_managers != null ? count(d.total_managers) : managers.length],
        ['dependencies', d.total_dependencies != null ? count(d.total_dependencies) : deps.length],
        d.runtime_dependencies != null ? ['runtime', count(d.runtime_dependencies)] : null,
        d.dev_dependencies != null ? ['dev', count(d.dev_dependencies)] : null,
      ],
      attention: unlocked.map((m) => ({ level: 'degraded', text: 'no lock file: ' + str(m.name || m.id) }))
        .concat(managers.filter((m) => m.cli_available === false).map((m) => ({ level: 'degraded', text: 'CLI not installed: ' + str(m.cli || m.name) })))
        .concat(L.attentionFrom(d).filter((a) => !/^missing tool/.test(a.text))),
      sections: [
        part('Per manager', managers, (list_) => (list_.length ? table([
          { label: 'Manager', get: (m) => frag(h('b', null, str(m.name || m.id)), sub(plural(arr(m.dependency_files).length, 'file'))) },
          { label: 'Deps', num: true, get: (m) => (m.dependency_count != null ? count(m.dependency_count) : deps.filter((x) => str(x.manager) === str(m.id)).length) },
          { label: 'Lock', get: (m) => (arr(m.lock_files).length ? tag('locked', 'ok') : m.has_lock ? h('span', { class: 'muted' }, 'not used') : tag('no lock', 'degraded')) },
          { label: 'CLI', get: (m) => yesno(m.cli_available) },
        ], list_, 8) : empty('No package manager files found.'))),
        L.section('files', 'Manifest and lock files', null, managers.length ? table([
          { label: 'Manager', get: (m) => h('b', null, str(m.name || m.id)) },
          { label: 'Files', get: (m) => frag(codes(m.dependency_files, 4), arr(m.lock_files).length ? sub('lock: ', codes(m.lock_files, 3)) : null) },
        ], managers) : null, { collapsed: true }),
        L.section('deps', 'Dependencies', deps.length, deps.length ? table([
          { label: 'Package', get: (x) => frag(breakable(x.name), sub(str(x.manager) + (x.source_file ? ' · ' + x.source_file : ''))) },
          { label: 'Version', get: (x) => (x.version ? code(x.version) : h('span', { class: 'muted' }, 'any')) },
          { label: '', get: (x) => (x.dev ? tag('dev') : '') },
        ], deps) : null, { collapsed: true }),
        tailSection(d),
      ],
    });
  }

  function env(d) {
    const files = objs(d.files);
    const present = files.filter((f) => f.exists !== false);
    const absent = files.filter((f) => f.exists === false);
    const envs = arr(d.environments).map((e) => (e && typeof e === 'object' ? e : { name: str(e) }));
    return frag(
      part('.env files', present, (list_) => frag(
        list_.length ? table([
          { label: 'File', get: (f) => frag(code(f.name), arr(f.keys).length ? sub(codes(f.keys, 8)) : null) },
          { label: 'Vars', num: true, get: (f) => count(f.var_count) },
          { label: 'Git', get: (f) => {
            // A template (.env.example) belongs in git; a file with real values must stay out of it.
            if (/example|sample|template|dist$/.test(str(f.name))) return f.committed ? tag('committed', 'ok') : f.git_ignored ? tag('ignored') : tag('not committed');
            return f.committed ? tag('committed', 'failed') : f.git_ignored ? tag('ignored', 'ok') : tag('not ignored', 'degraded');
          } },
        ], list_) : empty('No .env files at the project root.'),
        absent.length && list_.length ? note('Not present: ' + absent.map((f) => str(f.name)).join(', ')) : null)),
      part('Environments', envs, (list_) => (list_.length || d.active_env ? frag(
        list_.length ? h('p', { class: 'line' }, list_.map((e) => frag(
          tag(str(e.name), str(e.name) === str(d.active_env) ? 'ok' : null), e.default ? h('span', { class: 'muted' }, '(default) ') : null))) : null,
        kv([['active', d.active_env ? code(d.active_env) : null]])) : null)),
      part('Keys out of step', d, () => (arr(d.missing_in_example).length || arr(d.missing_in_env).length ? kv([
        ['missing from .env.example', arr(d.missing_in_example).length ? tags(arr(d.missing_in_example), 'degraded') : null],
        ['only in .env.example', arr(d.missing_in_env).length ? tags(arr(d.missing_in_env)) : null],
      ].filter((p) => p[1])) : null)),
      tail(d));
  }

  function docs(d) {
    const readme = obj(d.readme);
    const dirs = objs(d.doc_dirs);
    const specs = objs(d.api_specs);
    const license = obj(d.license);
    return frag(
      stats([['doc files', count(d.doc_files)], ['doc folders', dirs.length], ['API specs', specs.length]]),
      part('README', readme, (r) => (r.exists ? frag(
        kv([['file', code(r.path || 'README')], ['size', bytes(r.size) + ' · ' + plural(count(r.lines), 'line')]]),
        arr(r.headings).length ? frag(list(arr(r.headings).map(str)),
          count(r.heading_count) > arr(r.headings).length ? note(count(r.heading_count) + ' headings in all') : null) : note('no headings')) : empty('No README.'))),
      part('Project files', d, () => kv([
        ['changelog', found(d.changelog)],
        ['licence', found(license, license.name ? frag(' ', tag(str(license.name), 'ok')) : null)],
        ['contributing', found(d.contributing)],
        ['code of conduct', found(d.code_of_conduct)],
        ['security policy', found(d.security_policy)],
      ])),
      part('Documentation folders', dirs, (list_) => (list_.length ? table([
        { label: 'Folder', get: (x) => code(x.path) },
        { label: 'Docs', num: true, get: (x) => count(x.doc_count) },
        { label: 'Files', num: true, get: (x) => count(x.file_count) },
        { label: 'Size', num: true, get: (x) => bytes(x.total_size) },
      ], list_) : null)),
      part('API specs', specs, (list_) => (list_.length ? table([
        { label: 'Spec', get: (x) => frag(code(x.path), x.title ? sub(str(x.title)) : null) },
        { label: 'Format', get: (x) => [str(x.format), str(x.version)].filter(Boolean).join(' ') || '—' },
      ], list_) : null)),
      tail(d));
  }

  function dirOf(path) {
    const p = str(path);
    const i = p.lastIndexOf('/');
    return i < 0 ? '.' : p.slice(0, i);
  }

  function k8s(d) {
    const manifests = objs(d.manifests);
    const charts = objs(d.helm_charts);
    const kustom = objs(d.kustomizations);
    const secrets = obj(d.secret_safety);
    const tools = obj(d.tool_availability);
    const nothing = !manifests.length && !charts.length && !kustom.length && !count(d.total_resources);
    if (nothing) return frag(empty('No Kubernetes manifests, Helm charts or Kustomize files found.'), tail(d));
    // Namespaces: from the resources, then from kustomizations that set one.
    const namespaces = {};
    manifests.forEach((m) => objs(m.resources).forEach((r) => { if (r.namespace) namespaces[r.namespace] = count(namespaces[r.namespace]) + 1; }));
    kustom.forEach((k) => { if (k.namespace && !(k.namespace in namespaces)) namespaces[k.namespace] = 0; });
    // Manifests grouped by directory and deployment method.
    const groups = [];
    const byGroup = new Map();
    manifests.forEach((m) => {
      const id = dirOf(m.path) + '\u0000' + str(m.deployed_with);
      if (!byGroup.has(id)) { byGroup.set(id, { dir: dirOf(m.path), method: str(m.deployed_with), files: [] }); groups.push(byGroup.get(id)); }
      byGroup.get(id).files.push(m);
    });
    groups.sort((a, b) => a.dir.localeCompare(b.dir) || a.method.localeCompare(b.method));
    const resourcesOf = (m) => objs(m.resources).map((r) => str(r.kind) + '/' + str(r.name) + (r.namespace ? ' (' + r.namespace + ')' : ''));
    const missingTools = Object.keys(tools).filter((k) => !obj(tools[k]).available);
    return L.card({
      stats: [['resources', count(d.total_resources)], ['manifest files', d.manifest_files != null ? count(d.manifest_files) : manifests.length],
        ['Helm charts', charts.length], ['kustomizations', d.kustomizations_total != null ? count(d.kustomizations_total) : kustom.length]],
      summary: [h('p', { class: 'line' }, 'Deployment: ', tag(str(d.deployment_strategy || 'none')),
        arr(d.strategies).length > 1 ? h('span', { class: 'muted' }, ' (' + arr(d.strategies).map(label).join(', ') + ')') : null)],
      attention: (secrets.has_raw_secrets ? arr(secrets.raw_secret_files).map((f) => ({ level: 'failed', text: 'raw Secret manifest: ' + str(f) })) : [])
        .concat(d.manifests_truncated ? [{ level: 'degraded', text: 'only the first ' + manifests.length + ' manifest files were read' }] : [])
        .concat(L.attentionFrom(d)),
      sections: [
        part('Resources by kind', obj(d.resource_summary), (m) => (Object.keys(m).length ? counts(m, 'kind', 'count', 8) : null)),
        Object.keys(namespaces).length ? L.section('ns', 'Namespaces', Object.keys(namespaces).length, h('p', { class: 'line' },
          Object.keys(namespaces).sort().map((n) => tag(n + (namespaces[n] ? ' ' + namespaces[n] : ''))))) : null,
        part('Manifests by directory', groups, (list_) => (list_.length ? L.more('groups', list_, 6, (part_) => h('ul', { class: 'items' }, part_.map((g) => h('li', null,
          L.expander('dir:' + g.dir + ':' + g.method, frag(code(g.dir), ' ', g.method ? tag(label(g.method)) : null, ' ',
            h('span', { class: 'muted' }, plural(g.files.length, 'file') + ' · ' + plural(g.files.reduce((n, m) => n + objs(m.resources).length, 0), 'resource'))),
          () => items(g.files, (m) => frag(code(str(m.path).slice(g.dir.length + 1) || m.path), sub(resourcesOf(m).join(', ') || 'no resources')), 1000))))), 'directories') : null)),
        L.section('helm', 'Helm charts', charts.length, charts.length ? table([
          { label: 'Chart', get: (c) => frag(h('b', null, str(c.name)), sub(code(c.path))) },
          { label: 'Version', get: (c) => frag(str(c.version) || '—', c.app_version ? sub('app ' + c.app_version) : null) },
          { label: 'Contents', get: (c) => frag(c.has_values ? tag('values', 'ok') : tag('no values'),
            c.has_templates ? tag((c.templates != null ? c.templates + ' ' : '') + 'templates', 'ok') : tag('no templates')) },
        ], charts) : null, { collapsed: charts.length > 3 }),
        L.section('kustomize', 'Kustomize', kustom.length, kustom.length ? table([
          { label: 'Directory', get: (k) => frag(code(k.dir || k.path), k.namespace ? sub('namespace ' + k.namespace) : null) },
          { label: 'Kind', get: (k) => (k.is_overlay ? tag('overlay') : tag('base')) },
          { label: 'Contents', get: (k) => h('span', { class: 'small' }, [
            plural(arr(k.resources).length, 'resource'), plural(count(k.patches), 'patch', 'patches'), plural(count(k.generators), 'generator'),
          ].join(', ') + (count(k.secret_generators) ? ', ' + plural(count(k.secret_generators), 'secret generator') : '')) },
        ], kustom) : null, { collapsed: true }),
        part('Secrets', secrets, (s) => (s.has_raw_secrets ? null : h('p', { class: 'line' }, yesno(true, 'no raw Secret manifests')))),
        L.section('tools', 'Tools', missingTools.length ? (Object.keys(tools).length - missingTools.length) + '/' + Object.keys(tools).length : null,
          Object.keys(tools).length ? table([
            { label: 'Tool', get: (k) => code(k) },
            { label: 'Installed', get: (k) => yesno(obj(tools[k]).available) },
            { label: 'Version', get: (k) => str(obj(tools[k]).version) || '—' },
          ], Object.keys(tools)) : null, { collapsed: true }),
        tailSection(d),
      ],
    });
  }

  function terraform(d) {
    const cli = obj(d.cli);
    const providers = objs(d.providers);
    const modules = objs(d.modules);
    const files = objs(d.files);
    if (d.has_terraform === false && !files.length) {
      return frag(empty('No Terraform configuration found.'),
        part('CLI', cli, (c) => kv([['terraform', c.available ? frag(yesno(true), c.version ? ' ' + c.version : '') : yesno(false)]])), tail(d));
    }
    return frag(
      stats([['resources', count(d.total_resources)], ['data sources', count(d.total_data_sources)], ['modules', modules.length],
        ['providers', providers.length], ['files', d.file_count != null ? count(d.file_count) : files.length]]),
      part('Configuration', d, () => kv([
        ['root', arr(d.roots).length > 1 ? codes(d.roots) : d.root ? code(d.root) : null],
        ['backend', d.backend ? frag(tag(str(d.backend)), d.backend_file ? frag(' ', code(d.backend_file)) : null) : h('span', { class: 'muted' }, 'local state')],
        ['required version', d.required_version ? code(d.required_version) : null],
        ['initialized', yesno(d.initialized, 'yes (.terraform/)', 'no (run terraform init)')],
        ['lock file', yesno(d.lock_file)],
        ['terraform CLI', cli.available ? frag(yesno(true), cli.version ? ' ' + cli.version : '') : yesno(false)],
      ])),
      part('Files', files, (list_) => (list_.length ? frag(
        h('p', { class: 'line' }, countTags(d.roles)),
        h('details', null, h('summary', null, 'all ' + plural(list_.length, 'file')),
          items(list_, (f) => frag(code(f.path), f.role ? frag(' ', tag(str(f.role))) : null), 1000))) : null)),
      L.section('providers', 'Providers', providers.length, providers.length ? table([
        { label: 'Provider', get: (p) => frag(h('b', null, str(p.name)), p.source ? sub(code(p.source)) : null) },
        { label: 'Version', get: (p) => (p.version ? code(p.version) : h('span', { class: 'muted' }, 'any')) },
        { label: 'Configured', get: (p) => yesno(p.configured) },
      ], providers) : null, { collapsed: providers.length > 4 }),
      L.section('modules', 'Modules', modules.length, modules.length ? table([
        { label: 'Module', get: (m) => frag(h('b', null, str(m.name)), sub(code(m.source))) },
        { label: 'Source', get: (m) => frag(m.local ? tag('local') : tag('remote'), m.version ? sub(code(m.version)) : null) },
      ], modules) : null, { collapsed: modules.length > 4 }),
      part('Resources', arr(d.resources), (list_) => (list_.length ? frag(
        Object.keys(obj(d.resource_types)).length ? counts(d.resource_types, 'type', 'count', 8) : null,
        // The names only add something when a type has several resources (or the per-type counts are missing).
        list_.length > Object.keys(obj(d.resource_types)).length
          ? h('details', null, h('summary', null, 'all ' + plural(list_.length, 'resource')), list(list_.map(str), (r) => code(r), 1000)) : null) : null)),
      L.section('data', 'Data sources', arr(d.data_sources).length, arr(d.data_sources).length ? h('p', { class: 'line' }, codes(d.data_sources, 12)) : null,
        { collapsed: true }),
      L.section('vars', 'Variables and outputs', null, arr(d.variables).length || arr(d.outputs).length ? kv([
        ['variables', arr(d.variables).length ? codes(d.variables, 12) : null],
        ['outputs', arr(d.outputs).length ? codes(d.outputs, 12) : null],
      ]) : null, { collapsed: true }),
      tail(d));
  }

  function dns(d) {
    const providers = objs(d.providers);
    const sources = objs(d.domain_sources);
    const domains = sources.length ? sources : arr(d.domains).map((x) => ({ domain: x, files: [] }));
    const zones = objs(d.zone_files);
    const certs = objs(d.certificates);
    return frag(
      stats([['domains', arr(d.domains).length || domains.length], ['providers', providers.length], ['zone files', zones.length],
        ['certificates & keys', d.certificate_count != null ? count(d.certificate_count) : certs.length]]),
      part('Providers', providers, (list_) => (list_.length ? table([
        { label: 'Provider', get: (p) => h('b', null, str(p.name || p.id)) },
        { label: 'Found in', get: (p) => codes(p.files, 4) },
      ], list_) : empty('No CDN or hosting configuration found.'))),
      part('Domains', domains, (list_) => (list_.length ? table([
        { label: 'Domain', get: (x) => code(x.domain) },
        { label: 'Found in', get: (x) => codes(x.files, 3) },
      ], list_) : null)),
      part('Zone files', zones, (list_) => (list_.length ? table([
        { label: 'File', get: (z) => code(z.path) },
        { label: 'Origin', get: (z) => str(z.origin) || '—' },
      ], list_) : null)),
      part('Certificates and keys', certs, (list_) => (list_.length ? frag(note('File types only; contents are never read into the card.'), table([
        { label: 'File', get: (c) => code(c.path) },
        { label: 'Type', get: (c) => tag(label(c.type), /key|pkcs12|keystore/.test(str(c.type)) && !/public/.test(str(c.type)) ? 'degraded' : null) },
      ], list_)) : null)),
      tail(d));
  }

  /* ---------- Integrations tab ---------- */
  function git(d) {
    if (d.available === false) return frag(empty(d.reason ? 'Git: ' + d.reason : 'Not a git repository.'), tail(d));
    const last = obj(d.last_commit);
    const groups = [['Staged', 'staged'], ['Modified', 'modified'], ['Untracked', 'untracked'], ['Unmerged', 'unmerged']];
    return frag(
      part('Head', d, () => kv([
        ['branch', frag(d.branch ? code(d.branch) : h('span', { class: 'muted' }, '—'), d.detached ? frag(' ', tag('detached', 'degraded')) : null)],
        ['commit', d.commit ? code(d.commit) : null],
        ['upstream', d.upstream ? frag(code(d.upstream), ' ',
          tag('↑ ' + count(d.ahead) + ' ahead', count(d.ahead) ? 'degraded' : null), tag('↓ ' + count(d.behind) + ' behind', count(d.behind) ? 'degraded' : null))
          : h('span', { class: 'muted' }, 'none')],
        ['remote', d.remote_url ? frag(d.remote_name ? str(d.remote_name) + ' ' : '', code(d.remote_url)) : null],
      ])),
      part('Last commit', last, (c) => (c.hash || c.message ? kv([
        ['message', str(c.message)],
        ['author', str(c.author)],
        ['date', when(c.date)],
        ['hash', c.short_hash || c.hash ? h('code', { title: str(c.hash) }, str(c.short_hash || c.hash)) : null],
      ]) : empty('no commits yet'))),
      part('Working tree', d, () => {
        if (!d.dirty) return h('p', { class: 'line' }, yesno(true, 'clean'), h('span', { class: 'muted' }, ' — nothing to commit'));
        return frag(
          stats(groups.map((g) => [g[0].toLowerCase(), count(d[g[1] + '_count'])]).concat(count(d.renamed_count) ? [['renamed', count(d.renamed_count)]] : [])),
          groups.map((g) => {
            const names = arr(d[g[1]]);
            const n = Math.max(count(d[g[1] + '_count']), names.length);
            if (!n) return null;
            return frag(heading(g[0] + ' · ' + n), items(names, (f) => code(f)),
              n > names.length ? note('… and ' + (n - names.length) + ' more') : null);
          }));
      }),
      tail(d));
  }

  function github(d) {
    const remote = obj(d.remote);
    const dir = obj(d.github_dir);
    const gh = obj(d.gh);
    return frag(
      part('Repository', remote, (r) => {
        if (d.git_repo === false) return empty('Not a git repository.');
        if (!r.url && !r.slug) return empty('No remote configured.');
        return kv([
          ['repository', r.slug ? frag(h('b', null, str(r.slug)), ' ', r.is_github ? tag('GitHub', 'ok') : tag('not GitHub')) : null],
          ['remote', frag(r.name ? str(r.name) + ' ' : '', code(r.url))],
          ['protocol', r.protocol ? str(r.protocol) + (r.url_host ? ' · ' + r.url_host : '') : null],
        ]);
      }),
      part('.github/', dir, (g) => (g.exists === false ? empty('No .github/ directory.') : kv([
        ['workflows', count(g.workflows) ? tag(plural(count(g.workflows), 'workflow'), 'ok') : yesno(false)],
        ['CODEOWNERS', found(g.codeowners)],
        ['PR template', found(g.pr_template)],
        ['issue templates', count(g.issue_templates) ? frag(tag(String(count(g.issue_templates)), 'ok'), ' ', codes(g.issue_template_files, 3)) : yesno(false)],
        ['Dependabot', found(g.dependabot)],
        ['funding', found(g.funding)],
      ]))),
      part('GitHub CLI', gh, (c) => kv([
        ['gh installed', c.available ? frag(yesno(true), c.version ? ' ' + c.version : '') : yesno(false)],
        ['authenticated', c.available ? yesno(c.authenticated) : h('span', { class: 'muted' }, 'n/a')],
      ])),
      tail(d));
  }

  function ci(d) {
    const providers = objs(d.providers);
    const workflows = objs(d.workflows);
    if (!providers.length && !workflows.length && !d.has_ci) return frag(empty('No CI configuration found.'), tail(d));
    const jobs = workflows.reduce((n, w) => n + arr(w.jobs).length, 0);
    return L.card({
      stats: [['workflows', d.total_workflows != null ? count(d.total_workflows) : workflows.length], ['jobs', jobs], ['providers', providers.length]],
      summary: providers.length ? [h('p', { class: 'line' }, providers.map((p) => tag(str(p.name || p.id) + (p.workflows != null ? ' ' + count(p.workflows) : ''), 'ok')))] : [],
      attention: workflows.filter((w) => w.valid === false).map((w) => ({ level: 'failed', text: 'invalid YAML: ' + str(w.file) })).concat(L.attentionFrom(d)),
      sections: [
        part('Workflows', workflows, (list_) => (list_.length ? table([
          { label: 'Workflow', get: (w) => frag(h('b', { title: str(w.file) }, str(w.name || w.file)), w.valid === false ? frag(' ', tag('invalid YAML', 'failed')) : null) },
          { label: 'Triggers', get: (w) => (arr(w.triggers).length ? h('span', { class: 'small' }, arr(w.triggers).map(str).join(', ')) : h('span', { class: 'muted' }, '—')) },
          { label: 'Jobs', get: (w) => (arr(w.jobs).length
            ? L.expander('jobs:' + str(w.file), plural(arr(w.jobs).length, 'job'), () => h('div', { class: 'line' }, tags(arr(w.jobs).map(str), 'ok')))
            : h('span', { class: 'muted' }, '0')) },
        ], list_, 8) : null)),
        L.section('providers', 'Provider files', null, providers.length ? table([
          { label: 'Provider', get: (p) => h('b', null, str(p.name || p.id)) },
          { label: 'Files', get: (p) => codes(p.files, 4) },
        ], providers) : null, { collapsed: true }),
        tailSection(d),
      ],
    });
  }

  function docker(d) {
    const files = objs(d.dockerfiles);
    const services = objs(d.compose_service_details);
    const serviceRows = services.length ? services : arr(d.compose_services).map((name) => ({ name: name }));
    const cli = obj(d.cli);
    const patterns = arr(d.dockerignore_patterns);
    // Dockerfile warnings once per kind ("no USER in the final stage"), with how many files and which.
    const kinds = new Map();
    files.forEach((f) => arr(f.warnings).forEach((w) => {
      const text = str(w).replace(/^line \d+: /, '');
      if (!kinds.has(text)) kinds.set(text, []);
      kinds.get(text).push(str(f.path));
    }));
    const attention = Array.from(kinds.entries()).sort((a, b) => b[1].length - a[1].length)
      .map((e) => ({ level: 'degraded', text: (e[1].length > 1 ? e[1].length + ' × ' : e[1][0] + ': ') + e[0], title: e[1].join('\n') }));
    if (cli.available && cli.daemon_running === false) attention.push({ level: 'degraded', text: 'Docker daemon not running' });
    return L.card({
      stats: files.length || serviceRows.length ? [['Dockerfiles', d.dockerfile_count != null ? count(d.dockerfile_count) : files.length],
        ['compose services', serviceRows.length], ['warnings', d.warning_count != null ? count(d.warning_count) : files.reduce((n, f) => n + arr(f.warnings).length, 0)]] : null,
      attention: attention.concat(L.attentionFrom(d)),
      attentionLimit: 3,
      sections: [
        part('Dockerfiles', files, (list_) => (list_.length ? table([
          { label: 'Dockerfile', get: (f) => h('code', { title: arr(f.ports).length ? 'exposes ' + arr(f.ports).map(str).join(', ') : null }, breakable(str(f.path))) },
          // The image the container runs on (the last FROM); the build images and stage names in the title.
          { label: 'Runs on', get: (f) => {
            const images = arr(f.base_images).map(str);
            const stages = arr(f.stages).map(str);
            if (!images.length) return h('span', { class: 'muted' }, '—');
            return h('span', { class: 'small', title: 'images: ' + images.join(', ') + (stages.length ? '\nstages: ' + stages.join(', ') : '') },
              clip(images[images.length - 1], 26), stages.length > 1 ? h('span', { class: 'muted' }, ' +' + (stages.length - 1)) : null);
          } },
          { label: 'User', get: (f) => (f.user ? code(f.user) : h('span', { class: 'warn' }, 'root')) },
        ], list_, 3) : empty(d.has_dockerfile ? 'Dockerfile details not included.' : 'No Dockerfile found.'))),
        L.section('warnings', 'Warnings per Dockerfile', files.reduce((n, f) => n + arr(f.warnings).length, 0) || null,
          files.some((f) => arr(f.warnings).length) ? items(files.filter((f) => arr(f.warnings).length), (f) => frag(code(f.path),
            h('ul', { class: 'warnings' }, arr(f.warnings).map((w) => h('li', { class: 'warn' }, str(w)))))) : null, { collapsed: true }),
        part('Compose' + (d.compose_file ? ' · ' + str(d.compose_file) : ''), serviceRows, (list_) => (d.has_compose || list_.length ? frag(
          list_.length ? table([
            { label: 'Service', get: (s) => h('b', null, str(s.name)) },
            { label: 'Image / build', get: (s) => (s.image ? code(s.image) : s.build ? frag(h('span', { class: 'muted' }, 'build '), code(s.build)) : '—') },
            { label: 'Ports', get: (s) => (arr(s.ports).length ? tags(arr(s.ports).map(str)) : h('span', { class: 'muted' }, '—')) },
            { label: 'Needs', get: (s) => (arr(s.depends_on).length ? h('span', { class: 'small' }, arr(s.depends_on).map(str).join(', ')) : h('span', { class: 'muted' }, '—')) },
          ], list_, 3) : empty('no services')) : null)),
        L.section('ignore', '.dockerignore', patterns.length || null, d.has_dockerignore || patterns.length
          ? (patterns.length ? h('p', { class: 'line' }, codes(patterns, 12)) : empty('empty'))
          : (files.length ? h('p', { class: 'line' }, yesno(false, '', 'missing'), h('span', { class: 'muted' }, ' — the whole directory is sent to the build')) : null), { collapsed: true }),
        L.section('cli', 'Docker CLI', null, kv([
          ['docker', cli.available ? frag(yesno(true), cli.version ? ' ' + cli.version : '') : yesno(false)],
          ['daemon', cli.available ? frag(yesno(cli.daemon_running, 'running', 'not running'), cli.server_version ? ' ' + cli.server_version : '') : null],
          ['compose', cli.available ? frag(yesno(cli.compose_available), cli.compose_version ? ' ' + cli.compose_version : '') : null],
        ]), { collapsed: true }),
        tailSection(d),
      ],
    });
  }

  function pages(d) {
    const segments = objs(d.segments);
    const total = d.total_segments != null ? count(d.total_segments) : segments.length;
    return frag(
      segments.length ? frag(
        bar(count(d.built_segments), Math.max(1, total), count(d.built_segments) + ' of ' + plural(total, 'segment') + ' built', { cls: 'neutral' }),
        d.config_file ? note('From ' + d.config_file) : null) : null,
      part('Segments', segments, (list_) => (list_.length ? table([
        { label: 'Segment', get: (s) => frag(h('b', null, str(s.name)), s.path ? sub(code(s.path)) : null) },
        { label: 'Source', get: (s) => frag(code(s.source), s.builder ? sub(str(s.builder)) : null, s.source_exists === false ? sub(tag('missing', 'failed')) : null) },
        { label: 'Last build', get: (s) => {
          const b = obj(s.build);
          if (!b.exists) return h('span', { class: 'muted' }, 'never built');
          return frag(statusTag(b.status || 'unknown'), sub(when(b.built_at), b.duration_s ? ' · ' + fixed1(b.duration_s) + ' s' : ''),
            b.error ? sub(h('span', { class: 'warn' }, str(b.error))) : null);
        } },
      ], list_) : empty(d.config_file ? 'No segments in ' + d.config_file + '.' : 'No pages segments (pages.segments in project.yml).'))),
      tail(d));
  }

  function projectStatus(d) {
    const probes = objs(d.probes);
    const byId = {};
    probes.forEach((p) => { byId[p.id] = p; });
    const order = arr(d.order).filter((id) => byId[id]);
    const ordered = order.length ? order.map((id) => byId[id]).concat(probes.filter((p) => order.indexOf(p.id) < 0)) : probes;
    const progress = obj(d.progress);
    const total = progress.total != null ? count(progress.total) : probes.length;
    const complete = progress.complete != null ? count(progress.complete) : probes.filter((p) => p.status === 'ready').length;
    const next = obj(d.suggested_next);
    return frag(
      bar(complete, Math.max(1, total), complete + ' of ' + total + ' ready' + (progress.percent != null ? ' (' + count(progress.percent) + ' %)' : ''),
        { low: total * 0.34, high: total * 0.67, optimum: total }),
      next.id || next.label ? h('p', { class: 'callout' }, h('b', null, 'Next: ' + str(next.label || next.id)), next.reason ? ' — ' + next.reason : '')
        : probes.length && complete === total ? h('p', { class: 'callout' }, yesno(true, 'Everything is set up.')) : null,
      part('Steps', ordered, (list_) => (list_.length ? h('ol', { class: 'items steps' }, list_.map((p) => h('li', null,
        statusTag(p.status), ' ', h('b', null, str(p.label || p.id)), p.detail ? h('span', { class: 'muted' }, ' — ' + p.detail) : null,
        arr(p.depends_on).length ? sub('after ' + arr(p.depends_on).map((id) => str(obj(byId[id]).label || id)).join(', ')) : null)))
        : empty('no probes'))),
      tail(d));
  }

  /* ---------- Audit tab ---------- */
  const CATEGORY_NAMES = { vcs: 'VCS', iac: 'IaC', k8s: 'Kubernetes', ci: 'CI', db: 'Database' };

  function auditSystem(d) {
    const os = obj(d.os);
    const mem = obj(d.memory);
    const disk = obj(d.disk);
    const java = obj(d.java);
    const tools = objs(d.tools);
    const categories = [];
    tools.forEach((t) => { if (categories.indexOf(str(t.category)) < 0) categories.push(str(t.category)); });
    const toolTag = (t) => h('span', { class: 'tag' + (t.available ? ' ok' : ''), title: t.available ? str(t.path) : 'not on PATH' }, str(t.label || t.id));
    return frag(
      part('Machine', d, () => frag(
        kv([
          ['OS', [os.distribution || os.name, os.distribution && os.name ? '(' + os.name + ' ' + str(os.version) + ')' : str(os.version)].filter(Boolean).join(' ')],
          ['architecture', str(d.arch)],
          ['CPU cores', d.cpu_cores != null ? String(count(d.cpu_cores)) : null],
          ['Java', java.version ? str(java.version) + (java.vendor ? ' · ' + java.vendor : '') : null],
        ]),
        mem.total_bytes ? h('div', { class: 'gauge' }, h('span', null, 'memory'), bar(count(mem.available_bytes), count(mem.total_bytes),
          bytes(mem.available_bytes) + ' free of ' + bytes(mem.total_bytes), { low: count(mem.total_bytes) * 0.1, high: count(mem.total_bytes) * 0.25, optimum: count(mem.total_bytes) })) : null,
        disk.total_bytes ? h('div', { class: 'gauge' }, h('span', null, 'disk'), bar(count(disk.free_bytes), count(disk.total_bytes),
          bytes(disk.free_bytes) + ' free of ' + bytes(disk.total_bytes), { low: count(disk.total_bytes) * 0.05, high: count(disk.total_bytes) * 0.15, optimum: count(disk.total_bytes) })) : null)),
      part('Developer tools', tools, (list_) => (list_.length ? frag(
        bar(d.tools_available != null ? count(d.tools_available) : list_.filter((t) => t.available).length, d.tools_total != null ? Math.max(1, count(d.tools_total)) : list_.length,
          (d.tools_available != null ? count(d.tools_available) : list_.filter((t) => t.available).length) + ' of ' + (d.tools_total != null ? count(d.tools_total) : list_.length) + ' on PATH', { cls: 'neutral' }),
        kv(categories.map((c) => [CATEGORY_NAMES[c] || human(c || 'other'),
          list_.filter((t) => str(t.category) === c).sort((a, b) => (b.available ? 1 : 0) - (a.available ? 1 : 0)).map(toolTag)])),
        note('Green: on PATH (hover for where); grey: not found.')) : null)),
      part('Project', d, () => (arr(d.manifests).length || d.project_name || arr(d.stacks).length ? kv([
        d.project_name ? ['name', str(d.project_name)] : null,
        ['manifests', arr(d.manifests).length ? codes(d.manifests, 10) : null],
        arr(d.stacks).length ? ['stacks', tags(arr(d.stacks).map(str))] : null,
      ]) : null)),
      tail(d));
  }

  function auditDeps(d) {
    const deps = objs(d.dependencies);
    const cats = obj(d.categories);
    return L.card({
      stats: [['dependencies', d.total != null ? count(d.total) : deps.length], d.runtime != null ? ['runtime', count(d.runtime)] : null,
        d.dev != null ? ['dev', count(d.dev)] : null, ['ecosystems', Object.keys(obj(d.ecosystems)).length]],
      attention: L.attentionFrom(d),
      sections: [
        part('Per ecosystem', obj(d.ecosystems), (m) => (Object.keys(m).length ? h('p', { class: 'line' }, countTags(m)) : null)),
        part('Per category', cats, (m) => (Object.keys(m).length ? h('p', { class: 'line' },
          Object.keys(m).sort((a, b) => count(m[b]) - count(m[a]) || a.localeCompare(b)).map((k) => tag(label(k) + ' ' + count(m[k])))) : null)),
        part('Frameworks', arr(d.frameworks), (list_) => (list_.length ? h('p', { class: 'line' }, tags(list_.map(str), 'ok')) : null)),
        L.section('deps', 'Dependencies', deps.length, deps.length ? table([
          { label: 'Package', get: (x) => frag(breakable(x.name), ' ', tag(label(x.category || 'other')), x.dev ? tag('dev') : null,
            sub(str(x.ecosystem) + ' · ' + (arr(x.source_files).length ? arr(x.source_files).join(', ') : str(x.source_file)))) },
          { label: 'Version', get: (x) => (x.version ? code(x.version) : h('span', { class: 'muted' }, 'any')) },
        ], deps) : empty('No dependencies declared.'), { collapsed: deps.length > 0 }),
        tailSection(d),
      ],
    });
  }

  const CAPABILITIES = [['has_web', 'Web UI'], ['has_api', 'API'], ['has_cli', 'Command line'], ['has_tests', 'Tests'], ['has_docs', 'Docs'],
    ['has_ci', 'CI'], ['has_docker', 'Docker'], ['has_iac', 'Infrastructure as code']];

  function auditStructure(d) {
    const evidence = obj(d.detected_by);
    const entrypoints = objs(d.entrypoints);
    const modules = objs(d.modules);
    const caps = CAPABILITIES.filter((c) => c[0] in d || c[0] in evidence);
    return L.card({
      summary: [
        d.solution_type ? h('p', { class: 'callout' }, h('b', null, str(d.solution_type))) : null,
        stats([['files', d.file_count != null ? count(d.file_count) : null], d.primary_language ? ['primary language', str(d.primary_language)] : null,
          ['entry points', d.entrypoint_count != null ? count(d.entrypoint_count) : entrypoints.length], ['modules', modules.length]]),
      ],
      attention: L.attentionFrom(d),
      sections: [
        // A compact matrix: one cell per capability, found or not, the evidence in the cell's title.
        caps.length ? L.section('caps', 'Capabilities', caps.filter((c) => d[c[0]]).length + '/' + caps.length, h('ul', { class: 'matrix' }, caps.map((c) => {
          const ev = arr(evidence[c[0]]).map(str);
          return h('li', { class: d[c[0]] ? 'on' : 'off', title: ev.length ? ev.join('\n') : (d[c[0]] ? '' : 'not found') },
            h('span', { class: 'mark' }, d[c[0]] ? '✓' : '–'), ' ', c[1]);
        }))) : null,
        part('Languages (files)', obj(d.languages), (m) => (Object.keys(m).length ? h('p', { class: 'line' }, countTags(m)) : null)),
        L.section('entry', 'Entry points', entrypoints.length, entrypoints.length ? table([
          { label: 'Kind', get: (e) => tag(str(e.type)) },
          { label: 'Name', get: (e) => frag(code(e.name), e.path ? sub(str(e.path)) : null) },
        ], entrypoints, 5) : empty('none found'), { collapsed: entrypoints.length > 5 }),
        L.section('modules', 'Modules', modules.length, modules.length ? table([
          { label: 'Module', get: (m) => h('b', null, str(m.name)) },
          { label: 'Path', get: (m) => code(m.path) },
          { label: 'Kind', get: (m) => str(m.kind) },
        ], modules) : null, { collapsed: true }),
        tailSection(d),
      ],
    });
  }

  function auditClients(d) {
    const clients = objs(d.clients);
    const byService = obj(d.by_service);
    if (!clients.length && !Object.keys(byService).length) {
      return frag(empty('No external-service client libraries among the dependencies.'), tail(d));
    }
    return frag(
      stats([['clients', d.total != null ? count(d.total) : clients.length], ['services', d.total_services != null ? count(d.total_services) : Object.keys(byService).length]]),
      part('By service', byService, (m) => (Object.keys(m).length ? table([
        { label: 'Service', get: (k) => h('b', null, k) },
        { label: 'Libraries', get: (k) => codes(arr(m[k]).map(str).filter((v, i, all) => all.indexOf(v) === i), 5) },
      ], Object.keys(m).sort()) : null)),
      part('By type', obj(d.by_type), (m) => (Object.keys(m).length ? h('p', { class: 'line' }, countTags(m)) : null)),
      L.section('libs', 'Client libraries', clients.length, table([
        { label: 'Library', get: (c) => frag(str(c.label || c.name), c.label && c.label !== c.name ? sub(code(c.name)) : null) },
        { label: 'Service', get: (c) => frag(h('b', null, str(c.service)), sub([c.type, c.ecosystem].filter(Boolean).map(str).join(' · ')), c.source_file ? sub(code(c.source_file)) : null) },
      ], clients), { collapsed: clients.length > 4 }),
      tail(d));
  }

  const TREND = { up: '↑ up', down: '↓ down', stable: '→ stable', new: '• first sample' };

  function auditScores(d) {
    const quality = obj(d.quality);
    const complexity = obj(d.complexity);
    const trend = obj(d.trend);
    const breakdown = (b, max, opts) => {
      const keys = Object.keys(obj(b));
      return keys.length ? table([
        { label: 'Part', get: (k) => human(k) },
        { label: 'Score', get: (k) => bar(count(b[k]), max, fixed1(b[k]) + '/' + max, opts) },
      ], keys) : null;
    };
    const move = (dir, delta, goodUp) => {
      const text = TREND[dir] || str(dir) || '—';
      const level = dir === 'up' ? (goodUp ? 'ok' : null) : dir === 'down' ? (goodUp ? 'failed' : null) : null;
      return frag(tag(text, level), delta ? ' ' + (delta > 0 ? '+' : '') + fixed1(delta) : null);
    };
    const series = objs(trend.series).length ? objs(trend.series) : objs(trend.recent);
    const recent = objs(trend.recent).slice().reverse();
    const qb = obj(quality.breakdown);
    return L.card({
      summary: [
        h('div', { class: 'gauge' }, h('span', null, 'quality'), bar(count(quality.score), 10, fixed1(quality.score) + '/10', { low: 4, high: 7, optimum: 10 })),
        h('div', { class: 'gauge' }, h('span', null, 'complexity'), bar(count(complexity.score), 10, fixed1(complexity.score) + '/10', { cls: 'neutral' })),
        series.length > 1 ? h('div', { class: 'trendline' },
          L.sparkline([{ label: 'quality', values: series.map((s) => s.quality), cls: 'quality' },
            { label: 'complexity', values: series.map((s) => s.complexity), cls: 'complexity' }],
          { max: 10, label: 'Last ' + series.length + ' scores: quality ' + series.map((s) => fixed1(s.quality)).join(', ') }),
          h('span', { class: 'legend' }, h('span', { class: 'key quality' }, 'quality'), h('span', { class: 'key complexity' }, 'complexity'),
            h('span', { class: 'muted' }, ' last ' + series.length))) : null,
        kv([
          ['quality', move(trend.quality, Number(trend.delta_quality), true)],
          ['complexity', move(trend.complexity, Number(trend.delta_complexity), false)],
        ]),
      ],
      attention: Object.keys(qb).filter((k) => count(qb[k]) < 4).map((k) => ({ level: 'degraded', text: 'quality: ' + label(k) + ' ' + fixed1(qb[k]) + '/10' }))
        .concat(L.attentionFrom(d)),
      sections: [
        L.section('quality', 'Quality breakdown', null, frag(breakdown(quality.breakdown, 10, { low: 4, high: 7, optimum: 10 }),
          quality.weights ? note('Each part counts ' + Math.round(count(quality.weights) * 100) + ' %.') : null), { collapsed: true }),
        L.section('complexity', 'Complexity breakdown', null, frag(breakdown(complexity.breakdown, 2, { cls: 'neutral' }),
          note('Higher means more moving parts (ecosystems, modules, dependencies, infrastructure, integrations), not worse.')), { collapsed: true }),
        L.section('history', 'Recent scores', trend.samples != null ? count(trend.samples) : null, recent.length > 1 ? table([
          { label: 'When', get: (r) => when(r.ts) },
          { label: 'Quality', num: true, get: (r) => fixed1(r.quality) },
          { label: 'Complexity', num: true, get: (r) => fixed1(r.complexity) },
        ], recent) : null, { collapsed: true }),
        tailSection(d),
      ],
    });
  }

  /* ---------- one renderer per card key; '*' draws anything else ---------- */
  const renderers = {
    security: security,
    testing: testing,
    quality: quality,
    packages: packages,
    env: env,
    docs: docs,
    k8s: k8s,
    terraform: terraform,
    dns: dns,
    git: git,
    github: github,
    ci: ci,
    docker: docker,
    pages: pages,
    'project-status': projectStatus,
    'audit:system': auditSystem,
    'audit:deps': auditDeps,
    'audit:structure': auditStructure,
    'audit:clients': auditClients,
    'audit:scores': auditScores,
  };
  window.CardRenderers = { '*': (data, ui) => ui.generic(data) };
  Object.keys(renderers).forEach((key) => { window.CardRenderers[key] = safe(renderers[key]); });
})();
