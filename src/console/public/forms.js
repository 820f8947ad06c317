// Forms built from the request schemas of the OpenAPI document: one field per property, enums as
// selects, money as amount + currency, arrays of objects as repeatable groups. Field names are the
// dotted paths the API uses in a 400's details, so each detail lands next to its field.
import { el, uid } from './dom.js';
import { enumName, fieldHint, fieldName, t } from './i18n.js';

const isMoney = (s) =>
  s && s.type === 'object' && s.properties && 'amount' in s.properties && 'currency' in s.properties;
const isBlank = (v) =>
  v === undefined ||
  (Array.isArray(v) && v.length === 0) ||
  (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

const isUntouched = (v) => isBlank(v) || (v && typeof v === 'object' && 'currency' in v && v.amount === '');

/**
 * buildForm(schema, { skip, valueFor, prefix, fillLists }) -> { node, collect(), showErrors(details), clearErrors() }
 * valueFor(path, name) may return a default value for a leaf field (e.g. the order's currency);
 * with fillLists, a list of groups starts with one item per entry valueFor gives it (a record edited).
 * `prefix` puts the fields under a path of the request (a correction's `changes.blNo`), so the
 * API's 400 details land on them; collect() still answers by the schema's own names.
 */
export function buildForm(
  schema,
  { skip = [], valueFor = () => undefined, prefix = '', fillLists = false } = {},
) {
  const registry = new Map(); // path -> { target, error, wrapper }
  const ctx = { registry, valueFor, fillLists };
  const required = new Set(schema.required || []);
  const parts = Object.entries(schema.properties || {})
    .filter(([name]) => !skip.includes(name))
    .map(([name, s]) => field(name, s, prefix ? `${prefix}.${name}` : name, required.has(name), ctx));
  const node = el(
    'div',
    { class: 'fields' },
    parts.map((p) => p.node),
  );
  return {
    node,
    collect() {
      const out = {};
      Object.keys(schema.properties || {})
        .filter((name) => !skip.includes(name))
        .forEach((name, i) => {
          const v = parts[i].collect();
          if (!isBlank(v)) out[name] = v;
        });
      return out;
    },
    clearErrors() {
      for (const entry of registry.values()) setError(entry, '');
    },
    /** Marks every detail's field; returns { first, unplaced } (first invalid control, details with no field). */
    showErrors(details) {
      let first;
      const unplaced = [];
      for (const d of Array.isArray(details) ? details : []) {
        const entry = lookup(registry, String(d.path || ''));
        if (!entry) {
          unplaced.push(d);
          continue;
        }
        setError(entry, d.message);
        first ??= entry.target;
      }
      return { first, unplaced };
    },
  };
}

/** The field of the path, or of its nearest parent (a group). */
function lookup(registry, path) {
  let p = path;
  while (p) {
    if (registry.has(p)) return registry.get(p);
    p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
  return undefined;
}

function setError(entry, message) {
  entry.error.textContent = message ? `${message}` : '';
  entry.error.hidden = !message;
  entry.wrapper.classList.toggle('invalid', Boolean(message));
  if (message) entry.target.setAttribute('aria-invalid', 'true');
  else entry.target.removeAttribute('aria-invalid');
}

function labelText(name, s, isRequired) {
  return [fieldName(name), isRequired ? el('span', { class: 'req' }, t('form.required')) : null];
}

/** The dictionary's hint for the field (the schema's description is the API's English). */
function hint(name, id) {
  const text = fieldHint(name);
  return text ? el('span', { class: 'hint', id }, text) : null;
}

function errorSlot(id) {
  return el('span', { class: 'field-error', id, hidden: true });
}

function field(name, s, path, isRequired, ctx) {
  if (s.$ref) throw new Error(`unexpected $ref at ${path}`);
  if (isMoney(s)) return moneyField(name, s, path, isRequired, ctx);
  if (s.type === 'object') return objectField(name, s, path, isRequired, ctx);
  if (s.type === 'array') {
    return s.items && s.items.type === 'object'
      ? arrayOfObjects(name, s, path, isRequired, ctx)
      : arrayOfStrings(name, s, path, isRequired, ctx);
  }
  return leaf(name, s, path, isRequired, ctx);
}

function leaf(name, s, path, isRequired, ctx, { compact = false } = {}) {
  const id = uid('f');
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const preset = ctx.valueFor(path, name);
  const initial = preset !== undefined ? preset : s.default;
  const describedBy = [fieldHint(name) && !compact ? hintId : null, errId].filter(Boolean).join(' ');
  let input;
  let collect;
  if (s.type === 'boolean') {
    input = el('input', {
      type: 'checkbox',
      id,
      name: path,
      checked: initial === undefined ? false : Boolean(initial),
      'aria-describedby': describedBy,
    });
    collect = () => input.checked;
  } else if (Array.isArray(s.enum)) {
    const options = [
      !isRequired || initial === undefined
        ? el('option', { value: '' }, isRequired ? t('form.choose') : t('form.none'))
        : null,
      ...s.enum.map((v) => el('option', { value: v }, enumName(v))),
    ];
    input = el('select', { id, name: path, 'aria-describedby': describedBy, required: isRequired }, options);
    if (initial !== undefined) input.value = String(initial);
    collect = () => (input.value === '' ? undefined : input.value);
  } else {
    const numeric = s.type === 'number' || s.type === 'integer';
    let type = 'text';
    let placeholder;
    if (s.format === 'date') type = 'date';
    else if (s.format === 'email' || s['x-format'] === 'email') type = 'email';
    else if (s.format === 'date-time') placeholder = '2026-11-26T08:00:00Z';
    else if (s.anyOf) placeholder = t('form.dayOrTime');
    const long = s.type === 'string' && (s.maxLength || 0) >= 2000;
    const attrs = {
      id,
      name: path,
      'aria-describedby': describedBy,
      required: isRequired,
      placeholder,
      autocomplete: 'off',
      inputmode: numeric ? (s.type === 'integer' ? 'numeric' : 'decimal') : undefined,
      maxlength: s.maxLength,
      value: initial === undefined || initial === null ? '' : String(initial),
    };
    input = long ? el('textarea', { ...attrs, rows: 2 }) : el('input', { ...attrs, type });
    if (long) input.value = attrs.value;
    collect = () => {
      const raw = input.value.trim();
      if (raw === '') return undefined;
      // Numbers go as numbers; anything else is sent as typed and the API says what is wrong.
      if (numeric && /^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
      return raw;
    };
  }
  const error = errorSlot(errId);
  const wrapper =
    s.type === 'boolean'
      ? el(
          'div',
          { class: 'field check' },
          input,
          el('label', { for: id }, labelText(name, s, false)),
          compact ? null : hint(name, hintId),
          error,
        )
      : el(
          'div',
          { class: 'field' },
          el('label', { for: id }, labelText(name, s, isRequired)),
          input,
          compact ? null : hint(name, hintId),
          error,
        );
  ctx.registry.set(path, { target: input, error, wrapper });
  return { node: wrapper, collect };
}

function group(name, s, path, isRequired, ctx, content, extraClass = '') {
  const errId = uid('g-err');
  const error = errorSlot(errId);
  const legendId = uid('legend');
  const node = el(
    'fieldset',
    { class: `group ${extraClass}`, 'aria-describedby': errId },
    el('legend', { id: legendId }, labelText(name, s, isRequired)),
    fieldHint(name) ? el('span', { class: 'hint' }, fieldHint(name)) : null,
    content,
    error,
  );
  ctx.registry.set(path, {
    target: node.querySelector('input,select,textarea,button') || node,
    error,
    wrapper: node,
  });
  return node;
}

function moneyField(name, s, path, isRequired, ctx) {
  const amount = leaf(
    'amount',
    { ...s.properties.amount, description: undefined },
    `${path}.amount`,
    true,
    ctx,
    {
      compact: true,
    },
  );
  const currency = leaf(
    'currency',
    { ...s.properties.currency, description: undefined, maxLength: 3 },
    `${path}.currency`,
    true,
    ctx,
    { compact: true },
  );
  const node = group(
    name,
    {},
    path,
    isRequired,
    ctx,
    el('div', { class: 'money' }, amount.node, currency.node),
    'money-group',
  );
  return {
    node,
    collect() {
      const a = amount.collect();
      const c = currency.collect();
      // An optional amount left empty is no money at all, whatever currency was filled in for it.
      if (a === undefined && !isRequired) return undefined;
      // Amounts stay strings: the contract never sends money as a float.
      return { amount: a ?? '', currency: c ?? '' };
    },
  };
}

function objectField(name, s, path, isRequired, ctx) {
  const required = new Set(s.required || []);
  const children = Object.entries(s.properties || {}).map(([k, sub]) => [
    k,
    field(k, sub, `${path}.${k}`, required.has(k), ctx),
  ]);
  const body = el(
    'div',
    { class: 'group-body' },
    children.map(([, c]) => c.node),
  );
  const optionalBlock = !isRequired && children.length > 3;
  const content = optionalBlock
    ? el('details', {}, el('summary', {}, t('form.optionalGroup', { name: fieldName(name) })), body)
    : body;
  const node = group(name, s, path, isRequired, ctx, content);
  return {
    node,
    collect() {
      const out = {};
      for (const [k, c] of children) {
        const v = c.collect();
        if (!isBlank(v)) out[k] = v;
      }
      // Optional objects left untouched are not sent (a checkbox alone, or a currency filled in for
      // an amount left empty, does not count as touched).
      const touched = children.some(
        ([k, c]) => s.properties[k].type !== 'boolean' && !isUntouched(c.collect()),
      );
      if (!isRequired && !touched) return undefined;
      return out;
    },
  };
}

function arrayOfObjects(name, s, path, isRequired, ctx) {
  const items = [];
  const list = el('ol', { class: 'items' });
  // The dictionaries name the list ("Lines"); its items are numbered under that name.
  const listName = fieldName(name);
  const itemRequired = new Set(s.items.required || []);
  const status = el('span', { class: 'sr-only', 'aria-live': 'polite' });

  function renumber() {
    items.forEach((item, i) => {
      item.legend.textContent = t('form.item', { name: listName, n: i + 1 });
      item.remove.textContent = t('form.remove', { name: item.legend.textContent });
      item.remove.hidden = items.length <= Math.max(1, s.minItems || 0);
    });
  }
  function add(focus) {
    const index = items.length;
    const children = Object.entries(s.items.properties).map(([k, sub]) => [
      k,
      field(k, sub, `${path}.${index}.${k}`, itemRequired.has(k), ctx),
    ]);
    const legend = el('legend', {});
    const item = { children, legend };
    item.remove = el(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: () => {
          items.splice(items.indexOf(item), 1);
          item.node.remove();
          renumber();
          status.textContent = t('form.removed', { name: listName });
          addButton.focus();
        },
      },
      '',
    );
    item.node = el(
      'li',
      {},
      el(
        'fieldset',
        { class: 'item' },
        legend,
        children.map(([, c]) => c.node),
        item.remove,
      ),
    );
    items.push(item);
    list.append(item.node);
    renumber();
    if (focus) item.node.querySelector('input,select,textarea').focus();
  }
  const addButton = el(
    'button',
    { type: 'button', class: 'secondary', onclick: () => add(true) },
    t('form.add', { name: listName }),
  );
  const node = group(name, s, path, isRequired, ctx, [list, addButton, status]);
  // A required list starts with one item; an optional one stays empty until someone adds to it.
  const preset = ctx.fillLists ? ctx.valueFor(path, name) : undefined;
  const count = Math.max(Array.isArray(preset) ? preset.length : 0, isRequired ? 1 : 0);
  for (let i = 0; i < count; i += 1) add(false);
  // Remove renumbers labels but not names: paths stay the ones the API reports for this submission.
  return {
    node,
    collect() {
      const out = items.map((item) => {
        const o = {};
        for (const [k, c] of item.children) {
          const v = c.collect();
          if (!isBlank(v)) o[k] = v;
        }
        return o;
      });
      if (!isRequired && out.every(isBlank)) return undefined;
      return out;
    },
  };
}

function arrayOfStrings(name, s, path, isRequired, ctx) {
  const id = uid('f');
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  const input = el('textarea', {
    id,
    name: path,
    rows: 2,
    'aria-describedby': `${hintId} ${errId}`,
    required: isRequired,
  });
  const preset = ctx.valueFor(path, name);
  if (Array.isArray(preset)) input.value = preset.join('\n');
  const error = errorSlot(errId);
  const wrapper = el(
    'div',
    { class: 'field' },
    el('label', { for: id }, labelText(name, s, isRequired)),
    input,
    el(
      'span',
      { class: 'hint', id: hintId },
      `${fieldHint(name) ? `${fieldHint(name)}. ` : ''}${t('form.onePerLine')}`,
    ),
    error,
  );
  ctx.registry.set(path, { target: input, error, wrapper });
  return {
    node: wrapper,
    collect() {
      const values = input.value
        .split(/[\n,]/)
        .map((v) => v.trim())
        .filter(Boolean);
      return values.length ? values : undefined;
    },
  };
}

export function showMessage(node, text) {
  node.textContent = text;
  node.hidden = false;
}

/** A 400 on a form: each bad field marked, the ones without a field named in the message. */
export function showFieldErrors(built, message, err, outcome) {
  const { first, unplaced } = built.showErrors(err.details);
  const rest = unplaced.map((d) => `${d.path || 'body'}: ${d.message}`).join('; ');
  showMessage(message, t('form.errors', { outcome, message: err.message, rest: rest ? ` ${rest}` : '' }));
  (first || message).focus();
}

/** Several forms in one <form> (a correction's changes and its reason) marked as one. */
export function joinForms(...builts) {
  return {
    clearErrors() {
      for (const b of builts) b.clearErrors();
    },
    showErrors(details) {
      let first;
      let rest = Array.isArray(details) ? details : [];
      for (const b of builts) {
        const marked = b.showErrors(rest);
        first ??= marked.first;
        rest = marked.unplaced;
      }
      return { first, unplaced: rest };
    },
  };
}
