// Customer records: the list (#/customers, ?q= to find by name or email) and a customer's page
// (#/customers/:id): its orders, the money they still owe, and its credit exposure against its
// limits as a bar. Figures come from GET /customers/{id}; nothing is computed here but the bar.
import { api, query } from './api.js';
import { clear, el } from './dom.js';
import { countryName, enumName, formatTime, money, stageName, t } from './i18n.js';
import { editCustomerCard, newCustomerCard } from './customerForm.js';
import {
  canRecord,
  currentCaller,
  dl,
  focusTitle,
  heading,
  main,
  pageTitle,
  say,
  section,
  table,
  view as page,
} from './shell.js';

const customerLink = (c) => el('a', { href: `#/customers/${encodeURIComponent(c.id)}` }, c.company);

export async function renderCustomers(params, token) {
  const q = params.get('q') || '';
  const [found, me] = await Promise.all([
    api('GET', `/customers${query({ q: q || undefined, pageSize: 100 })}`),
    currentCaller(),
  ]);
  const create = canRecord(me) ? await newCustomerCard(me) : null;
  if (token !== page.renderToken) return;
  pageTitle(t('customers.title'));
  const input = el('input', { id: 'customer-q', name: 'q', type: 'search', value: q });
  const form = el(
    'form',
    { class: 'filters', role: 'search' },
    el('div', { class: 'field' }, el('label', { for: 'customer-q' }, t('customers.search')), input),
    el('button', { type: 'submit' }, t('customers.searchSubmit')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/customers${query({ q: input.value.trim() || undefined })}`;
  });
  const rows = found.customers.map((c) => [
    customerLink(c),
    c.email,
    countryName(c.country),
    c.creditLimit ? money(c.creditLimit) : '—',
  ]);
  const headers = ['colCompany', 'colEmail', 'colCountry', 'colCreditLimit'].map((h) => t(`customers.${h}`));
  clear(main).append(
    heading(t('customers.title')),
    form,
    table(t('customers.caption'), headers, rows, t('customers.none'), { numeric: [3] }),
    create,
  );
  focusTitle();
}

/** One limit as a bar: how much of it the exposure uses. */
function limitBar(key, label, exposure, limit) {
  const used = Number(exposure.amount);
  const max = Number(limit.amount);
  const percent = max > 0 ? Math.round((used / max) * 100) : 100;
  const level = percent >= 100 ? 'over' : percent >= 80 ? 'near' : 'ok';
  return el(
    'div',
    { class: 'credit-limit', id: `credit-${key}` },
    el('p', {}, el('strong', {}, label)),
    el('progress', {
      class: `credit-bar ${level}`,
      max: '100',
      value: String(Math.min(percent, 100)),
      'aria-label': label,
    }),
    el('p', {}, t('customer.used', { used: money(exposure), limit: money(limit), percent })),
  );
}

function creditSection(customer) {
  const credit = customer.credit;
  if (!credit)
    return section('credit', t('customer.credit'), el('p', { class: 'muted' }, t('customer.noLimit')));
  const bars = [];
  if (credit.creditLimit)
    bars.push(limitBar('limit', t('customer.creditLimit'), credit.exposure, credit.creditLimit));
  if (credit.insuredLimit && customer.insurance)
    bars.push(
      limitBar(
        'insured',
        t('customer.insuredLimit', {
          insurer: customer.insurance.insurer,
          policyNo: customer.insurance.policyNo,
        }),
        credit.exposure,
        credit.insuredLimit,
      ),
    );
  return section(
    'credit',
    t('customer.credit'),
    dl([[t('customer.exposure'), money(credit.exposure)]]),
    bars,
    el('p', { class: 'hint' }, t('customer.otherCurrency', { currency: credit.exposure.currency })),
  );
}

export async function renderCustomer(id, token) {
  const [c, me] = await Promise.all([api('GET', `/customers/${encodeURIComponent(id)}`), currentCaller()]);
  const edit = canRecord(me)
    ? await editCustomerCard(me, c, async (saved) => {
        await renderCustomer(saved.id, ++page.renderToken);
        say(t('customerForm.saved', { company: saved.company }), 'success');
      })
    : null;
  if (token !== page.renderToken) return;
  const title = c.companyLocal ? `${c.company} · ${c.companyLocal}` : c.company;
  pageTitle(title);
  const terms = c.defaultTerms || {};
  const termsText =
    [terms.incoterm, terms.paymentMethod && enumName(terms.paymentMethod), terms.currency]
      .filter(Boolean)
      .join(' · ') || null;
  const orderRows = c.orders.map((o) => [
    el('a', { href: `#/orders/${encodeURIComponent(o.orderId)}` }, o.orderId),
    stageName(o.stage),
    o.balanceMethod ? enumName(o.balanceMethod) : '—',
    o.amountOutstanding ? money(o.amountOutstanding) : '—',
    formatTime(o.updatedAt),
  ]);
  const contactRows = c.contacts.map((p) => [p.name, p.title || '—', p.email, p.phone || '—']);
  clear(main).append(
    heading(title),
    el(
      'div',
      { class: 'order-grid' },
      section(
        'details',
        t('customer.details'),
        dl([
          [t('customer.email'), c.email],
          [t('customer.country'), countryName(c.country)],
          [t('customer.language'), c.language === 'zh-CN' ? '简体中文' : 'English'],
          [t('customer.defaultTerms'), termsText],
        ]),
      ),
      creditSection(c),
      section(
        'outstanding',
        t('customer.outstanding'),
        c.outstanding.length
          ? el(
              'ul',
              {},
              c.outstanding.map((m) => el('li', {}, money(m))),
            )
          : el('p', { class: 'muted' }, t('customer.nothingOutstanding')),
      ),
    ),
    section(
      'customer-orders',
      t('customer.orders'),
      table(
        t('customer.orders'),
        ['colOrder', 'colStage', 'colMethod', 'colOutstanding', 'colUpdated'].map((h) => t(`customer.${h}`)),
        orderRows,
        t('customer.noOrders'),
        { numeric: [3] },
      ),
    ),
    section(
      'contacts',
      t('customer.contacts'),
      table(
        t('customer.contacts'),
        [t('customer.colName'), t('customer.colTitle'), t('customers.colEmail'), t('customer.colPhone')],
        contactRows,
        t('customer.noContacts'),
      ),
      c.addresses.length
        ? [
            el('h3', {}, t('customer.addresses')),
            dl(
              c.addresses.map((a) => [
                t(`customer.address.${a.kind}`),
                `${a.text} (${countryName(a.country)})`,
              ]),
            ),
          ]
        : null,
    ),
    edit,
  );
  focusTitle();
}
