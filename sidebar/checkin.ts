/**
 * The monthly check-in page: last month and the year so far as the sheets display them, the switch between the
 * Books' months and the person's own figures as the plan's history, and the Check-ins snapshot.
 */

import { MATCH_DAYS_AFTER_DUE } from '../src/books/invoiceMatch';
import type {
  CheckInView,
  DepositSuggestion,
  InvoiceMatchView,
  OpenInvoiceView,
  OwedView,
  RuleResult,
  SimilarRowsGroup,
  SimilarRowsView,
} from '../src/protocol';
import { byId, definitionList, el } from './dom';
import { callServer } from './server';

const serverError = byId('server-error');
const missing = byId('missing');
const loading = byId('loading');
const lastMonthSection = byId('last-month');
const lastMonthTitle = byId('last-month-title');
const lastMonthBody = byId('last-month-body');
const yearSection = byId('year');
const yearTitle = byId('year-title');
const yearBody = byId('year-body');
const owedSection = byId('owed');
const owedBody = byId('owed-body');
const showInvoicesButton = byId<HTMLButtonElement>('show-invoices');
const historySection = byId('history');
const historyLabel = byId('history-label');
const historySwitch = byId<HTMLButtonElement>('history-switch');
const snapshotButton = byId<HTMLButtonElement>('snapshot');
const snapshotStatus = byId('snapshot-status');
const similarSection = byId('similar');
const similarStatus = byId('similar-status');
const similarLoading = byId('similar-loading');
const similarList = byId('similar-list');
const similarMore = byId('similar-more');
const similarRefresh = byId<HTMLButtonElement>('similar-refresh');

let current: CheckInView | null = null;
let busy = false;

function showError(message: string): void {
  serverError.textContent = message;
}

function setBusy(on: boolean): void {
  busy = on;
  historySwitch.disabled = on;
  snapshotButton.disabled = on || !current?.plan;
}

/** A button that filters the Ledger to the uncategorised rows of the period its count is for: the same rows. */
function uncategorisedButton(id: string, scope: { year: number; month?: number }): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', id }, 'Show them in the Ledger');
  button.addEventListener('click', () => {
    serverError.textContent = '';
    callServer('leapShowUncategorised', scope).then(
      (shown) => {
        button.textContent = `Showing ${shown.rows} row${shown.rows === 1 ? '' : 's'} on ${shown.sheetName}`;
      },
      (error: Error) => showError(error.message),
    );
  });
  return button;
}

/** A link down to "Categorise similar rows", where the uncategorised rows get their categories. */
function similarLink(): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'link', id: 'go-similar' }, 'Categorise them below');
  button.addEventListener('click', () => {
    const title = byId('similar-title');
    title.setAttribute('tabindex', '-1');
    title.scrollIntoView();
    title.focus();
  });
  return button;
}

/**
 * The Invoices sheet's totals and overdue invoices. Invoice numbers and client names are the person's own text:
 * they go into the page as text nodes (el), never as markup.
 */
function renderOwed(owed: OwedView): void {
  owedSection.hidden = false;
  showInvoicesButton.hidden = owed.sheetName === null;
  if (owed.sheetName === null) {
    owedBody.replaceChildren(el('p', { class: 'note', id: 'owed-note' }, owed.note));
    return;
  }
  const nodes: Node[] = [
    definitionList([
      { label: 'Owed to you', value: owed.owedToYou },
      { label: 'Overdue', value: owed.overdue },
    ]),
  ];
  if (owed.note) nodes.push(el('p', { class: 'hint', id: 'owed-note' }, owed.note));
  if (owed.overdueInvoices.length > 0) {
    nodes.push(
      el(
        'ul',
        { class: 'overdue-list', id: 'overdue-list', 'aria-label': 'Overdue invoices, most overdue first' },
        ...owed.overdueInvoices.map((invoice) =>
          el(
            'li',
            {},
            el('span', { class: 'overdue-who' }, el('strong', {}, invoice.invoice), ` ${invoice.client}`),
            el('span', { class: 'overdue-amount' }, invoice.amount),
            el('span', { class: 'overdue-status' }, invoice.status),
          ),
        ),
      ),
    );
  }
  if (owed.more > 0) nodes.push(el('p', { class: 'hint', id: 'overdue-more' }, `and ${owed.more} more`));
  owedBody.replaceChildren(...nodes);
}

