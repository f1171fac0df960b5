/* DevOps Control Plane — the dashboard's store and live connection (rendered by Qute, version {store.assetVersion}). */
{|
(function () {
  'use strict';

  const boot = JSON.parse(document.getElementById('cp-boot').textContent);
  const renderers = window.CardRenderers || {};
  const ui = window.CardUI;
  const cardInfo = boot.cards || {};

  /* ---------- store: one entry per card key; listeners re-render only that card ---------- */
  const entries = new Map();
  const listeners = new Map();
  let prefs = Object.assign({}, boot.prefs || {});
  let instanceId = boot.instance_id;
  let lastSeq = boot.position;

  function entry(key) {
    let e = entries.get(key);
    if (!e) {
      e = { data: null, cachedAt: null, stale: false, staleInfo: null, error: null, computing: false, refreshing: false };
      entries.set(key, e);
    }
    return e;
  }

  function notify(key) {
    const set = listeners.get(key);
    if (set) set.forEach((fn) => { try { fn(key, entries.get(key)); } catch (err) { reportError(err); } });
  }

  /**
   * Sets a card's payload (clears error and spinners) and re-renders that card. A payload computed before
   * the one held, or before the files changed (a fetch answered after a state:stale), never undoes what is
   * known: the older data is dropped, the outdated mark stays.
   */
  function storeSet(key, data, meta) {
    const e = entry(key);
    const computedAt = (meta && meta.cachedAt != null) ? meta.cachedAt : (data && data._cache ? data._cache.computed_at : null);
    if (!meta && e.data && e.cachedAt != null && computedAt != null && computedAt < e.cachedAt) {
      e.computing = false;
      e.refreshing = false;
      notify(key);
      return;
    }
    const stillStale = !meta && e.stale && e.staleInfo && computedAt != null && computedAt <= e.staleInfo.cache_mtime;
    e.data = data;
    e.cachedAt = computedAt;
    e.stale = meta ? !!meta.stale : stillStale;
    if (!e.stale) e.staleInfo = null;
    e.error = null;
    e.computing = false;
    e.refreshing = false;
    notify(key);
  }

  function storeGet(key) {
    const e = entries.get(key);
    return e ? e.data : undefined;
  }

  function storeRegister(key, fn) {
    if (!listeners.has(key)) listeners.set(key, new Set());
    listeners.get(key).add(fn);
    return () => listeners.get(key).delete(fn);
  }

  function storeIsStale(key) {
    const e = entries.get(key);
    return !!(e && e.stale);
  }

  function storeUpdate(key, change) {
    Object.assign(entry(key), change);
    notify(key);
  }

  /* ---------- cards ---------- */
  // One entry per key (its first element); a card shown on two tabs has one element on each, all drawn alike.
  const cardEls = new Map();
  const cardCopies = new Map();
  document.querySelectorAll('[data-card]').forEach((el) => {
    const key = el.dataset.card;
    if (!cardEls.has(key)) cardEls.set(key, el);
    cardCopies.set(key, (cardCopies.get(key) || []).concat([el]));
  });

  function role(el, name) {
    return el.querySelector('[data-role="' + name + '"]');
  }

  function renderCard(key) {
    (cardCopies.get(key) || []).forEach((el) => renderCardInto(key, el));
  }

  function renderCardInto(key, el) {
    const e = entry(key);
    const pref = prefs[key] || 'auto';
    el.dataset.pref = pref;
    el.hidden = pref === 'hidden';
    const busy = e.computing || e.refreshing;
    el.classList.toggle('busy', busy);
    el.setAttribute('aria-busy', busy ? 'true' : 'false');
    role(el, 'spinner').hidden = !busy;
    el.classList.toggle('stale', e.stale);
    const outdated = role(el, 'outdated');
    outdated.hidden = !e.stale;
    outdated.title = staleTitle(e);
    const badge = role(el, 'badge');
    const summary = e.data && e.data.summary;
    badge.textContent = summary ? summary.text : (busy ? '…' : (e.error ? 'error' : '—'));
    badge.title = summary ? summary.text : '';
    badge.dataset.level = summary ? summary.level : (e.error ? 'failed' : 'none');
    role(el, 'load').hidden = !(pref === 'manual' && !e.data && !busy);
    const errorBox = role(el, 'error');
    errorBox.hidden = !e.error;
    errorBox.textContent = e.error ? 'Error: ' + e.error + (e.data ? ' — showing the last good data.' : '') : '';
    updateAge(el, e);
    const detail = role(el, 'detail');
    // Redraw when the data changes, or (without data) when what the placeholder says changes.
    const drawn = e.data || ('empty:' + pref + ':' + busy);
    if (drawn !== detail.__rendered) {
      detail.__rendered = drawn;
      detail.replaceChildren();
      if (e.data) {
        const render = renderers[key] || renderers['*'];
        try {
          const node = render(e.data, ui, key);
          if (node) detail.append(node);
        } catch (err) {
          reportError(err);
          detail.append(ui.generic(e.data));
        }
      } else if (pref === 'manual' && !busy) {
        detail.append(ui.h('p', { class: 'empty' }, 'Not loaded: this card loads on request.'));
      }
      // Sections the user opened stay open through re-renders (card-layout.js keeps their state).
      if (window.CardLayout) window.CardLayout.restore(detail, key);
    }
  }

  function staleTitle(e) {
    if (!e.stale) return '';
    const changed = e.staleInfo && e.staleInfo.changed && e.staleInfo.changed.length
      ? 'Changed since computed: ' + e.staleInfo.changed.join(', ') : 'Files behind this card changed';
    return changed + '. Refresh to recompute.';
  }

  function ageText(seconds) {
    if (seconds < 5) return 'just now';
    if (seconds < 60) return Math.floor(seconds) + ' s ago';
    if (seconds < 3600) return Math.floor(seconds / 60) + ' min ago';
    if (seconds < 86400) return Math.floor(seconds / 3600) + ' h ago';
    return Math.floor(seconds / 86400) + ' d ago';
  }

  function updateAge(el, e) {
    const age = role(el, 'age');
    if (e.cachedAt == null) {
      age.textContent = e.computing || e.refreshing ? 'computing…' : 'not loaded';
      age.removeAttribute('title');
      return;
    }
    const seconds = Math.max(0, Date.now() / 1000 - e.cachedAt);
    age.textContent = (e.computing || e.refreshing ? 'recomputing · ' : '') + ageText(seconds);
    age.title = 'Computed ' + new Date(e.cachedAt * 1000).toLocaleString();
  }

  cardEls.forEach((el, key) => storeRegister(key, renderCard));

  /* ---------- snapshot ---------- */
  function applySnapshot(snapshot) {
    const keys = new Set(Object.keys(snapshot || {}));
    cardEls.forEach((el, key) => {
      const item = snapshot[key];
      if (item) {
        storeSet(key, item.data, { cachedAt: item.cached_at, stale: item.stale });
      } else {
        const e = entry(key);
        e.data = null; e.cachedAt = null; e.stale = false; e.staleInfo = null; e.error = null;
        notify(key);
      }
    });
    return keys;
  }

  /** Cards set to auto that the server has not computed: ask for them (the server computes each once). */
  function loadMissing() {
    cardEls.forEach((el, key) => {
      const e = entry(key);
      if ((prefs[key] || 'auto') === 'auto' && !e.data && !e.computing && !e.refreshing && !e.error && !e.requested) {
        e.requested = true;
        loadCard(key, false);
      }
    });
  }

  function loadCard(key, force) {
    storeUpdate(key, { computing: true });
    const url = '/api/cards/' + encodeURIComponent(key) + (force ? '?bust=1' : '');
    const headers = { Accept: 'application/json' };
    if (force) headers['X-Control-Plane'] = '1';
    return fetch(url, { headers: headers, credentials: 'same-origin' })
      .then((res) => readJson(res))
      .then((r) => {
        if (r.ok) storeSet(key, r.body);
        else storeUpdate(key, { computing: false, refreshing: false, error: r.body.error || 'request failed' });
      })
      .catch((err) => storeUpdate(key, { computing: false, refreshing: false, error: 'server unreachable (' + err.message + ')' }));
  }

  /** A response body as {ok, body}; a non-JSON answer (a proxy's error page) becomes a readable error. */
  function readJson(res) {
    return res.text().then((text) => {
      try {
        return { ok: res.ok, body: JSON.parse(text) };
      } catch (err) {
        return { ok: false, body: { error: 'the server answered ' + res.status + ' ' + res.statusText + ' without JSON' } };
      }
    });
  }

  /* ---------- live stream ---------- */
  const conn = document.querySelector('[data-role="connection"]');
  let source = null;
  let retryTimer = null;
  let retryDelay = 1000;
  let downSince = null;

  function setConnection(state) {
    conn.dataset.state = state;
    conn.textContent = state === 'connected' ? 'live' : (state === 'reconnecting' ? 'reconnecting…' : 'offline');
  }

  function connect() {
    retryTimer = null;
    source = new EventSource('/api/events?since=' + encodeURIComponent(lastSeq));
    source.onopen = () => { downSince = null; retryDelay = 1000; setConnection('connected'); };
    source.onerror = () => {
      if (downSince == null) downSince = Date.now();
      const longDown = Date.now() - downSince > 15000 || navigator.onLine === false;
      setConnection(longDown ? 'offline' : 'reconnecting');
      if (source && source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. an HTTP error while the server restarts): retry ourselves with backoff.
        source = null;
        if (!retryTimer) {
          retryTimer = setTimeout(connect, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 10000);
        }
      }
    };
    Object.keys(handlers).forEach((type) => source.addEventListener(type, (ev) => receive(type, ev)));
  }

  /** The last frames received, for diagnosing a page (window.ControlPlane.recent()). */
  const recent = [];

  function receive(type, ev) {
    let env;
    try {
      env = JSON.parse(ev.data);
    } catch (err) {
      reportError(err);
      return;
    }
    if (ev.lastEventId) lastSeq = ev.lastEventId;
    recent.push({ type: type, key: env.key, seq: env.seq, data: type === 'state:stale' ? env.data : undefined });
    if (recent.length > 50) recent.shift();
    try {
      handlers[type](env);
    } catch (err) {
      reportError(err);
    }
  }

  let warming = null;
  const warmingEl = document.querySelector('[data-role="warming"]');

  function updateWarming() {
    if (!warming) {
      warmingEl.hidden = true;
      return;
    }
    warmingEl.hidden = false;
    const done = warming.done.size;
    const bar = warmingEl.querySelector('[data-role="warming-bar"]');
    bar.max = Math.max(1, warming.total);
    bar.value = Math.min(done, warming.total);
    warmingEl.querySelector('[data-role="warming-text"]').textContent = 'Computing cards: ' + Math.min(done, warming.total) + '/' + warming.total;
  }

  function markWarmDone(key) {
    if (warming && warming.keys.has(key)) {
      warming.done.add(key);
      updateWarming();
    }
  }

  const handlers = {
    'sys:ready': (env) => {
      if (env.data.instance_id !== instanceId) {
        // The server restarted: everything we hold may be gone. The snapshot that follows is the truth.
        instanceId = env.data.instance_id;
        entries.forEach((e) => { e.requested = false; e.computing = false; e.refreshing = false; e.error = null; });
        warming = null;
        updateWarming();
      }
    },
    'state:snapshot': (env) => {
      applySnapshot(env.data);
      setTimeout(loadMissing, 300);
    },
    'sys:heartbeat': () => {},
    'cache:hit': () => {},
    'cache:miss': (env) => storeUpdate(env.key, { computing: true }),
    'cache:done': (env) => {
      storeSet(env.key, env.data);
      markWarmDone(env.key);
    },
    'cache:error': (env) => {
      storeUpdate(env.key, { computing: false, refreshing: false, error: env.error || 'computation failed' });
      markWarmDone(env.key);
    },
    'cache:bust': (env) => {
      (env.data.keys || []).forEach((key) => {
        const pref = prefs[key] || 'auto';
        // The server says what it recomputes (an on-demand scope recomputes manual cards too).
        const recomputing = Array.isArray(env.data.recomputing) ? env.data.recomputing.indexOf(key) >= 0
          : pref === 'auto' || key === env.data.scope;
        const e = entry(key);
        e.requested = false;
        e.stale = false;
        e.staleInfo = null;
        if (recomputing) {
          storeUpdate(key, { refreshing: true, error: null });
        } else {
          storeUpdate(key, { data: null, cachedAt: null, error: null });
        }
      });
    },
    'state:stale': (env) => {
      const e = entry(env.key);
      // About an older computation than the one shown (the recompute overtook the check): nothing to mark.
      if (e.cachedAt != null && env.data.cache_mtime != null && env.data.cache_mtime < e.cachedAt) return;
      storeUpdate(env.key, { stale: true, staleInfo: env.data });
    },
    'sys:warming': (env) => {
      const keys = new Set(env.data.keys || []);
      warming = { keys: keys, total: env.data.total || keys.size, done: warming ? warming.done : new Set() };
      updateWarming();
    },
    'sys:warm': () => {
      warming = null;
      updateWarming();
    },
    'prefs:changed': (env) => applyPrefs(env.data),
  };

  /* ---------- preferences ---------- */
  function applyPrefs(next) {
    prefs = Object.assign({}, next);
    cardEls.forEach((el, key) => renderCard(key));
    loadMissing();
  }

  const dialog = document.querySelector('[data-role="prefs-dialog"]');
  const form = document.querySelector('[data-role="prefs-form"]');
  let dialogTab = null;

  function openPrefs(tab) {
    dialogTab = tab;
    const rows = dialog.querySelector('[data-role="prefs-rows"]');
    rows.replaceChildren();
    cardEls.forEach((el, key) => {
      if (!cardInfo[key] || !(cardInfo[key].tabs || [cardInfo[key].tab]).includes(tab)) return;
      const id = 'pref-' + key.replace(/[^a-z0-9-]/gi, '_');
      const select = ui.h('select', { id: id, name: key },
        ['auto', 'manual', 'hidden'].map((v) => ui.h('option', { value: v }, v)));
      select.value = prefs[key] || 'auto';
      rows.append(ui.h('div', { class: 'prefs-row' }, ui.h('label', { for: id }, cardInfo[key].title), select));
    });
    dialog.showModal();
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const changes = {};
    form.querySelectorAll('select').forEach((s) => { changes[s.name] = s.value; });
    send('PUT', '/api/devops/prefs', changes).then((saved) => { if (saved) applyPrefs(saved); dialog.close(); });
  });
  dialog.querySelector('[data-role="prefs-cancel"]').addEventListener('click', () => dialog.close());

  /* ---------- actions ---------- */
  function send(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Control-Plane': '1', Accept: 'application/json' },
      body: JSON.stringify(body),
    }).then((res) => readJson(res).then((r) => {
      if (!r.ok) throw new Error(r.body.error || res.statusText);
      return r.body;
    })).catch((err) => {
      flash('Request failed: ' + err.message);
      return null;
    });
  }

  function bust(target) {
    return send('POST', '/api/devops/cache/bust', { card: target });
  }

  function flash(message) {
    conn.title = message;
    console.warn(message);
  }

  function selectTab(id, focus) {
    document.querySelectorAll('[role="tab"]').forEach((tab) => {
      const selected = tab.dataset.tab === id;
      tab.setAttribute('aria-selected', selected ? 'true' : 'false');
      tab.tabIndex = selected ? 0 : -1;
      if (selected && focus) tab.focus();
    });
    document.querySelectorAll('[data-panel]').forEach((panel) => { panel.hidden = panel.dataset.panel !== id; });
    if (location.hash !== '#' + id) history.replaceState(null, '', '#' + id);
  }

  document.addEventListener('click', (ev) => {
    const button = ev.target.closest('button');
    if (!button) return;
    const card = button.closest('[data-card]');
    if (button.getAttribute('role') === 'tab') return selectTab(button.dataset.tab, false);
    switch (button.dataset.role) {
      case 'refresh': return card && bust(card.dataset.card);
      case 'load': return card && loadCard(card.dataset.card, false);
      case 'refresh-tab': return bust(button.dataset.tab);
      case 'refresh-all': return bust('all');
      case 'prefs': return openPrefs(button.dataset.tab);
      default: return undefined;
    }
  });

  document.querySelector('[role="tablist"]').addEventListener('keydown', (ev) => {
    const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
    const current = tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true');
    let next = null;
    if (ev.key === 'ArrowRight') next = (current + 1) % tabs.length;
    if (ev.key === 'ArrowLeft') next = (current - 1 + tabs.length) % tabs.length;
    if (ev.key === 'Home') next = 0;
    if (ev.key === 'End') next = tabs.length - 1;
    if (next != null) {
      ev.preventDefault();
      selectTab(tabs[next].dataset.tab, true);
    }
  });

  function reportError(err) {
    // A renderer bug must not take the page down; it is reported once on the console.
    console.error('[control-plane]', err);
  }

  /* ---------- start ---------- */
  const initialTab = location.hash.slice(1);
  if (initialTab && document.querySelector('[data-panel="' + CSS.escape(initialTab) + '"]')) selectTab(initialTab, false);
  applySnapshot(boot.snapshot || {});
  performance.mark('cp:cards-rendered');
  setInterval(() => cardCopies.forEach((els, key) => {
    const e = entries.get(key);
    if (e && e.cachedAt != null) els.forEach((el) => updateAge(el, e));
  }), 1000);
  connect();
  setTimeout(loadMissing, 300);
  window.addEventListener('online', () => { if (!source && !retryTimer) connect(); });

  window.ControlPlane = {
    storeSet: storeSet,
    storeGet: storeGet,
    storeRegister: storeRegister,
    storeIsStale: storeIsStale,
    instanceId: () => instanceId,
    lastSeq: () => lastSeq,
    recent: () => recent.slice(),
    entry: (key) => Object.assign({}, entries.get(key), { data: undefined }),
    /** Adds a handler for an event type of the stream (e.g. job:output, used by jobs.js). */
    on: (type, fn) => {
      const had = handlers[type];
      handlers[type] = had ? (env) => { had(env); fn(env); } : fn;
      if (!had && source) source.addEventListener(type, (ev) => receive(type, ev));
    },
  };
})();
|}
