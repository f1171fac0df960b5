/* DevOps Control Plane — renderers of the Audit L2 (deep analysis) cards. Built on window.CardUI from cards.js:
 * everything from the project goes through text nodes (never innerHTML), no inline style or script. */
(function () {
  'use strict';

  const ui = window.CardUI;
  const registry = window.CardRenderers;
  if (!ui || !registry) return;
  const h = ui.h;
  const frag = ui.frag;

  const arr = (v) => (Array.isArray(v) ? v : []);
  const objs = (v) => arr(v).filter((x) => x && typeof x === 'object');
  const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  const str = (v) => (v == null ? '' : String(v));
  const n = (v) => (typeof v === 'number' && isFinite(v) ? v : Number(v) || 0);
  const fixed1 = (v) => n(v).toFixed(1);
  const code = (text) => h('code', null, str(text));
  const sub = (text) => h('div', { class: 'hint' }, text);
  const note = (text) => h('p', { class: 'hint' }, text);
  const more = (shown, total, what) => (n(total) > shown ? note('Showing ' + shown + ' of ' + n(total) + ' ' + what + '.') : null);
  const tail = (d) => frag(ui.warnings(arr(d.warnings).filter(Boolean)), ui.missingTools(objs(d.missing_tools)));
  const scoreBar = (score, max) => ui.bar(n(score), max || 10, fixed1(score) + '/' + (max || 10), { low: 4, high: 7, optimum: max || 10 });

  const SEVERITY_LEVEL = { critical: 'failed', high: 'failed', warning: 'degraded', medium: 'degraded', info: null };

  /* ---------- audit:l2:structure ---------- */
  function structure(d) {
    const stats = obj(d.stats);
    const perLanguage = obj(stats.per_language);
    const modules = objs(d.modules);
    const graph = obj(d.import_graph);
    const cross = objs(d.cross_module_deps);
    const usage = obj(d.library_usage);
    if (!n(stats.total_files)) return frag(ui.empty('No Java, Kotlin, Python, JavaScript, TypeScript or Go sources found.'), tail(d));
    return frag(
      ui.stats([['files', n(stats.total_files)], ['lines', n(stats.total_lines)], ['functions', n(stats.total_functions)],
        ['modules', modules.length], n(stats.parse_errors) ? ['parse errors', n(stats.parse_errors)] : null]),
      ui.part('Languages', perLanguage, (m) => ui.table([
        { label: 'Language', get: (k) => h('b', null, k) },
        { label: 'Files', num: true, get: (k) => n(obj(m[k]).files) },
        { label: 'Lines', num: true, get: (k) => n(obj(m[k]).lines) },
        { label: 'Functions', num: true, get: (k) => n(obj(m[k]).functions) },
      ], Object.keys(m))),
      ui.part('Module dependencies', modules, (list) => frag(matrix(list, cross), ui.table([
        { label: 'Module', get: (m) => frag(h('b', null, str(m.name)), m.path ? sub(code(m.path)) : null) },
        { label: 'Build', get: (m) => ui.tag(str(m.build)) },
        { label: 'Files', num: true, get: (m) => n(m.files) },
        { label: 'Lines', num: true, get: (m) => n(m.lines) },
        { label: 'Depends on', get: (m) => (arr(m.depends_on).length ? ui.tags(arr(m.depends_on).map(str)) : h('span', { class: 'muted' }, '—')) },
      ], list, 12))),
      ui.part('Cross-module imports', cross, (list) => (list.length ? frag(ui.table([
        { label: 'From → to', get: (c) => frag(h('b', null, str(c.from)), ' → ', h('b', null, str(c.to))) },
        { label: 'Imports', num: true, get: (c) => n(c.imports) },
        { label: 'Examples', get: (c) => h('ul', null, arr(c.examples).map((e) => h('li', null, code(e)))) },
      ], list), more(list.length, d.cross_module_deps_total, 'module pairs')) : null)),
      ui.part('Import graph', graph, (g) => frag(
        ui.kv([['internal edges', String(n(g.internal_edges))], ['internal imports', String(n(g.internal_imports))],
          ['external names', String(n(g.external_deps))]]),
        objs(g.edges).length ? ui.table([
          { label: 'From', get: (e) => code(e.from) },
          { label: 'To', get: (e) => code(e.to) },
          { label: 'Imports', num: true, get: (e) => n(e.count) },
        ], objs(g.edges), 10) : null)),
      ui.part('Library usage', usage, (u) => frag(
        ui.kv([
          ['declared and used', String(n(u.declared_used_total))],
          ['declared, never imported', arr(u.declared_unused).length ? ui.codes(objs(u.declared_unused).map((x) => str(x.name)), 10) : '0'],
          ['imported, not declared', arr(u.used_undeclared).length ? ui.codes(objs(u.used_undeclared).map((x) => str(x.name)), 10) : '0'],
        ]),
        note('Framework extensions, BOMs and runtime drivers are never reported unused; JDK and framework-provided namespaces count as neither.'))),
      tail(d));
  }

  /** Rows import from columns: the count of imports from one module's code into another's. */
  function matrix(modules, cross) {
    const counts = {};
    cross.forEach((c) => { counts[str(c.from) + '\u0000' + str(c.to)] = n(c.imports); });
    const names = modules.filter((m) => n(m.files) > 0).map((m) => str(m.name)).slice(0, 12);
    if (names.length < 2 || !cross.length) return null;
    const head = h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'imports from ↓ into →'),
      names.map((name) => h('th', { scope: 'col', class: 'num' }, name))));
    const body = h('tbody', null, names.map((from) => h('tr', null, h('th', { scope: 'row' }, from),
      names.map((to) => {
        const value = counts[from + '\u0000' + to];
        return h('td', { class: 'num' }, from === to ? '·' : value ? String(value) : '');
      }))));
    return h('div', { class: 'scroll' }, h('table', { class: 'matrix' }, h('caption', null, 'Module dependency matrix'), head, body));
  }

  /* ---------- audit:l2:quality ---------- */
  function quality(d) {
    const summary = obj(d.summary);
    const files = objs(d.file_scores);
    const hotspots = objs(d.hotspots);
    const naming = obj(d.naming);
    const counts = obj(summary.hotspot_summary);
    if (!files.length) return frag(ui.empty('No source files to assess.'), tail(d));
    return frag(
      scoreBar(summary.overall_score),
      h('p', { class: 'line' }, ui.tag(n(counts.critical) + ' critical', n(counts.critical) ? 'failed' : null), ' ',
        ui.tag(n(counts.warning) + ' warning', n(counts.warning) ? 'degraded' : null), ' ', ui.tag(n(counts.info) + ' info')),
      ui.part('Per language', obj(summary.per_language), (m) => ui.table([
        { label: 'Language', get: (k) => h('b', null, k) },
        { label: 'Score', get: (k) => scoreBar(obj(m[k]).score) },
        { label: 'Files', num: true, get: (k) => n(obj(m[k]).files) },
      ], Object.keys(m))),
      ui.part('Worst files', files, (list) => frag(ui.table([
        { label: 'File', get: (f) => frag(code(f.file), f.parsed === false ? sub('did not parse') : null) },
        { label: 'Score', num: true, get: (f) => fixed1(f.score) },
        { label: 'Lines', num: true, get: (f) => n(obj(f.metrics).lines) },
        { label: 'Longest fn', num: true, get: (f) => n(obj(f.metrics).longest_function) },
        { label: 'Nesting', num: true, get: (f) => n(obj(f.metrics).max_nesting) },
        { label: 'Params', num: true, get: (f) => n(obj(f.metrics).max_params) },
        { label: 'Complexity', num: true, get: (f) => n(obj(f.metrics).complexity_max) },
        { label: 'TODO', num: true, get: (f) => n(obj(f.metrics).todo) },
      ], list, 10), more(list.length, d.file_scores_total, 'files'))),
      ui.part('Hotspots', hotspots, (list) => (list.length ? frag(ui.table([
        { label: 'Severity', get: (x) => ui.tag(str(x.severity), SEVERITY_LEVEL[x.severity]) },
        { label: 'Kind', get: (x) => str(x.type).replace(/_/g, ' ') },
        { label: 'Where', get: (x) => code(str(x.file) + ':' + n(x.line)) },
        { label: 'Detail', get: (x) => str(x.detail) },
      ], list, 10), more(list.length, d.hotspots_total, 'hotspots')) : ui.empty('none'))),
      ui.part('Naming', naming, (nm) => frag(
        ui.bar(n(nm.consistency_score), 1, Math.round(n(nm.consistency_score) * 100) + ' % consistent', { low: 0.7, high: 0.9, optimum: 1 }),
        objs(nm.violations).length ? ui.table([
          { label: 'Symbol', get: (v) => code(v.symbol) },
          { label: 'Expected', get: (v) => str(v.expected) },
          { label: 'File', get: (v) => code(v.file) },
        ], objs(nm.violations), 5) : null)),
      tail(d));
  }

  /* ---------- audit:l2:repo ---------- */
  function repo(d) {
    if (d.available === false) return frag(ui.empty(str(d.reason) || 'Not a git repository.'), tail(d));
    const history = obj(d.history);
    const objects = obj(d.git_objects);
    const large = obj(d.large_files);
    const health = obj(d.health);
    const authors = objs(history.authors);
    const top = authors.length ? n(authors[0].commits) : 0;
    return frag(
      ui.stats([['commits', n(history.total_commits)], ['authors', n(history.author_count)], ['days old', n(history.age_days)],
        ['branches', n(history.branch_count)], ['tags', n(history.tag_count)]]),
      history.shallow ? h('p', { class: 'line' }, ui.tag('shallow clone', 'degraded'), ' the history shown is what the clone holds') : null,
      ui.kv([['first commit', history.first_commit_date ? ui.when(history.first_commit_date) : null],
        ['latest commit', history.latest_commit_date ? ui.when(history.latest_commit_date) : null]]),
      ui.part('Authors', authors, (list) => (list.length ? ui.table([
        { label: 'Author', get: (a) => str(a.name) },
        { label: 'Commits', get: (a) => ui.bar(n(a.commits), Math.max(1, top), String(n(a.commits)), { cls: 'neutral' }) },
      ], list, 5) : null)),
      ui.part('Health', health, (x) => frag(scoreBar(x.score), ui.table([
        { label: 'Part', get: (k) => k.replace(/_/g, ' ') },
        { label: 'Weight', num: true, get: (k) => Math.round(n(obj(x.weights)[k]) * 100) + ' %' },
        { label: 'Score', get: (k) => scoreBar(obj(x.breakdown)[k]) },
      ], Object.keys(obj(x.breakdown))))),
      ui.part('Object store', objects, (o) => ui.kv([['objects', String(n(o.count))], ['size', ui.bytes(n(o.size_kb) * 1024)],
        ['packs', String(n(o.packs))], ['pack size', ui.bytes(n(o.pack_size_kb) * 1024)]])),
      ui.part('Large and binary files', large, (l) => frag(
        ui.kv([['over 500 KB', String(n(l.total_large))], ['binary', String(n(l.total_binary))]]),
        objs(l.files).length ? ui.table([
          { label: 'Large file', get: (f) => code(f.path) },
          { label: 'Size', num: true, get: (f) => ui.bytes(n(f.size_kb) * 1024) },
        ], objs(l.files), 5) : null,
        objs(l.binary_files).length ? ui.table([
          { label: 'Binary file', get: (f) => code(f.path) },
          { label: 'Size', num: true, get: (f) => ui.bytes(n(f.size_kb) * 1024) },
        ], objs(l.binary_files), 5) : null,
        arr(l.suggestions).length ? ui.list(arr(l.suggestions).map(str)) : null)),
      tail(d));
  }

  /* ---------- audit:l2:risks ---------- */
  const SEVERITIES = ['critical', 'high', 'medium', 'info'];

  function risks(d) {
    const findings = objs(d.findings);
    const posture = obj(d.posture);
    const grade = str(posture.grade);
    const gradeLevel = grade === 'A' || grade === 'B' ? 'ok' : grade === 'C' ? 'degraded' : 'failed';
    return frag(
      h('p', { class: 'line' }, ui.tag('grade ' + grade, gradeLevel), ' ', fixed1(posture.score) + '/10'),
      arr(d.action_items).length ? ui.section('Do first', h('ol', null, arr(d.action_items).map((a) => h('li', null, str(a))))) : null,
      findings.length ? SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        return ui.section(severity + ' (' + group.length + ')', h('ul', { class: 'findings' }, group.map(finding)));
      }) : ui.empty('No risks found.'),
      more(findings.length, d.findings_total, 'findings'),
      tail(d));
  }

  /** Recommendation first, then what was found, where, and which card said so. */
  function finding(f) {
    const files = arr(f.files).map(str).filter(Boolean);
    return h('li', null,
      h('b', null, str(f.recommendation)),
      h('div', null, ui.tag(str(f.severity), SEVERITY_LEVEL[f.severity]), ' ', str(f.title)),
      f.detail ? sub(str(f.detail)) : null,
      files.length ? h('div', null, ui.codes(files, 5)) : null,
      h('div', { class: 'hint' }, 'from ', code(f.source), ' · ', str(f.category)));
  }

  /* ---------- audit:scores:enriched ---------- */
  function enriched(d) {
    const q = obj(d.quality);
    const breakdown = obj(q.breakdown);
    const weights = obj(q.weights);
    const trend = obj(d.trend);
    return frag(
      ui.part('Quality (enriched)', q, () => frag(scoreBar(q.score), ui.table([
        { label: 'Part', get: (k) => k.replace(/_/g, ' ') },
        { label: 'Weight', num: true, get: (k) => Math.round(n(weights[k]) * 100) + ' %' },
        { label: 'Score', get: (k) => scoreBar(breakdown[k]) },
      ], Object.keys(breakdown)))),
      ui.part('Complexity', obj(d.complexity), (c) => (c.score != null ? ui.bar(n(c.score), 10, fixed1(c.score) + '/10', { cls: 'neutral' }) : null)),
      ui.part('Trend', trend, (t) => (Object.keys(t).length ? ui.kv([
        ['quality', str(t.quality) + (n(t.delta_quality) ? ' (' + (n(t.delta_quality) > 0 ? '+' : '') + fixed1(t.delta_quality) + ')' : '')],
        ['samples', String(n(t.samples))]]) : null)),
      tail(d));
  }

  function safe(render) {
    return (data, ui_, key) => {
      try {
        return render(obj(data));
      } catch (err) {
        console.warn('[control-plane] renderer for "' + key + '" failed; showing the raw view', err);
        return ui.generic(data);
      }
    };
  }

  registry['audit:l2:structure'] = safe(structure);
  registry['audit:l2:quality'] = safe(quality);
  registry['audit:l2:repo'] = safe(repo);
  registry['audit:l2:risks'] = safe(risks);
  registry['audit:scores:enriched'] = safe(enriched);
})();