function render(view: CheckInView): void {
  current = view;
  loading.hidden = true;
  missing.replaceChildren(...view.missing.map((m) => el('p', { class: 'note' }, m)));

  const books = view.books;
  lastMonthSection.hidden = !books;
  yearSection.hidden = !books;
  if (books) {
    const last = books.lastMonth;
    lastMonthTitle.textContent = last ? `Last month: ${last.name}` : 'Last month';
    if (last) {
      const rows = [{ label: 'Money in', value: last.moneyIn }];
      if (view.plan) {
        rows.push({ label: 'Your plan’s low month', value: view.plan.low });
        rows.push({ label: 'Your plan’s expected month', value: view.plan.expected });
      }
      rows.push({ label: 'Profit', value: last.profit }, { label: 'Tax to have set aside', value: last.setAside });
      const nodes: Node[] = [definitionList(rows)];
      if (last.againstPlan) nodes.push(el('p', { class: 'hint', id: 'against-plan' }, last.againstPlan));
      nodes.push(
        last.uncategorised > 0
          ? el(
              'p',
              { class: 'note', id: 'uncategorised' },
              `${last.uncategorised} row${last.uncategorised === 1 ? '' : 's'} not yet categorised. `,
              uncategorisedButton('show-uncategorised', { year: books.year, month: last.month }),
            )
          : el('p', { class: 'hint', id: 'uncategorised' }, 'Every row of the month has a category.'),
      );
      lastMonthBody.replaceChildren(...nodes);
    } else lastMonthBody.replaceChildren(el('p', { class: 'note' }, books.lastMonthNote));

    const y = books.yearToDate;
    yearTitle.textContent = `The year so far: ${books.yearLabel}`;
    yearBody.replaceChildren(
      definitionList([
        { label: 'Profit', value: y.profit },
        { label: 'Tax set aside at your rate', value: y.setAside },
        { label: 'Estimated tax for the year', value: y.estimatedTax || '–' },
        { label: y.taxPaidLabel || 'Tax paid', value: y.taxPaid },
      ]),
      el('p', { class: 'hint', id: 'estimate-basis' }, y.estimateBasis),
      // Money in with no category is in no profit above until it has one: the count says so, with its rows.
      y.uncategorised > 0
        ? el(
            'p',
            { class: 'note', id: 'year-uncategorised' },
            `${y.uncategorised} row${y.uncategorised === 1 ? '' : 's'} of ${books.yearLabel} not yet categorised (in no profit until categorised). `,
            uncategorisedButton('show-year-uncategorised', { year: books.year }),
            ' · ',
            similarLink(),
          )
        : el('p', { class: 'hint', id: 'year-uncategorised' }, `Every row of ${books.yearLabel} has a category.`),
    );
  }

  renderOwed(view.owed);

  historySection.hidden = !view.plan;
  if (view.plan) {
    historyLabel.textContent = `${view.plan.sheetName}: ${view.plan.historyLabel}.`;
    historySwitch.textContent = view.plan.onBooks ? 'Use my own figures again' : 'Use my actual months in the plan';
    historySwitch.hidden = !view.plan.onBooks && !books;
  }
  setBusy(busy);
}

// ---- Categorise similar rows: a dropdown edit in the Ledger runs no script, so the page offers the rule ----

let similarBusy = false;

