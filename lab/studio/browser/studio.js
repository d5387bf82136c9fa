/* The studio page: live state over server-sent events, commands over POST with the studio's token. */
/* global Chart */
'use strict';
(() => {
  const token = new URLSearchParams(location.search).get('token') || '';
  const JOURNEYS = ['browse', 'product', 'cart', 'checkout'];
  const COLORS = { browse: '#0072b2', product: '#e69f00', cart: '#009e73', checkout: '#cc79a7' };
  const PRESETS = [
    ['crash recommendations — every variant', 'all', 'crash recommendations'],
    ['slow payment 1500 ms — every variant', 'all', 'slow payment 1500'],
    ['pause inventory — every variant', 'all', 'pause inventory'],
    ['kill the broker — every variant', 'all', 'kill broker'],
    ['heal all — every variant', 'all', 'heal all'],
  ];
  const charts = new Map();
  const cards = new Map();
  let lastEvents = 0;

  const el = (tag, attrs = {}, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  async function send(variant, command) {
    const answers = document.getElementById('answers');
    answers.textContent = `${variant}: ${command} …`;
    try {
      const response = await fetch('/api/commands', {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-studio-token': token }, body: JSON.stringify({ variant, command }),
      });
      const body = await response.json();
      answers.textContent = body.answers ? body.answers.map((a) => `${a.variant}: ${a.ok ? '' : 'error: '}${a.message}`).join('\n') : `error: ${body.error}`;
    } catch (error) {
      answers.textContent = `error: ${error.message}`;
    }
  }

  function setUpPalette(names) {
    const presets = document.getElementById('presets');
    for (const [label, variant, command] of PRESETS) {
      const button = el('button', { type: 'button', 'data-command': command }, label);
      button.addEventListener('click', () => send(variant, command));
      presets.append(button);
    }
    const select = document.getElementById('command-variant');
    for (const name of ['all', ...names]) select.append(el('option', { value: name }, name === 'all' ? 'every variant' : name));
    document.getElementById('command-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const line = document.getElementById('command-line').value.trim();
      if (line) send(select.value, line);
    });
  }

  function card(variant) {
    if (cards.has(variant.name)) return cards.get(variant.name);
    const root = el('section', { class: 'variant', 'data-variant': variant.name });
    root.append(el('h3', {}, variant.name));
    const components = el('ul', { class: 'components' });
    const faults = el('div', { class: 'faults' });
    const journeys = el('div', { class: 'journeys' });
    const box = el('div', { class: 'chart-box' });
    const canvas = el('canvas', { 'aria-label': `availability of ${variant.name} per journey, last 60 s` });
    box.append(canvas);
    root.append(components, faults, journeys, box);
    document.getElementById('variants').append(root);
    const chart = new Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: JOURNEYS.map((j) => ({ label: j, data: [], borderColor: COLORS[j], backgroundColor: COLORS[j], pointRadius: 0, spanGaps: false, tension: 0 })) },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, title: { display: true, text: 'answered %' } }, x: { ticks: { maxTicksLimit: 7 } } } },
    });
    charts.set(variant.name, chart);
    const made = { root, components, faults, journeys };
    cards.set(variant.name, made);
    return made;
  }

  function render(state) {
    if (cards.size === 0) setUpPalette(state.variants.map((v) => v.name));
    for (const variant of state.variants) {
      const c = card(variant);
      c.components.replaceChildren(...variant.components.map((comp) => el('li', {
        class: [comp.kind === 'broker' ? 'broker' : '', comp.state === 'paused' ? 'paused' : comp.state === 'ready' ? '' : 'down'].join(' ').trim(),
        title: comp.state,
      }, `${comp.name}${comp.replicas > 1 ? ` ×${comp.replicas}` : ''}`)));
      c.faults.textContent = variant.faults.map((f) => `${f.kind} ${f.target}`).join(', ');
      c.root.dataset.faults = String(variant.faults.length);
      c.journeys.replaceChildren(...JOURNEYS.map((j) => {
        const series = variant.live.journeys[j];
        const recent = series.availability.slice(-3).filter((v) => v !== null);
        const availability = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : null;
        const degraded = series.degraded.slice(-3).filter((v) => v !== null);
        const p99 = series.p99Ms.slice(-3).filter((v) => v !== null);
        const degradedShare = degraded.length ? degraded.reduce((a, b) => a + b, 0) / degraded.length : 0;
        const node = el('div', { 'data-journey': j, 'data-availability': availability === null ? '' : availability.toFixed(3),
          'data-degraded': degraded.length ? (degraded.reduce((a, b) => a + b, 0) / degraded.length).toFixed(3) : '',
          class: availability === null ? '' : availability >= 0.99 ? 'good' : 'poor' },
        `${j}: ${availability === null ? '–' : `${(availability * 100).toFixed(0)}%`}${degradedShare > 0 ? ` (${(degradedShare * 100).toFixed(0)}% degraded)` : ''}${p99.length ? `, p99 ${Math.max(...p99)} ms` : ''}`);
        if (degradedShare > 0 && availability !== null && availability >= 0.99) node.className = 'degraded';
        return node;
      }));
      const chart = charts.get(variant.name);
      chart.data.labels = variant.live.journeys.browse.availability.map((_, i) => `${i - 60} s`);
      JOURNEYS.forEach((j, i) => { chart.data.datasets[i].data = variant.live.journeys[j].availability.map((v) => (v === null ? null : v * 100)); });
      chart.update('none');
    }
    const list = document.getElementById('events');
    for (const event of state.events.filter((e) => e.tMs > lastEvents)) {
      list.prepend(el('li', {}, `${new Date(event.tMs).toISOString().slice(11, 19)}  ${event.variant}  ${event.text}`));
    }
    if (state.events.length) lastEvents = Math.max(lastEvents, ...state.events.map((e) => e.tMs));
    document.documentElement.dataset.ready = 'true';
  }

  const source = new EventSource('/api/events');
  source.onmessage = (message) => render(JSON.parse(message.data));
})();
