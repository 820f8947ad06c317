// The customer record's forms: a new customer (POST /customers, on the list) and its edit (PUT
// /customers/{id}, on the customer's page), built from the API's schemas. The credit limit and the
// credit insurance are a manager's: other people do not see those fields (the API refuses them too).
import { api, ApiError, customerSchemas } from './api.js';
import { el } from './dom.js';
import { buildForm } from './forms.js';
import { t } from './i18n.js';
import { isManager, section, submitsForm } from './shell.js';

const MANAGERS_ONLY = ['creditLimit', 'insurance'];

const valueAt = (values, path) =>
  path.split('.').reduce((v, key) => (v && typeof v === 'object' ? v[key] : undefined), values);

/** A 409: the record it would duplicate, as a link. */
function showExisting(message, err) {
  const id = err.details && err.details.customerId;
  message.replaceChildren(
    t('customerForm.exists'),
    ' ',
    id
      ? el(
          'a',
          { href: `#/customers/${encodeURIComponent(id)}`, id: 'customer-existing' },
          t('customerForm.openExisting'),
        )
      : null,
  );
  message.hidden = false;
  message.focus();
}

/**
 * A card with a button that opens the form. `record` (the customer's page) makes it an edit:
 * the fields start with the record's values and the form replaces it.
 */
async function customerCard({ key, me, record, buttonLabel, submitLabel, onSaved }) {
  const schemas = await customerSchemas();
  const manager = isManager(me);
  const built = buildForm(record ? schemas.replace : schemas.create, {
    skip: manager ? [] : MANAGERS_ONLY,
    valueFor: record ? (path) => valueAt(record, path) : undefined,
    fillLists: Boolean(record),
  });
  const message = el('div', { class: 'form-message', role: 'alert', tabindex: '-1', hidden: true });
  const submit = el('button', { type: 'submit' }, submitLabel);
  const form = el('form', { novalidate: true, id: `${key}-form`, hidden: true }, built.node, message, submit);
  const open = el(
    'button',
    {
      type: 'button',
      class: 'secondary',
      id: key,
      'aria-expanded': 'false',
      onclick: () => {
        form.hidden = !form.hidden;
        open.setAttribute('aria-expanded', String(!form.hidden));
        if (!form.hidden) form.querySelector('input,select,textarea')?.focus();
      },
    },
    buttonLabel,
  );
  submitsForm(
    form,
    {
      built,
      message,
      submit,
      refused: t('customerForm.refused'),
      otherwise: (err) => {
        if (!(err instanceof ApiError && err.code === 'CUSTOMER_EXISTS')) return false;
        showExisting(message, err);
        return true;
      },
    },
    async () => {
      const body = built.collect();
      // A manager who empties the limit or the insurance takes it away (left out, it would stay).
      if (record && manager)
        for (const name of MANAGERS_ONLY) if (record[name] && !(name in body)) body[name] = null;
      const saved = record
        ? await api('PUT', `/customers/${encodeURIComponent(record.id)}`, { body })
        : await api('POST', '/customers', { body });
      await onSaved(saved);
    },
  );
  return section(key, buttonLabel, el('p', { class: 'hint' }, t('customerForm.intro')), open, form);
}

/** The list's "new customer" card; a saved customer opens its page. */
export const newCustomerCard = (me) =>
  customerCard({
    key: 'customer-new',
    me,
    buttonLabel: t('customerForm.new'),
    submitLabel: t('customerForm.create'),
    onSaved: (saved) => {
      location.hash = `#/customers/${encodeURIComponent(saved.id)}`;
    },
  });

/** The customer page's "edit" card; onSaved draws the page again with what was stored. */
export const editCustomerCard = (me, record, onSaved) =>
  customerCard({
    key: 'customer-edit',
    me,
    record,
    buttonLabel: t('customerForm.edit'),
    submitLabel: t('customerForm.save'),
    onSaved,
  });
