/* DevOps Control Plane — finding a card fast: the filter box ("/" focuses it, Escape clears it) narrows the cards
 * of every tab by title and badge text, and "#<card-key>" links open the card's tab and scroll to it. Keys hold
 * colons (audit:scores), so cards are found through [data-card] attributes, never "#id" selectors. */
(function () {
  'use strict';

  const input = document.querySelector('[data-role="filter"]');
  const none = document.querySelector('[data-role="filter-none"]');
  const cards = Array.from(document.querySelectorAll('[data-card]'));
  const tabs = Array.from(document.querySelectorAll('[role="tab"]'));
  const counts = new Map(tabs.map((t) => {
    const c = t.querySelector('.count');
    return [t.dataset.tab, c ? c.textContent : ''];
  }));

  function text(el, selector) {
    const node = el.querySelector(selector);
    return node ? node.textContent.toLowerCase() : '';
  }

  function tabOf(card) {
    const panel = card.closest('[data-panel]');
    return panel ? panel.dataset.panel : null;
  }

  function selectedTab() {
    const t = tabs.find((x) => x.getAttribute('aria-selected') === 'true');
    return t ? t.dataset.tab : null;
  }

  /** Opens a tab the way a click does, so the store's own tab logic (aria, hash) stays the one place. */
  function openTab(id) {
    const t = tabs.find((x) => x.dataset.tab === id);
    if (t && t.getAttribute('aria-selected') !== 'true') t.click();
  }

  /* ---------- filter ---------- */
  function apply() {
    const q = input.value.trim().toLowerCase();
    const matches = new Map();
    cards.forEach((card) => {
      // A card hidden by preference stays hidden (the `hidden` attribute); a manual card matches by its title.
      const hit = !q || text(card, 'h2').includes(q) || (card.dataset.pref !== 'manual' && text(card, '[data-role="badge"]').includes(q))
        || card.dataset.card.toLowerCase().includes(q);
      card.classList.toggle('filtered-out', !hit);
      if (hit && !card.hidden) matches.set(tabOf(card), (matches.get(tabOf(card)) || 0) + 1);
    });
    tabs.forEach((t) => {
      const c = t.querySelector('.count');
      if (c) c.textContent = q ? String(matches.get(t.dataset.tab) || 0) : counts.get(t.dataset.tab);
      t.classList.toggle('no-match', !!q && !matches.get(t.dataset.tab));
    });
    const total = Array.from(matches.values()).reduce((a, b) => a + b, 0);
    none.hidden = !q || total > 0;
    // Across tabs: when the open tab has nothing left, show the first tab that has a match.
    if (q && !matches.get(selectedTab())) {
      const first = tabs.find((t) => matches.get(t.dataset.tab));
      if (first) openTab(first.dataset.tab);
    }
  }

  input.addEventListener('input', apply);
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      input.value = '';
      apply();
      input.blur();
    }
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t && (t.isContentEditable || /^(input|textarea|select)$/i.test(t.tagName))) return;
    if (document.querySelector('dialog[open]')) return;
    ev.preventDefault();
    input.focus();
    input.select();
  });
  // Badges change as cards load, preferences hide cards: keep the narrowing true while a filter is set.
  const observer = new MutationObserver(() => { if (input.value.trim()) apply(); });
  cards.forEach((card) => {
    observer.observe(card.querySelector('[data-role="badge"]'), { childList: true, characterData: true, subtree: true });
    observer.observe(card, { attributes: true, attributeFilter: ['hidden'] });
  });

  /* ---------- deep links: #<card-key> ---------- */
  function reveal() {
    let key;
    try {
      key = decodeURIComponent(location.hash.slice(1));
    } catch (err) {
      return;
    }
    if (!key) return;
    const card = cards.find((c) => c.dataset.card === key);
    if (!card) return; // a tab id, handled by the store, or an unknown key
    if (card.classList.contains('filtered-out')) {
      input.value = '';
      apply();
    }
    openTab(tabOf(card));
    history.replaceState(null, '', '#' + key); // the tab click wrote the tab's hash; the link names the card
    cards.forEach((c) => c.classList.toggle('target', c === card));
    card.scrollIntoView({ block: 'start' });
    // Cards above it may still grow as their data arrives: settle on it once more when the page is loaded.
    setTimeout(() => { if (card.classList.contains('target')) card.scrollIntoView({ block: 'start' }); }, 800);
  }

  window.addEventListener('hashchange', reveal);
  reveal();
})();
