// twinstack's web console: plain DOM, no framework. Every resource is read and changed through the emulator's
// /_twinstack/ui/api/call (a service's operation), fault rules and the clock through their control routes.
const $ = (selector) => document.querySelector(selector);
const scope = { accountId: '', region: '' };
let current; // { service, view }

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

/** Replaces a node's children, skipping absent ones (which replaceChildren would show as "undefined"). */
function replace(node, ...children) {
  node.replaceChildren(...children.filter((c) => c !== undefined));
}

function say(message) {
  $('#status').textContent = message;
}

async function api(path, options = {}) {
  const response = await fetch(path, { headers: { 'content-type': 'application/json' }, ...options });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message ?? `${response.status} ${response.statusText}`);
  return body;
}

const call = (service, operation, input) =>
  api('/_twinstack/ui/api/call', { method: 'POST', body: JSON.stringify({ service, operation, input, ...scope }) }).then((r) => r.output);

function pick(value, path) {
  if (!path) return value;
  return path.split('.').reduce((v, key) => (v !== null && typeof v === 'object' && Object.hasOwn(v, key) ? v[key] : undefined), value);
}

/** A view's input template filled in: `$item`, `$item.Member`, `$field.Name` (left out when empty). */
function fill(template, item, fields) {
  if (typeof template === 'string') {
    if (template === '$item') return item;
    if (template.startsWith('$item.')) return pick(item, template.slice(6));
    if (template.startsWith('$field.')) return fields[template.slice(7)] || undefined;
    return template;
  }
  if (Array.isArray(template)) return template.map((t) => fill(t, item, fields));
  if (template !== null && typeof template === 'object') {
    const out = {};
    for (const [key, t] of Object.entries(template)) {
      const value = fill(t, item, fields);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  return template;
}

function cellText(value) {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function columnsOf(table, items) {
  if (table.columns) return table.columns;
  const names = new Set();
  for (const item of items.slice(0, 20)) if (item && typeof item === 'object') Object.keys(item).forEach((k) => names.add(k));
  return names.size ? [...names].map((name) => ({ label: name, path: name })) : [{ label: 'Value' }];
}

/** A table of an output's items, with a button per row action and a "Next page" button while the output has one. */
function renderTable(table, output, { caption, rowActions, nextPage }) {
  const items = pick(output, table.items) ?? [];
  const columns = columnsOf(table, items);
  const wrap = el('div', { className: 'scroll' });
  const head = el('tr', {}, ...columns.map((c) => el('th', { scope: 'col', textContent: c.label })));
  if (rowActions) head.append(el('th', { scope: 'col', textContent: 'Actions' }));
  const body = el('tbody');
  for (const item of items) {
    const row = el('tr', {}, ...columns.map((c) => el('td', { textContent: cellText(pick(item, c.path)) })));
    if (rowActions) row.append(el('td', { className: 'actions' }, ...rowActions(item)));
    body.append(row);
  }
  wrap.append(el('table', {}, el('caption', { textContent: `${caption} (${items.length})` }), el('thead', {}, head), body));
  const token = table.next && pick(output, table.next.from);
  const parts = [wrap];
  if (!items.length) parts.push(el('p', { textContent: 'None.' }));
  if (token !== undefined && token !== null && token !== '') parts.push(el('button', { type: 'button', textContent: 'Next page', onclick: () => nextPage(token) }));
  return parts;
}

function itemLabel(item) {
  return typeof item === 'string' ? item : cellText(item.Name ?? item.Key ?? Object.values(item)[0]);
}

/** An action's panel: its fields, a Run button, and the result as a table or JSON. */
function openAction(service, action, item) {
  const panel = $('#action');
  const fields = (action.fields ?? []).map((f, i) => {
    const id = `field-${i}`;
    const input = f.multiline ? el('textarea', { id, name: f.name, rows: 3 }) : el('input', { id, name: f.name });
    return el('div', { className: 'field' }, el('label', { htmlFor: id, textContent: f.label }), input);
  });
  const result = el('div', { className: 'result', ariaLive: 'polite' });
  const run = async (extra = {}) => {
    const values = Object.fromEntries(new FormData(form).entries());
    try {
      const output = await call(service, action.operation, { ...fill(action.input, item, values), ...extra });
      result.replaceChildren(
        ...(action.result
          ? renderTable(action.result, output, { caption: action.label, nextPage: (token) => run({ [action.result.next.to]: token }) })
          : [el('pre', { textContent: JSON.stringify(output, null, 2) })]),
      );
      say(`${action.operation} done`);
    } catch (error) {
      result.replaceChildren(el('p', { className: 'error', role: 'alert', textContent: error.message }));
    }
  };
  const form = el('form', { onsubmit: (event) => (event.preventDefault(), run()) }, ...fields, el('button', { type: 'submit', textContent: action.label }));
  replace(
    panel,
    el('h4', { textContent: `${action.label}: ${itemLabel(item)}` }),
    action.note ? el('p', { className: 'hint', textContent: `Note: ${action.note}.` }) : undefined,
    form,
    result,
  );
  (panel.querySelector('input, textarea') ?? panel.querySelector('button')).focus();
  if (!fields.length) run();
}

async function showList(extra = {}) {
  const { service, view } = current;
  const box = $('#list');
  try {
    const output = await call(service, view.list.operation, { ...(view.list.input ?? {}), ...extra });
    const rowActions = view.actions?.length
      ? (item) => view.actions.map((action) => el('button', { type: 'button', textContent: action.label, onclick: () => openAction(service, action, item) }))
      : undefined;
    box.replaceChildren(...renderTable(view.list, output, { caption: view.title, rowActions, nextPage: (token) => showList({ [view.list.next.to]: token }) }));
  } catch (error) {
    box.replaceChildren(el('p', { className: 'error', role: 'alert', textContent: error.message }));
  }
}

/** The generic views' other list operations, to pick from when the first shows little or fails. */
function otherLists(service, views) {
  const select = el('select', { id: 'list-operation' }, ...views.map((v, i) => el('option', { value: String(i), textContent: v.list.operation })));
  select.onchange = () => showView(service, views[Number(select.value)], views);
  return el('p', {}, el('label', { htmlFor: 'list-operation', textContent: 'List with ' }), select);
}

function showView(service, view, views) {
  current = { service, view };
  replace(
    $('#view'),
    el('h3', { textContent: `${service}: ${view.title}` }),
    view.note ? el('p', { className: 'hint', textContent: view.note }) : undefined,
    views.length > 1 ? otherLists(service, views) : undefined,
    el('button', { type: 'button', textContent: 'Refresh', onclick: () => showList() }),
    el('div', { id: 'list' }),
    el('div', { id: 'action' }),
  );
  if (views.length > 1) $('#list-operation').value = String(views.indexOf(view));
  return showList();
}

async function showService(service) {
  for (const button of document.querySelectorAll('#services button')) button.setAttribute('aria-pressed', String(button.dataset.service === service));
  const { view, others } = await api(`/_twinstack/ui/api/view?service=${encodeURIComponent(service)}`);
  if (!view) {
    current = undefined;
    $('#view').replaceChildren(el('h3', { textContent: service }), el('p', { textContent: 'This service has no list operation without input to show.' }));
    return;
  }
  await showView(service, view, [view, ...others]);
}

// Request log: polled every second from the last id seen; the filter hides rows not containing its text.
let lastRequest = 0;
function applyFilter(row) {
  const text = $('#request-filter').value.trim().toLowerCase();
  row.hidden = Boolean(text) && !row.textContent.toLowerCase().includes(text);
}
async function pollRequests() {
  try {
    const { requests, capacity } = await api(`/_twinstack/ui/api/requests?since=${lastRequest}`);
    $('#request-capacity').textContent = capacity;
    const body = $('#request-log tbody');
    for (const r of requests) {
      lastRequest = r.id;
      const cells = [r.time.replace('T', ' ').replace('Z', ''), r.accountId, r.region, r.service, r.operation, r.status || 'dropped', r.latencyMs, r.errorCode ?? ''];
      const row = el('tr', { className: r.status >= 400 || !r.status ? 'failed' : '' }, ...cells.map((c) => el('td', { textContent: String(c) })));
      applyFilter(row);
      body.prepend(row);
    }
    while (body.rows.length > capacity) body.lastElementChild.remove();
  } catch {
    // The emulator stopped or restarted: keep polling.
  }
}

async function showFaults() {
  const { rules } = await api('/_twinstack/faults');
  const list = $('#fault-rules');
  list.replaceChildren(...rules.map((rule) => {
    const { id, matched, injected, ...definition } = rule;
    const remove = el('button', { type: 'button', textContent: 'Remove', ariaLabel: `Remove fault rule ${id}` });
    remove.onclick = async () => {
      await api(`/_twinstack/faults/${encodeURIComponent(id)}`, { method: 'DELETE' });
      say(`fault rule ${id} removed`);
      showFaults();
    };
    return el('li', {}, el('code', { textContent: JSON.stringify(definition) }), ` matched ${matched}, injected ${injected} `, remove);
  }));
  if (!rules.length) list.append(el('li', { textContent: 'No fault rules.' }));
}

async function showClock(body) {
  const clock = await api('/_twinstack/clock', body ? { method: 'POST', body: JSON.stringify(body) } : {});
  $('#clock-now').textContent = `${clock.now} (${clock.offsetMs >= 0 ? '+' : ''}${Math.round(clock.offsetMs / 1000)} s from real time)`;
}

function guarded(fn) {
  return (event) => {
    event?.preventDefault();
    Promise.resolve(fn()).catch((error) => say(`Error: ${error.message}`));
  };
}

async function start() {
  const { services, accountId, region } = await api('/_twinstack/ui/api/services');
  Object.assign(scope, { accountId, region });
  $('#account').value = accountId;
  $('#region').value = region;
  $('#services').replaceChildren(
    ...services.map((service) => {
      const button = el('button', { type: 'button', textContent: service, onclick: guarded(() => showService(service)) });
      button.dataset.service = service;
      button.setAttribute('aria-pressed', 'false');
      return el('li', {}, button);
    }),
  );
  $('#scope').onsubmit = guarded(() => {
    Object.assign(scope, { accountId: $('#account').value.trim(), region: $('#region').value.trim() });
    say(`showing account ${scope.accountId}, region ${scope.region}`);
    if (current) return showService(current.service);
  });
  $('#request-filter').oninput = () => document.querySelectorAll('#request-log tbody tr').forEach(applyFilter);
  $('#fault-form').onsubmit = guarded(async () => {
    await api('/_twinstack/faults', { method: 'POST', body: $('#fault-rule').value });
    say('fault rule added');
    await showFaults();
  });
  $('#clock-form').onsubmit = guarded(() => showClock({ advance: $('#clock-advance').value.trim() }));
  $('#clock-reset').onclick = guarded(() => showClock({ reset: true }));
  await Promise.all([showFaults(), showClock(), pollRequests()]);
  setInterval(pollRequests, 1000);
}

start().catch((error) => say(`Error: ${error.message}`));
