// The new inquiry's customer picker: find a customer record (GET /customers?q=) and choose it, so the
// order is started with its customerId; left at "a new customer", the customer is typed in the form.
// The list starts empty: only what was searched for is offered.
import { api, query } from './api.js';
import { clear, el } from './dom.js';
import { t } from './i18n.js';

/** customerPicker(onChoose) -> { node, chosen() }; onChoose(id or '') when the choice changes. */
export function customerPicker(onChoose) {
  const search = el('input', { id: 'customer-pick-q', type: 'search', autocomplete: 'off' });
  const select = el('select', { id: 'customer-pick', name: 'customerId' });
  const status = el('span', { class: 'hint', id: 'customer-pick-status', 'aria-live': 'polite' });
  const fresh = () => el('option', { value: '' }, t('customerPicker.typeNew'));
  select.append(fresh());
  let asked = 0;
  let timer;

  async function find() {
    const q = search.value.trim();
    const mine = ++asked;
    const found = q ? (await api('GET', `/customers${query({ q, pageSize: 20 })}`)).customers : [];
    if (mine !== asked) return;
    const before = select.value;
    clear(select).append(
      fresh(),
      ...found.map((c) =>
        el('option', { value: c.id }, c.companyLocal ? `${c.company} · ${c.companyLocal}` : c.company),
      ),
    );
    select.value = found.some((c) => c.id === before) ? before : '';
    status.textContent = q ? t('customerPicker.found', { count: found.length }) : '';
    if (select.value !== before) onChoose(select.value);
  }
  const findSoon = () => {
    window.clearTimeout(timer);
    timer = setTimeout(() => find().catch((err) => (status.textContent = err.message)), 250);
  };
  search.addEventListener('input', findSoon);
  // Enter searches now instead of submitting the inquiry.
  search.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    window.clearTimeout(timer);
    find().catch((err) => (status.textContent = err.message));
  });
  select.addEventListener('change', () => onChoose(select.value));

  const node = el(
    'fieldset',
    { class: 'group', id: 'customer-picker' },
    el('legend', {}, t('customerPicker.legend')),
    el('span', { class: 'hint' }, t('customerPicker.hint')),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'customer-pick-q' }, t('customerPicker.search')),
      search,
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: 'customer-pick' }, t('customerPicker.choose')),
      select,
      status,
    ),
  );
  return { node, chosen: () => select.value };
}
