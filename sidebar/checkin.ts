/**
 * The monthly check-in page: last month and the year so far as the sheets display them, the switch between the
 * Books' months and the person's own figures as the plan's history, and the Check-ins snapshot.
 */
import type { CheckInView, OwedView } from '../src/protocol';
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

callServer('leapGetCheckIn').then(render, (error: Error) => {
  loading.hidden = true;
  showError(`The check-in could not be read: ${error.message}`);
});
