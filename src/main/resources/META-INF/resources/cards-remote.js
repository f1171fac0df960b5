/* DevOps Control Plane — the GitHub live cards (gh-runs, gh-pulls, gh-workflows) and the live parts of ci and
 * github. Loaded after cards.js; registers into the same window.CardRenderers. Everything from GitHub goes
 * through text nodes; links open in a new tab without handing this page to GitHub. */
(function () {
  'use strict';
  const ui = window.CardUI;
  const renderers = window.CardRenderers;
  if (!ui || !renderers) return;
  const h = ui.h;
  const frag = ui.frag;

  const arr = (v) => (Array.isArray(v) ? v : []);
  const objs = (v) => arr(v).filter((x) => x && typeof x === 'object' && !Array.isArray(x));
  const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  const str = (v) => (v == null ? '' : String(v));
  const num = (v) => (Number.isFinite(Number(v)) ? Number(v) : 0);

  const STATE_TEXT = {
    no_gh: 'The GitHub CLI (gh) is not installed.',
    not_authenticated: 'gh is not signed in to GitHub.',
    no_github_remote: 'This repository has no GitHub remote.',
    offline: 'GitHub cannot be reached right now.',
    rate_limited: 'GitHub rate-limits this account right now.',
    not_checked: 'Not checked yet: GitHub is asked while the dashboard is open.',
  };

  /** Only https links become links; anything else stays text. */
  function link(url, text) {
    const u = str(url);
    if (!/^https:\/\//.test(u)) return str(text);
    return h('a', { href: u, target: '_blank', rel: 'noopener noreferrer' }, str(text));
  }

  /** green / red / amber / grey for a run. */
  function runLevel(status, conclusion) {
    if (str(status) && str(status) !== 'completed') return 'degraded';
    switch (str(conclusion)) {
      case 'success': return 'ok';
      case 'failure': case 'timed_out': case 'startup_failure': case 'action_required': return 'failed';
      default: return 'none';
    }
  }

  function runText(status, conclusion) {
    return str(status) && str(status) !== 'completed' ? str(status).replace(/_/g, ' ') : (str(conclusion) || 'no result').replace(/_/g, ' ');
  }

  /** The state of a remote key when it is not ok: what it means and the command that fixes it. */
  function stateNote(d) {
    const state = str(d.state);
    if (!state || state === 'ok') return null;
    return h('div', { class: 'gh-state' },
      h('p', null, STATE_TEXT[state] || state),
      d.hint ? h('p', null, 'Fix: ', h('code', null, str(d.hint))) : null);
  }

  function checkedEvery(d) {
    const s = num(d.checked_every_s);
    if (!s) return null;
    return h('p', { class: 'note' }, 'Checked every ' + (s % 60 === 0 ? s / 60 + ' min' : s + ' s') + ' while a tab is open, and after a push or branch switch.');
  }

  /** The per-workflow strip: one coloured chip per workflow's latest run. */
  function strip(latest) {
    const list = objs(latest);
    if (!list.length) return ui.empty('no runs on this branch');
    return h('ul', { class: 'wf-strip' }, list.map((w) => {
      const level = runLevel(w.status, w.conclusion);
      return h('li', { class: 'wf ' + level, title: runText(w.status, w.conclusion) }, link(w.url, str(w.workflow)), ' ', h('span', { class: 'wf-result' }, runText(w.status, w.conclusion)));
    }));
  }

  function runsTable(runs, limit) {
    return ui.table([
      { label: 'Run', get: (r) => frag(link(r.url, str(r.title) || '#' + str(r.id)), h('div', { class: 'sub' }, str(r.workflow) + ' · ' + str(r.event))) },
      { label: 'Branch', get: (r) => h('code', null, str(r.branch)) },
      { label: 'Result', get: (r) => ui.tag(runText(r.status, r.conclusion), runLevel(r.status, r.conclusion)) },
      { label: 'When', get: (r) => ui.when(r.created_at) },
    ], objs(runs), limit);
  }

  function ghRuns(d) {
    const note = stateNote(d);
    if (note) return frag(note, checkedEvery(d));
    const runs = objs(d.runs);
    const current = runs.filter((r) => str(r.branch) === str(d.branch));
    const other = runs.filter((r) => str(r.branch) !== str(d.branch));
    return frag(
      ui.part('This branch · ' + str(d.branch), d.latest_by_workflow, (latest) => strip(latest)),
      ui.part('Runs on ' + str(d.branch), current, (list) => (list.length ? runsTable(list, 6) : ui.empty('no runs'))),
      other.length ? ui.part('Default branch · ' + str(d.default_branch), other, (list) => runsTable(list, 4)) : null,
      checkedEvery(d));
  }

  function checks(c) {
    const k = obj(c);
    const parts = [];
    if (num(k.failing)) parts.push(ui.tag(num(k.failing) + ' failing', 'failed'));
    if (num(k.pending)) parts.push(ui.tag(num(k.pending) + ' pending', 'degraded'));
    if (num(k.passing)) parts.push(ui.tag(num(k.passing) + ' passing', 'ok'));
    return parts.length ? parts : h('span', { class: 'muted' }, 'no checks');
  }

  const REVIEW = { approved: ['approved', 'ok'], changes_requested: ['changes requested', 'failed'], review_required: ['review required', 'degraded'] };

  function ghPulls(d) {
    const note = stateNote(d);
    if (note) return frag(note, checkedEvery(d));
    const pulls = objs(d.pulls);
    return frag(
      ui.part('Open pull requests', pulls, (list) => (list.length ? ui.items(list, (p) => frag(
        link(p.url, '#' + num(p.number) + ' ' + str(p.title)), p.draft ? frag(' ', ui.tag('draft')) : null,
        h('div', { class: 'sub' }, h('code', null, str(p.branch)), ' by ', str(p.author), ' · ', ui.when(p.updated_at),
          REVIEW[str(p.review_decision)] ? frag(' · ', ui.tag(REVIEW[str(p.review_decision)][0], REVIEW[str(p.review_decision)][1])) : null),
        h('div', { class: 'sub' }, 'checks ', checks(p.checks))), 8) : ui.empty('no open pull requests'))),
      checkedEvery(d));
  }

  function ghWorkflows(d) {
    const note = stateNote(d);
    if (note) return frag(note, checkedEvery(d));
    return frag(
      ui.part('Workflows', objs(d.workflows), (list) => ui.table([
        { label: 'Workflow', get: (w) => frag(h('b', null, str(w.name)), h('div', { class: 'sub' }, h('code', null, str(w.path)))) },
        { label: 'State', get: (w) => (str(w.state) === 'active' ? ui.tag('active', 'ok') : ui.tag(str(w.state).replace(/_/g, ' '))) },
        { label: 'Last result', get: (w) => (w.last_status || w.last_conclusion
          ? ui.tag(runText(w.last_status, w.last_conclusion), runLevel(w.last_status, w.last_conclusion)) : h('span', { class: 'muted' }, '—')) },
      ], list)),
      checkedEvery(d));
  }

  /** ci: today's file view, with the live runs of this branch on top once gh-runs has answered. */
  function ciLive(base) {
    return (d, u, key) => {
      const live = obj(d.live);
      const top = live.available
        ? ui.part('Live · ' + str(live.branch), live, (l) => frag(strip(l.latest_by_workflow),
          objs(l.runs).length ? runsTable(l.runs, 5) : null))
        : (live.state && live.state !== 'not_checked' ? ui.part('Live', live, stateNote) : null);
      return frag(top, base(d, u, key));
    };
  }

  /** github: the repository as GitHub reports it, open PRs and the sign-in state. */
  function githubLive(base) {
    return (d, u, key) => {
      const live = obj(d.live);
      const repo = obj(live.repo);
      const auth = { signed_in: ['signed in', 'ok'], signed_out: ['not signed in', 'failed'] }[str(live.auth)];
      const part = ui.part('On GitHub', live, () => frag(
        ui.kv([
          repo.name ? ['repository', frag(link(repo.url, str(repo.slug || repo.name)), repo.visibility ? frag(' ', ui.tag(str(repo.visibility))) : null)] : null,
          repo.default_branch ? ['default branch', h('code', null, str(repo.default_branch))] : null,
          live.open_prs != null ? ['open PRs', String(num(live.open_prs))] : null,
          ['gh sign-in', auth ? ui.tag(auth[0], auth[1]) : h('span', { class: 'muted' }, 'unknown')],
        ]),
        str(live.state) !== 'ok' ? stateNote(live) : null));
      return frag(part, base(d, u, key));
    };
  }

  function safe(render) {
    return (data, u, key) => {
      try {
        return render(obj(data), u, key);
      } catch (err) {
        console.warn('[control-plane] renderer for "' + key + '" failed; showing the raw view', err);
        return ui.generic(data);
      }
    };
  }

  const generic = (d) => ui.generic(d);
  renderers['gh-runs'] = safe(ghRuns);
  renderers['gh-pulls'] = safe(ghPulls);
  renderers['gh-workflows'] = safe(ghWorkflows);
  renderers.ci = safe(ciLive(renderers.ci || generic));
  renderers.github = safe(githubLive(renderers.github || generic));
})();
