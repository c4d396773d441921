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

/** A view's input template filled in: `$item`, `$item.Member`, `$parent`, `$parent.Member`, `$field.Name` (left out when empty). */
function fill(template, target) {
  if (typeof template === 'string') {
    for (const name of ['item', 'parent']) {
      if (template === `$${name}`) return target[name];
      if (template.startsWith(`$${name}.`)) return pick(target[name], template.slice(name.length + 2));
    }
    if (template.startsWith('$field.')) return target.fields[template.slice(7)] || undefined;
    return template;
  }
  if (Array.isArray(template)) return template.map((t) => fill(t, target));
  if (template !== null && typeof template === 'object') {
    const out = {};
    for (const [key, t] of Object.entries(template)) {
      const value = fill(t, target);
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
  if (nextPage && token !== undefined && token !== null && token !== '') parts.push(el('button', { type: 'button', textContent: 'Next page', onclick: () => nextPage(token) }));
  return parts;
}

/** What a row is called, for headings and the names of its buttons (one "Delete" per row needs to say which). */
function itemLabel(item) {
  if (item === undefined || item === null) return '';
  if (typeof item === 'string') return item;
  const named = ['Name', 'Key', 'name', 'FunctionName', 'AlarmName', 'StreamName', 'logGroupName', 'TopicArn', 'MessageId', 'Prefix'].find((k) => typeof item[k] === 'string' && item[k]);
  return named ? item[named] : cellText(Object.values(item)[0]);
}

const base64Of = (buffer) => {
  let binary = '';
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The action's field values: text as typed, JSON parsed, a file as { name, type, base64 }. */
async function fieldValues(action, form) {
  const values = {};
  for (const field of action.fields ?? []) {
    const input = form.elements.namedItem(field.name);
    if (field.file) {
      const file = input.files[0];
      if (file) values[field.name] = { name: file.name, type: file.type, base64: base64Of(await file.arrayBuffer()) };
    } else if (field.json && input.value.trim()) {
      try {
        values[field.name] = JSON.parse(input.value);
      } catch {
        throw new Error(`${field.label}: not valid JSON`);
      }
    } else values[field.name] = input.value;
  }
  return values;
}

function fieldInput(field, id, target) {
  if (field.file) return el('input', { id, name: field.name, type: 'file' });
  const filled = field.value === undefined ? '' : fill(field.value, target);
  const value = typeof filled === 'string' ? filled : JSON.stringify(filled, null, field.multiline ? 2 : 0);
  return field.multiline ? el('textarea', { id, name: field.name, rows: Math.min(12, Math.max(3, value.split('\n').length)), value }) : el('input', { id, name: field.name, value });
}

function download({ name, contentType, base64 }) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An SVG the server made (its texts escaped there), parsed as SVG and never as HTML. */
function svgNode(text) {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  return parsed.nodeName === 'svg' ? document.importNode(parsed, true) : el('p', { className: 'error', textContent: 'the picture could not be read' });
}

let panels = 0;

/**
 * An action's panel in `container`: its fields, a Run button, and the result (a table, JSON, or the blocks a server
 * action returns); rows of its tables offer the action's row actions, opened in a panel below.
 */
function openAction(container, service, action, target, path = [action.label]) {
  const prefix = `p${++panels}`;
  const fields = (action.fields ?? []).map((f, i) => {
    const id = `${prefix}-field-${i}`;
    return el('div', { className: 'field' }, el('label', { htmlFor: id, textContent: f.label }), fieldInput(f, id, target));
  });
  const result = el('div', { className: 'result', ariaLive: 'polite' });
  const sub = el('div', { className: 'subaction' });
  // A row action opens below, or (`refine`) fills one of this action's fields from the row and runs it again.
  const rowButton = (rowAction, row) =>
    el('button', {
      type: 'button',
      textContent: rowAction.label,
      ariaLabel: `${rowAction.label}: ${itemLabel(row)}`,
      onclick: rowAction.refine
        ? () => ((form.elements.namedItem(rowAction.refine.field).value = fill(rowAction.refine.value, { item: row, fields: {} })), run())
        : () => openAction(sub, service, rowAction, { item: row, parent: target.parent ?? target.item, fields: {} }, [...path, rowAction.label]),
    });
  /** The row actions offered on the rows of the table with this caption (`on` limits one to one table). */
  const rowActionsOn = (caption) => {
    const offered = (action.rowActions ?? []).filter((a) => !a.on || a.on === caption);
    return offered.length ? (row) => offered.map((a) => rowButton(a, row)) : undefined;
  };
  const rowActions = rowActionsOn(action.label);
  let live; // { cursor, items, timer } while a live action runs
  const showBlocks = (blocks) =>
    blocks.flatMap((block) => {
      const title = block.title ? [el('h5', { textContent: block.title })] : [];
      if (block.kind === 'download') {
        download(block);
        return [el('p', { textContent: `Downloaded ${block.name}.` })];
      }
      if (block.kind === 'svg') return [...title, el('div', { className: 'scroll picture' }, svgNode(block.svg))];
      if (block.kind === 'table') {
        if (live) {
          live.items = [...live.items, ...(pick(block.output, block.table.items) ?? [])].slice(-1000);
          return [...title, ...renderTable(block.table, { [block.table.items]: live.items }, { caption: block.title ?? action.label, rowActions: rowActionsOn(block.title) })];
        }
        return [...title, ...renderTable(block.table, block.output, { caption: block.title ?? action.label, rowActions: rowActionsOn(block.title) })];
      }
      return [...title, el('pre', { textContent: block.kind === 'text' ? block.text : JSON.stringify(block.value, null, 2) })];
    });
  const run = async (extra = {}) => {
    if (action.confirm && !extra.again && !window.confirm(action.confirm)) return;
    try {
      const values = await fieldValues(action, form);
      if (action.run) {
        const body = { service, action: path, item: target.item, parent: target.parent, fields: values, cursor: live?.cursor, ...scope };
        const answer = await api('/_twinstack/ui/api/action', { method: 'POST', body: JSON.stringify(body) });
        if (action.liveMs) live = { items: live?.items ?? [], ...live, cursor: answer.cursor };
        result.replaceChildren(...showBlocks(answer.blocks), ...(live ? [liveControls()] : []));
      } else {
        const output = await call(service, action.operation, { ...fill(action.input, { ...target, fields: values }), ...extra.input });
        result.replaceChildren(
          ...(action.result
            ? renderTable(action.result, output, { caption: action.label, rowActions, nextPage: (token) => run({ input: { [action.result.next.to]: token } }) })
            : [el('pre', { textContent: JSON.stringify(output ?? {}, null, 2) })]),
        );
      }
      say(`${action.label} done`);
    } catch (error) {
      result.replaceChildren(el('p', { className: 'error', role: 'alert', textContent: error.message }));
    }
    // A live action runs again while its panel is on the page and not paused, after a failed run too.
    if (live && !live.timer && !live.paused && result.isConnected) {
      const current = live;
      current.timer = setTimeout(() => {
        current.timer = undefined;
        if (live === current && !current.paused) run({ again: true });
      }, action.liveMs);
    }
  };
  const liveControls = () => {
    const button = el('button', { type: 'button', textContent: live.paused ? 'Resume' : 'Pause', ariaPressed: String(Boolean(live.paused)) });
    button.onclick = () => {
      live.paused = !live.paused;
      button.textContent = live.paused ? 'Resume' : 'Pause';
      if (!live.paused && !live.timer) run({ again: true });
    };
    return el('p', { className: 'hint' }, `Live: updated every ${action.liveMs / 1000} s. `, button);
  };
  // Submitting starts afresh: a live action's earlier rows and pending run are dropped.
  const restart = () => {
    clearTimeout(live?.timer);
    live = undefined;
    return run();
  };
  const form = el('form', { onsubmit: (event) => (event.preventDefault(), restart()) }, ...fields, el('button', { type: 'submit', textContent: action.label }));
  replace(
    container,
    el('h4', { textContent: `${action.label}: ${itemLabel(target.item)}` }),
    action.note ? el('p', { className: 'hint', textContent: `Note: ${action.note}.` }) : undefined,
    form,
    result,
    sub,
  );
  (container.querySelector('input, textarea') ?? container.querySelector('button')).focus();
  if (!fields.length && !action.confirm) run();
}

async function showList(extra = {}) {
  const { service, view } = current;
  const box = $('#list');
  try {
    const output = await call(service, view.list.operation, { ...(view.list.input ?? {}), ...extra });
    const rowActions = view.actions?.length
      ? (item) => view.actions.map((action) => el('button', { type: 'button', textContent: action.label, ariaLabel: `${action.label}: ${itemLabel(item)}`, onclick: () => openAction($('#action'), service, action, { item, fields: {} }) }))
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
  if (row.nextElementSibling?.className === 'detail') row.nextElementSibling.hidden = row.hidden;
}
function exchangeText(part, first) {
  const headers = Object.entries(part.headers).map(([name, value]) => `${name}: ${value}`).join('\n');
  const { body } = part;
  const about = body.note ? `(${body.note}, ${body.size} bytes)` : body.truncated ? `\n(the first ${body.text.length} characters of ${body.size} bytes)` : '';
  return `${first}\n${headers}\n\n${body.text ?? ''}${about}`;
}

/** A row's request and response, in a row below it, fetched when first opened. */
async function toggleDetail(button, row, id) {
  const open = button.getAttribute('aria-expanded') === 'true';
  button.setAttribute('aria-expanded', String(!open));
  if (open) return row.nextElementSibling?.remove();
  const cell = el('td', { colSpan: row.cells.length });
  row.after(el('tr', { className: 'detail' }, cell));
  try {
    const { request, response } = await api(`/_twinstack/ui/api/requests/${id}`);
    const target = `${request.method} ${request.path}${request.query ? `?${request.query}` : ''}`;
    replace(
      cell,
      el('h4', { textContent: 'Request' }),
      el('pre', { textContent: exchangeText(request, target) }),
      el('h4', { textContent: 'Response' }),
      el('pre', { textContent: response ? exchangeText(response, `HTTP ${response.status}`) : '(no response: the connection was dropped)' }),
    );
  } catch (error) {
    replace(cell, el('p', { className: 'error', role: 'alert', textContent: error.message }));
  }
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
      const button = el('button', { type: 'button', textContent: 'Show', ariaLabel: `Show request ${r.id} (${r.operation || r.service}) and its response` });
      button.setAttribute('aria-expanded', 'false');
      button.onclick = () => toggleDetail(button, row, r.id);
      row.append(el('td', {}, button));
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
  $('#request-filter').oninput = () => document.querySelectorAll('#request-log tbody tr:not(.detail)').forEach(applyFilter);
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