function setSimilarBusy(on: boolean): void {
  similarBusy = on;
  similarRefresh.disabled = on;
  for (const button of Array.from(similarList.querySelectorAll('button'))) (button as HTMLButtonElement).disabled = on;
}

const rowsText = (n: number): string => `${n} row${n === 1 ? '' : 's'}`;

/** What a group holds, in words: how many rows, how many still uncategorised, and what the person chose. */
function groupSummary(group: SimilarRowsGroup): string {
  const parts = [`${rowsText(group.rows)}, such as \u201c${group.example}\u201d`];
  if (group.uncategorised > 0) parts.push(`${group.uncategorised} not yet categorised`);
  if (group.categorisedByHand > 0) parts.push(`${group.categorisedByHand} categorised by you (${group.category})`);
  return `${parts.join(' · ')}.`;
}

/**
 * One group: its shared words and total, the category (the person's choice, when they made one) and the rule word,
 * which the person may change, and the two actions. Descriptions and words are the person's and the bank's text:
 * text nodes and input values only.
 */
function groupItem(group: SimilarRowsGroup, index: number, categories: readonly string[]): HTMLLIElement {
  const id = `similar-${index}`;
  const select = el('select', { id: `${id}-category`, 'aria-describedby': `${id}-error` });
  select.append(el('option', { value: '' }, 'Choose a category…'));
  for (const c of categories) {
    const option = el('option', { value: c }, c);
    if (c === group.category) option.selected = true;
    select.append(option);
  }
  const word = el('input', {
    type: 'text',
    id: `${id}-word`,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${id}-error`,
  });
  word.value = group.suggestedWord;
  const error = el('p', { class: 'error', id: `${id}-error`, role: 'alert' });
  const act = (name: 'leapMakeRule' | 'leapApplyToSimilar') => () => {
    if (similarBusy) return;
    error.textContent = '';
    word.removeAttribute('aria-invalid');
    select.removeAttribute('aria-invalid');
    setSimilarBusy(true);
    callServer(name, { word: word.value, category: select.value })
      .then(
        (result: RuleResult) => {
          similarStatus.textContent = result.message;
          similarStatus.hidden = false;
          renderSimilar(result.view);
          // The group's buttons are gone with the list drawn again: focus goes to what was done, not to the page top.
          similarStatus.focus();
          // The counts above move with the categories: read them again, as the sheets now show them.
          return callServer('leapGetCheckIn').then(render);
        },
        (failure: Error) => {
          error.textContent = failure.message;
          // The field the message names is the one to fix.
          if (/^The rule word/.test(failure.message)) word.setAttribute('aria-invalid', 'true');
          if (/^The Category/.test(failure.message)) select.setAttribute('aria-invalid', 'true');
        },
      )
      .catch((failure: Error) => showError(failure.message))
      .finally(() => setSimilarBusy(false));
  };
  const makeRule = el('button', { type: 'button', class: 'secondary', id: `${id}-make-rule` }, 'Make a rule');
  makeRule.addEventListener('click', act('leapMakeRule'));
  const apply = el('button', { type: 'button', class: 'secondary', id: `${id}-apply` }, 'Apply to similar rows');
  apply.addEventListener('click', act('leapApplyToSimilar'));
  return el(
    'li',
    { class: 'similar-group', id },
    el('div', { class: 'similar-head' }, el('strong', {}, group.key), el('span', { class: 'similar-total' }, group.total)),
    el('p', { class: 'hint' }, groupSummary(group)),
    el('label', { for: select.id }, 'Category'),
    select,
    el('label', { for: word.id }, 'Rule word (the description contains it)'),
    word,
    el('div', { class: 'similar-actions' }, makeRule, apply),
    error,
  );
}

function renderSimilar(view: SimilarRowsView): void {
  similarLoading.hidden = true;
  similarList.replaceChildren(...view.groups.map((g, i) => groupItem(g, i, view.categories)));
  if (view.groups.length === 0) {
    similarList.replaceChildren(
      el('li', { class: 'hint', id: 'similar-none' }, `Every row on ${view.ledgerName} has a category a rule gives.`),
    );
  }
  similarMore.hidden = view.more === 0;
  similarMore.textContent = `and ${view.more} more group${view.more === 1 ? '' : 's'}: categorise these first.`;
  setSimilarBusy(similarBusy);
}

function loadSimilar(): void {
  similarSection.hidden = false;
  similarLoading.hidden = false;
  setSimilarBusy(true);
  callServer('leapGetSimilarRows')
    .then(renderSimilar, (error: Error) => {
      similarLoading.hidden = true;
      showError(error.message);
    })
    .finally(() => setSimilarBusy(false));
}

similarRefresh.addEventListener('click', () => {
  if (similarBusy) return;
  serverError.textContent = '';
  similarStatus.hidden = true;
  loadSimilar();
});

showInvoicesButton.addEventListener('click', () => {
  serverError.textContent = '';
  callServer('leapShowInvoices').then(
    (shown) => {
      showInvoicesButton.textContent = `Showing ${shown.sheetName}`;
    },
    (error: Error) => showError(error.message),
  );
});

historySwitch.addEventListener('click', () => {
  if (!current?.plan || busy) return;
  serverError.textContent = '';
  setBusy(true);
  historySwitch.textContent = 'Building the plan again…';
  callServer('leapSetPlanHistory', current.plan.onBooks ? 'plan' : 'books')
    .then(render, (error: Error) => {
      showError(error.message);
      if (current) render(current);
    })
    .finally(() => setBusy(false));
});

snapshotButton.addEventListener('click', () => {
  if (busy) return;
  serverError.textContent = '';
  setBusy(true);
  snapshotStatus.textContent = 'Saving…';
  callServer('leapSaveCheckIn')
    .then(
      (saved) => {
        snapshotStatus.textContent = `Saved on ${saved.sheetName}, row ${saved.row}: leave date ${saved.shown['Leave date']}.`;
      },
      (error: Error) => {
        snapshotStatus.textContent = '';
        showError(error.message);
      },
    )
    .finally(() => setBusy(false));
});

// ---- Deposits that paid an invoice: its own section and server calls, so the rest of the page is untouched by it.

// The window is the server's own constant, so the words cannot drift from the rule.
byId('deposits-why').textContent =
  `Deposits in the Ledger of an open invoice's amount, to the cent, from its issue date to ${MATCH_DAYS_AFTER_DUE} days ` +
  "after it was due; those naming the client first. Confirm one, and the invoice's paid date is the deposit's date.";
const depositsSection = byId('deposits');
const depositsBody = byId('deposits-body');
const depositsStatus = byId('deposits-status');
let matching = false;

/** Refreshes the Owed to you totals after a match or an unmatch: the invoice's status has changed on the sheet. */
function refreshCheckIn(): void {
  callServer('leapGetCheckIn').then(render, (error: Error) => showError(error.message));
}

function afterMatch(done: string): (view: InvoiceMatchView) => void {
  return (view) => {
    renderDeposits(view);
    depositsStatus.textContent = done;
    refreshCheckIn();
  };
}

function failedMatch(error: Error): void {
  depositsStatus.textContent = '';
  showError(error.message);
}

/** Asks before writing: the match sets the invoice's paid date and notes the Ledger row. */
function confirmLine(invoice: OpenInvoiceView, deposit: DepositSuggestion, item: HTMLElement): HTMLElement {
  const yes = el('button', { type: 'button', class: 'primary', 'data-confirm': '' }, 'Confirm match');
  const no = el('button', { type: 'button', class: 'link' }, 'Cancel');
  const line = el(
    'div',
    { class: 'match-confirm', role: 'group', 'aria-label': 'Confirm the match' },
    `Invoice ${invoice.invoice} paid on ${deposit.date}?`,
    yes,
    no,
  );
  no.addEventListener('click', () => line.remove());
  yes.addEventListener('click', () => {
    if (matching) return;
    matching = true;
    serverError.textContent = '';
    depositsStatus.textContent = 'Matching…';
    yes.disabled = true;
    callServer('leapMatchInvoice', {
      invoiceRow: invoice.row,
      invoice: invoice.invoice,
      ledgerRow: deposit.ledgerRow,
      key: deposit.key,
    })
      .then(afterMatch(`Invoice ${invoice.invoice} is paid by the deposit of ${deposit.date}.`), failedMatch)
      .finally(() => {
        matching = false;
        yes.disabled = false;
      });
  });
  item.append(line);
  return line;
}

function suggestionItem(invoice: OpenInvoiceView, deposit: DepositSuggestion): HTMLElement {
  const button = el('button', { type: 'button', class: 'link small' }, 'Paid this');
  const item = el(
    'li',
    {},
    el('span', { class: 'match-deposit' }, `${deposit.date} · ${deposit.description}`),
    button,
    el('span', { class: 'match-why' }, deposit.byName ? 'Names the client; same amount' : 'Same amount; the client is not named'),
  );
  button.addEventListener('click', () => {
    if (!item.querySelector('.match-confirm')) confirmLine(invoice, deposit, item).querySelector('button')?.focus();
  });
  return item;
}

/** Open invoices with the deposits that could have paid them, and the matches made, each with Unmatch. Text nodes only. */
function renderDeposits(view: InvoiceMatchView): void {
  depositsSection.hidden = view.sheetName === null;
  const nodes: Node[] = view.open.map((invoice) =>
    el(
      'div',
      { class: 'match-invoice', 'data-invoice-row': String(invoice.row) },
      el(
        'p',
        {},
        el('span', { class: 'match-who' }, el('strong', {}, invoice.invoice), ` ${invoice.client}`),
        el('span', { class: 'overdue-amount' }, invoice.amount),
      ),
      el(
        'ul',
        { class: 'match-list', 'aria-label': `Deposits that may have paid ${invoice.invoice}` },
        ...invoice.suggestions.map((d) => suggestionItem(invoice, d)),
      ),
    ),
  );
  if (view.note) nodes.push(el('p', { class: 'hint', id: 'deposits-note' }, view.note));
  if (view.matched.length > 0) {
    nodes.push(
      el('h3', { class: 'match-heading' }, 'Matched to a deposit'),
      el(
        'ul',
        { class: 'match-list', id: 'matched-list', 'aria-label': 'Invoices matched to a deposit' },
        ...view.matched.map((m) => {
          const unmatch = el('button', { type: 'button', class: 'link small' }, 'Unmatch');
          unmatch.addEventListener('click', () => {
            if (matching) return;
            matching = true;
            serverError.textContent = '';
            callServer('leapUnmatchInvoice', { invoiceRow: m.row, invoice: m.invoice })
              .then(afterMatch(`Invoice ${m.invoice} is open again.`), failedMatch)
              .finally(() => {
                matching = false;
              });
          });
          return el(
            'li',
            {},
            el('span', { class: 'match-who' }, el('strong', {}, m.invoice), ` ${m.client}: paid ${m.paidOn || '–'}`),
            unmatch,
            el('span', { class: 'match-why' }, m.deposit ? `by ${m.deposit}` : 'The deposit is no longer in the Ledger'),
          );
        }),
      ),
    );
  }
  depositsBody.replaceChildren(...nodes);
}

callServer('leapGetInvoiceMatches').then(renderDeposits, (error: Error) =>
  showError(`The deposits could not be matched to invoices: ${error.message}`),
);

callServer('leapGetCheckIn').then(
  (view) => {
    render(view);
    if (view.books) loadSimilar();
  },
  (error: Error) => {
    loading.hidden = true;
    showError(`The check-in could not be read: ${error.message}`);
  },
);
