/* Jobs in the page: Run buttons on the cards that have actions, and one job panel with the live log.
 * Output arrives as job:output frames on the page's one event stream (store.js); lines are kept by their
 * number, so a reconnect's replay or a catch-up never shows a line twice. The DOM is updated at most ten
 * times a second whatever the output rate. Everything from the project goes in as text (textContent). */
(function () {
  'use strict';
  const cp = window.ControlPlane;
  if (!cp || !cp.on) return;
  const MAX_DOM_LINES = 5000;
  const jobs = new Map();      // id -> job {id, action, label, state, exit_code, duration_s, started_at, base, lines}
  let selected = null;
  let renderTimer = null;
  let shownId = null;          // the job whose log the <pre> holds
  let shownUpTo = 0;           // line number of the last line in the <pre>

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Control-Plane': '1', Accept: 'application/json' },
      body: body == null ? undefined : JSON.stringify(body),
    }).then((res) => res.json().catch(() => ({})).then((json) => ({ ok: res.ok, status: res.status, body: json })));
  }

  /* ---------- panel ---------- */
  const toggle = el('button', 'jobs-toggle', 'Jobs');
  toggle.type = 'button';
  toggle.dataset.role = 'jobs-toggle';
  const panel = el('aside', 'jobs-panel');
  panel.dataset.role = 'jobs-panel';
  panel.hidden = true;
  panel.setAttribute('aria-label', 'Jobs');
  const head = el('div', 'jobs-head');
  const title = el('h2', null, 'No job yet');
  const chip = el('span', 'job-state', '');
  chip.dataset.role = 'job-state';
  const meta = el('span', 'job-meta', '');
  meta.dataset.role = 'job-meta';
  const cancel = el('button', null, 'Cancel');
  cancel.type = 'button';
  cancel.dataset.role = 'job-cancel';
  cancel.hidden = true;
  const close = el('button', null, 'Close');
  close.type = 'button';
  head.append(title, chip, meta, el('span', 'grow'), cancel, close);
  const command = el('code', 'job-command', '');
  const log = el('pre', 'job-log');
  log.dataset.role = 'job-log';
  log.tabIndex = 0;
  const list = el('ul', 'job-list');
  list.dataset.role = 'job-list';
  panel.append(head, command, log, list);
  document.body.append(panel, toggle);
  toggle.addEventListener('click', () => { panel.hidden = !panel.hidden; });
  close.addEventListener('click', () => { panel.hidden = true; });
  cancel.addEventListener('click', () => {
    if (selected) request('POST', '/api/jobs/' + encodeURIComponent(selected) + '/cancel');
  });

  function job(id) {
    let j = jobs.get(id);
    if (!j) {
      j = { id: id, action: '', label: '', state: 'queued', exit_code: null, duration_s: null, started_at: null,
        base: 1, lines: [], gaps: 0 };
      jobs.set(id, j);
    }
    return j;
  }

  /** Adds lines numbered from {@code from}; already known ones are skipped, a gap is marked once. */
  function addLines(j, from, lines) {
    const end = j.base + j.lines.length;  // next expected line number
    if (j.lines.length === 0 && from > 1) {
      j.base = from;
    } else if (from > end) {
      // a gap (lines end..from-1 were not sent live: they are in the full log); the marker holds number from-1
      j.lines = [null];
      j.base = from - 1;
    }
    const skip = Math.max(0, j.base + j.lines.length - from);
    for (let i = skip; i < lines.length; i++) j.lines.push(lines[i]);
    if (j.lines.length > MAX_DOM_LINES) {
      const drop = j.lines.length - MAX_DOM_LINES;
      j.lines.splice(0, drop);
      j.base += drop;
      if (shownId === j.id) shownId = null; // rebuild the <pre> from what is kept
    }
  }

  function select(id) {
    selected = id;
    shownId = null;
    panel.hidden = false;
    scheduleRender();
  }

  function scheduleRender() {
    if (renderTimer == null) renderTimer = setTimeout(render, 100);
  }

  function render() {
    renderTimer = null;
    renderList();
    const j = selected && jobs.get(selected);
    if (!j) return;
    title.textContent = j.label || j.action || j.id;
    chip.textContent = j.state.replace('_', ' ');
    chip.dataset.state = j.state;
    const parts = [j.id];
    const duration = j.state === 'running' && j.started_at ? Date.now() / 1000 - j.started_at : j.duration_s;
    if (duration != null) parts.push(duration.toFixed(1) + ' s');
    if (j.exit_code != null) parts.push('exit code ' + j.exit_code);
    meta.textContent = parts.join(' · ');
    cancel.hidden = !(j.state === 'running' || j.state === 'queued');
    command.textContent = j.command || '';
    renderLog(j);
  }

  function renderLog(j) {
    const stick = log.scrollTop + log.clientHeight >= log.scrollHeight - 4;
    if (shownId !== j.id) {
      log.textContent = '';
      shownId = j.id;
      shownUpTo = j.base - 1;
    }
    const frag = document.createDocumentFragment();
    let text = '';
    for (let n = Math.max(shownUpTo + 1, j.base); n < j.base + j.lines.length; n++) {
      const line = j.lines[n - j.base];
      if (line === null) {
        if (text) { frag.append(text); text = ''; }
        const gap = el('span', 'gap', '… lines not shown live: see the full log\n');
        frag.append(gap);
      } else {
        text += line + '\n';
      }
    }
    if (text) frag.append(text);
    shownUpTo = j.base + j.lines.length - 1;
    if (frag.childNodes.length) log.append(frag);
    if (stick) log.scrollTop = log.scrollHeight;
  }

  function renderList() {
    const items = Array.from(jobs.values()).sort((a, b) => idNumber(b.id) - idNumber(a.id)).slice(0, 20);
    list.textContent = '';
    items.forEach((j) => {
      const li = el('li');
      const b = el('button');
      b.type = 'button';
      b.dataset.job = j.id;
      b.setAttribute('aria-current', String(j.id === selected));
      const state = el('span', 'job-state', j.state.replace('_', ' '));
      state.dataset.state = j.state;
      b.append(state, el('span', null, j.label || j.action), el('span', 'job-meta', j.id));
      b.addEventListener('click', () => { select(j.id); loadTail(j.id); });
      li.append(b);
      list.append(li);
    });
  }

  function idNumber(id) { return parseInt(String(id).slice(1), 10) || 0; }

  function update(j, data) {
    ['action', 'label', 'command', 'state', 'exit_code', 'duration_s', 'started_at'].forEach((k) => {
      if (data[k] !== undefined) j[k] = data[k];
    });
  }

  function loadTail(id) {
    fetch('/api/jobs/' + encodeURIComponent(id), { credentials: 'same-origin' })
      .then((res) => (res.ok ? res.json() : null)).then((data) => {
        if (!data) return;
        const j = job(id);
        update(j, data);
        if (data.log_tail) addLines(j, data.tail_from_line || 1, data.log_tail);
        scheduleRender();
      }).catch(() => {});
  }

  /* ---------- stream ---------- */
  cp.on('job:started', (env) => {
    const j = job(env.data.id);
    j.action = env.data.action;
    j.command = env.data.command;
    if (j.state === 'queued') j.state = 'running';
    if (!j.started_at) j.started_at = env.ts;
    if (!j.label) j.label = labelOf(j.action);
    const current = selected && jobs.get(selected);
    if (!current || current.state !== 'running') select(j.id); else scheduleRender();
  });
  cp.on('job:output', (env) => {
    const j = job(env.data.id);
    addLines(j, env.data.from_line, env.data.lines || []);
    if (j.id === selected) scheduleRender();
  });
  cp.on('job:done', (env) => {
    const j = job(env.data.id);
    update(j, env.data);
    scheduleRender();
  });
  setInterval(() => {
    const j = selected && jobs.get(selected);
    if (j && j.state === 'running' && !panel.hidden) scheduleRender();
  }, 1000);

  /* ---------- Run buttons ---------- */
  let actionsById = new Map();
  function labelOf(actionId) {
    const a = actionsById.get(actionId);
    return a ? a.label : actionId;
  }

  function run(action) {
    request('POST', '/api/jobs', { action: action.id }).then((r) => {
      const id = r.body && r.body.id;
      if (id) {
        const j = job(id);
        j.action = action.id;
        j.label = action.label;
        j.command = action.command;
        if (r.ok) j.state = r.body.state;
        select(id);
        if (!r.ok) loadTail(id);
      } else if (!r.ok) {
        window.alert('Could not start ' + action.label + ': ' + (r.body.error || r.status));
      }
    });
  }

  function actionButton(action, text) {
    const b = el('button', null, text);
    b.type = 'button';
    b.dataset.role = 'run';
    b.dataset.action = action.id;
    b.title = action.available ? action.command : action.reason;
    b.disabled = !action.available;
    b.addEventListener('click', () => run(action));
    return b;
  }

  function addRunButtons(actions) {
    actionsById = new Map(actions.map((a) => [a.id, a]));
    const byCard = new Map();
    actions.forEach((a) => { if (!byCard.has(a.card)) byCard.set(a.card, []); byCard.get(a.card).push(a); });
    byCard.forEach((cardActions, key) => {
      document.querySelectorAll('[data-card]').forEach((card) => {
        if (card.dataset.card !== key) return;
        const bar = card.querySelector('.card-meta');
        if (!bar || bar.querySelector('.run-wrap')) return;
        const wrap = el('span', 'run-wrap');
        if (cardActions.length === 1) {
          wrap.append(actionButton(cardActions[0], 'Run'));
        } else {
          const open = el('button', null, 'Run ▾');
          open.type = 'button';
          open.dataset.role = 'run-menu';
          open.setAttribute('aria-haspopup', 'true');
          open.setAttribute('aria-expanded', 'false');
          const menu = el('ul', 'run-menu');
          menu.hidden = true;
          cardActions.forEach((a) => {
            const li = el('li');
            const b = actionButton(a, a.label);
            if (!a.available) b.append(el('span', 'why', a.reason));
            b.addEventListener('click', () => { menu.hidden = true; open.setAttribute('aria-expanded', 'false'); });
            li.append(b);
            menu.append(li);
          });
          open.addEventListener('click', () => {
            menu.hidden = !menu.hidden;
            open.setAttribute('aria-expanded', String(!menu.hidden));
          });
          wrap.append(open, menu);
        }
        bar.insertBefore(wrap, bar.querySelector('[data-role="refresh"]'));
      });
    });
  }

  fetch('/api/jobs/actions', { credentials: 'same-origin' }).then((res) => (res.ok ? res.json() : []))
    .then(addRunButtons).catch(() => {});
  fetch('/api/jobs', { credentials: 'same-origin' }).then((res) => (res.ok ? res.json() : [])).then((recent) => {
    recent.forEach((data) => { if (!jobs.has(data.id)) update(job(data.id), data); });
    const running = recent.find((j) => j.state === 'running');
    if (running) { select(running.id); loadTail(running.id); } else if (recent.length) scheduleRender();
  }).catch(() => {});
})();
