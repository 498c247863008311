/**
 * The "Import bank statement…" page. The file is read and parsed here, in the browser (FileReader and
 * src/books/statement): nothing leaves the page but the rows sent to leapImportStatement. Every piece of file or
 * server text is set with textContent, never parsed as HTML.
 */

import type { LastImport } from '../src/books/lastImport';
import { describeProblem, MAX_STATEMENT_ROWS, type ParsedStatement, parseStatement } from '../src/books/statement';
import type { Delimiter } from '../src/books/statementCsv';
import { currencyWords } from '../src/books/statementCurrency';
import {
  importResultText,
  lastImportText,
  spokenDate,
  tooManyRowsText,
  undoQuestionText,
  undoResultText,
} from '../src/books/statementText';
import type { ColumnMapping, ImportPageStart, ImportRequest, StatementRow, UndoImportResult } from '../src/books/types';
import { PRODUCT_NAME } from '../src/brand';
import { dateAsShown, PLAIN_DATE_FORMAT } from '../src/plan/currency';
import { byId, el } from './dom';
import { callServer, serverErrorMessage } from './server';

const PREVIEW_ROWS = 10;
const PROBLEMS_SHOWN = 50;
const PASTE_DELAY_MS = 250;

const form = byId<HTMLFormElement>('import-form');
const fileInput = byId<HTMLInputElement>('statement-file');
const pasteBox = byId<HTMLTextAreaElement>('statement-text');
const statementSection = byId('statement');
const summary = byId('statement-summary');
const accountInput = byId<HTMLInputElement>('account');
const accountError = byId('err-account');
const orderQuestion = byId<HTMLFieldSetElement>('order-question');
const orderExample = byId('order-example');
const orderError = byId('err-order');
const mappingFields = byId('mapping-fields');
const previewCaption = byId('preview-caption');
const previewRows = byId('preview-rows');
const problemsBox = byId('problems');
const problemList = byId('problem-list');
const resultBox = byId('import-result');
const errorBox = byId('import-error');
const statusText = byId('import-status');
const importButton = byId<HTMLButtonElement>('import-button');
const layoutNote = byId('layout-note');
const signQuestion = byId<HTMLFieldSetElement>('sign-question');
const signWhy = byId('sign-why');
const signError = byId('err-sign');
const pendingField = byId('pending-field');
const includePendingBox = byId<HTMLInputElement>('include-pending');
const pendingLabel = byId('pending-label');
const currencyField = byId('currency-field');
const currencyNote = byId('currency-note');
const rateInput = byId<HTMLInputElement>('rate');
const rateHint = byId('rate-hint');
const rateError = byId('err-rate');
const lastImportBox = byId('last-import');
const lastImportLine = byId('last-import-text');
const undoButton = byId<HTMLButtonElement>('undo-button');
const undoConfirm = byId('undo-confirm');
const undoQuestion = byId('undo-question');
const undoConfirmButton = byId<HTMLButtonElement>('undo-confirm-button');
const undoCancelButton = byId<HTMLButtonElement>('undo-cancel-button');
const undoResultBox = byId('undo-result');

// ---- State ----

let text = '';
let parsed: ParsedStatement | null = null;
/** The day/month order was chosen by the person (or remembered from their last import of this layout). */
let orderAnswered = false;
/** The file looked like a card statement: the sign question stays on screen once asked, answered or not. */
let signAsked = false;
let accountEdited = false;
let importing = false;
let undoing = false;
/** The import "Undo last import" removes, as the server last reported it. */
let lastImport: LastImport | null = null;
let lookingUp = false;
let imported = false;
/** Each new text gets a number; a late answer about an older text is dropped. */
let textVersion = 0;
let pasteTimer: ReturnType<typeof setTimeout> | undefined;

// ---- Formatting as the spreadsheet writes it ----

/**
 * The document's date pattern and separators, from the page's first call (leapGetImportPage): the preview shows rows
 * as the Ledger will (en_US "Jul 1, 2027", en_GB "1 Jul 2027", de_DE "01.07.2027"), whatever the browser's language.
 * Nothing read from a file is shown before it arrives.
 */
let style: Pick<ImportPageStart, 'datePattern' | 'numbers'> | null = null;
/** If the first call fails: dates year first, which no reader takes the wrong way round. */
const PLAIN_STYLE = { datePattern: PLAIN_DATE_FORMAT, numbers: { group: ',', decimal: '.' } };
/** Said while the page runs on PLAIN_STYLE. */
let settingsProblem = '';

const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, (style ?? PLAIN_STYLE).numbers.group);
const showDate = (iso: string): string => dateAsShown(iso, (style ?? PLAIN_STYLE).datePattern);
const showCount = (n: number): string => grouped(String(n));
/** An amount with cents and the document's separators: -1,234.56 (en_US), -1.234,56 (de_DE). */
function showAmount(amount: number): string {
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.');
  return `${amount < 0 && Math.round(Math.abs(amount) * 100) > 0 ? '-' : ''}${grouped(whole)}${(style ?? PLAIN_STYLE).numbers.decimal}${cents}`;
}

// ---- Reading the statement ----

function readFileText(file: File, encoding: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file, encoding);
  });
}

async function openFile(file: File): Promise<void> {
  clearMessages();
  try {
    let content = await readFileText(file, 'utf-8');
    // Not UTF-8: many European banks still export Windows-1252 (ä, ö, ü, € would show as �).
    if (content.includes('\uFFFD')) content = await readFileText(file, 'windows-1252');
    pasteBox.value = '';
    if (!accountEdited) accountInput.value = file.name.replace(/\.[^.]+$/, '');
    loadText(content);
  } catch (e) {
    errorBox.textContent = `"${file.name}" could not be read: ${e instanceof Error ? e.message : String(e)}. Try saving it again from your bank's website.`;
  }
}

function loadText(content: string): void {
  text = content;
  textVersion++;
  lookingUp = false;
  orderAnswered = false;
  signAsked = false;
  includePendingBox.checked = false;
  rateInput.value = '';
  imported = false;
  resultBox.replaceChildren();
  if (text.trim() === '') {
    parsed = null;
    render();
    return;
  }
  parsed = parseStatement(text);
  render();
  lookUpRememberedMapping(textVersion, parsed.layoutKey);
}

/** A file laid out like one imported before is read with the columns chosen then. */
function lookUpRememberedMapping(version: number, layoutKey: string): void {
  // Importing before the answer could send rows read with other columns than the ones about to be shown.
  lookingUp = true;
  updateButton();
  const done = () => {
    if (version !== textVersion) return;
    lookingUp = false;
    updateButton();
  };
  callServer('leapGetStatementMapping', layoutKey).then(
    (remembered) => {
      done();
      if (version !== textVersion || !remembered || !parsed || parsed.layoutKey !== layoutKey) return;
      // The same header can sit on another line of this file (a longer or shorter preamble): use where it is now.
      parsed = parseStatement(text, { mapping: { ...remembered, headerLine: parsed.mapping.headerLine } });
      orderAnswered = true;
      render();
      statusText.textContent = 'Read with the columns you chose for this layout last time.';
    },
    // Without the remembered mapping the detected one still works; the import itself reports real failures.
    done,
  );
}

function reparse(mapping: ColumnMapping): void {
  if (!parsed) return;
  imported = false;
  resultBox.replaceChildren();
  parsed = parseStatement(text, { mapping });
  render();
}

// ---- The mapping controls ----

const ORDER_LABELS: Record<ColumnMapping['dateOrder'], string> = {
  ymd: 'Year first (2026-03-05)',
  mdy: 'Month first (03/05/2026 is 5 March)',
  dmy: 'Day first (05/03/2026 is 5 March)',
};
const DELIMITER_LABELS: Record<Delimiter, string> = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab' };

function columnLabels(p: ParsedStatement): string[] {
  const width = Math.max(p.columnCount, p.header.length);
  return Array.from({ length: width }, (_, i) => {
    const name = p.header[i]?.trim();
    return name ? `${name} (column ${i + 1})` : `Column ${i + 1}`;
  });
}

function select(id: string, label: string, options: [string, string][], value: string, hint?: string): HTMLElement {
  const control = el(
    'select',
    { id, name: id, 'aria-describedby': hint ? `${id}-hint` : undefined },
    ...options.map(([v, text]) => el('option', { value: v }, text)),
  );
  control.value = value;
  return el(
    'div',
    { class: 'field' },
    el('label', { for: id }, label),
    control,
    ...(hint ? [el('span', { class: 'hint', id: `${id}-hint` }, hint)] : []),
  );
}

/** The controls are rebuilt only when the file's columns change, so focus stays where the person is. */
let controlsShape = '';

function renderMapping(p: ParsedStatement): void {
  const m = p.mapping;
  const labels = columnLabels(p);
  const split = m.amount === undefined;
  const shape = JSON.stringify([labels, split]);
  if (shape !== controlsShape) {
    controlsShape = shape;
    const focused = document.activeElement?.id;
    const columns: [string, string][] = labels.map((label, i) => [String(i), label]);
    const none: [string, string] = ['', 'None'];
    const description = el(
      'fieldset',
      { class: 'field', id: 'map-description' },
      el('legend', { class: 'group-label' }, 'Description from'),
      el(
        'div',
        { class: 'choices columns-list' },
        ...labels.map((label, i) =>
          el(
            'label',
            { class: 'choice' },
            el('input', { type: 'checkbox', name: 'map-description', value: String(i), id: `map-description-${i}` }),
            el('span', {}, label),
          ),
        ),
      ),
    );
    const amountKind = el(
      'fieldset',
      { class: 'field', id: 'map-amount-kind' },
      el('legend', { class: 'group-label' }, 'Amounts are in'),
      el(
        'div',
        { class: 'choices' },
        el(
          'label',
          { class: 'choice' },
          el('input', { type: 'radio', name: 'map-amount-kind', value: 'single', id: 'map-amount-single' }),
          el('span', {}, 'One column (money out negative)'),
        ),
        el(
          'label',
          { class: 'choice' },
          el('input', { type: 'radio', name: 'map-amount-kind', value: 'split', id: 'map-amount-split' }),
          el('span', {}, 'Two columns: paid out and paid in'),
        ),
      ),
    );
    mappingFields.replaceChildren(
      select('map-date', 'Date', columns, String(m.date)),
      description,
      amountKind,
      ...(split
        ? [
            select(
              'map-debit',
              'Paid out (withdrawals, debits)',
              [none, ...columns],
              m.debit === undefined ? '' : String(m.debit),
            ),
            select(
              'map-credit',
              'Paid in (deposits, credits)',
              [none, ...columns],
              m.credit === undefined ? '' : String(m.credit),
            ),
          ]
        : [
            select('map-amount', 'Amount', columns, String(m.amount)),
            el(
              'label',
              { class: 'choice' },
              el('input', { type: 'checkbox', id: 'map-charges-positive', name: 'map-charges-positive' }),
              el('span', {}, 'Charges are positive (a card statement)'),
            ),
          ]),
      select('map-fee', 'Fee (money out, added to the amount)', [none, ...columns], m.fee === undefined ? '' : String(m.fee)),
      select('map-state', 'Status (pending rows are kept out)', [none, ...columns], m.state === undefined ? '' : String(m.state)),
      select('map-order', 'Dates are written', Object.entries(ORDER_LABELS) as [string, string][], m.dateOrder),
      select(
        'map-decimal',
        'Amounts are written',
        [
          ['.', '1,234.56 (decimal point)'],
          [',', '1.234,56 (decimal comma)'],
        ],
        m.decimal,
      ),
      select('map-delimiter', 'Columns are separated by', Object.entries(DELIMITER_LABELS) as [string, string][], m.delimiter),
      el(
        'div',
        { class: 'field' },
        el('label', { for: 'map-header-line' }, 'Header is on line'),
        el('input', {
          type: 'text',
          id: 'map-header-line',
          name: 'map-header-line',
          inputmode: 'numeric',
          autocomplete: 'off',
          'aria-describedby': 'map-header-line-hint',
        }),
        el('span', { class: 'hint', id: 'map-header-line-hint' }, '0 when the file has no header line.'),
      ),
    );
    if (focused) document.getElementById(focused)?.focus();
  }
  const setValue = (id: string, value: string) => {
    const control = document.getElementById(id) as HTMLSelectElement | HTMLInputElement | null;
    if (control && control.value !== value && document.activeElement !== control) control.value = value;
  };
  setValue('map-date', String(m.date));
  setValue('map-amount', String(m.amount ?? ''));
  setValue('map-debit', m.debit === undefined ? '' : String(m.debit));
  setValue('map-credit', m.credit === undefined ? '' : String(m.credit));
  setValue('map-fee', m.fee === undefined ? '' : String(m.fee));
  setValue('map-state', m.state === undefined ? '' : String(m.state));
  const card = document.getElementById('map-charges-positive') as HTMLInputElement | null;
  if (card) card.checked = m.chargesPositive === true;
  setValue('map-order', m.dateOrder);
  setValue('map-decimal', m.decimal);
  setValue('map-delimiter', m.delimiter);
  setValue('map-header-line', String(m.headerLine));
  for (const box of mappingFields.querySelectorAll<HTMLInputElement>('input[name="map-description"]'))
    box.checked = m.description.includes(Number(box.value));
  byId<HTMLInputElement>(split ? 'map-amount-split' : 'map-amount-single').checked = true;
}

/** The mapping the controls show now; `changed` is the control the person just used. */
function mappingFromControls(changed: string): ColumnMapping | null {
  if (!parsed) return null;
  const value = (id: string) => (document.getElementById(id) as HTMLSelectElement | HTMLInputElement | null)?.value ?? '';
  const optional = (id: string) => (value(id) === '' ? undefined : Number(value(id)));
  const m = parsed.mapping;
  const description = [...mappingFields.querySelectorAll<HTMLInputElement>('input[name="map-description"]:checked')].map((b) =>
    Number(b.value),
  );
  const headerLine = /^\d+$/.test(value('map-header-line').trim()) ? Number(value('map-header-line').trim()) : m.headerLine;
  const next: ColumnMapping = {
    headerLine,
    date: Number(value('map-date')),
    description,
    dateOrder: value('map-order') as ColumnMapping['dateOrder'],
    decimal: value('map-decimal') as ColumnMapping['decimal'],
    delimiter: value('map-delimiter') as Delimiter,
  };
  const fee = optional('map-fee');
  if (fee !== undefined) next.fee = fee;
  const state = optional('map-state');
  if (state !== undefined) next.state = state;
  const kind = (mappingFields.querySelector('input[name="map-amount-kind"]:checked') as HTMLInputElement | null)?.value;
  // Whether charges are positive is the person's answer: kept until they change it, never set by another control.
  if (kind !== 'split') {
    const card = document.getElementById('map-charges-positive') as HTMLInputElement | null;
    if (changed === 'map-charges-positive' && card) next.chargesPositive = card.checked;
    else if (m.chargesPositive !== undefined) next.chargesPositive = m.chargesPositive;
  }
  if (changed.startsWith('map-amount-') && kind === 'split') {
    next.debit = m.amount;
  } else if (changed.startsWith('map-amount-') && kind === 'single') {
    next.amount = m.debit ?? m.credit ?? 0;
  } else if (kind === 'split') {
    next.debit = optional('map-debit');
    next.credit = optional('map-credit');
  } else {
    next.amount = Number(value('map-amount'));
  }
  return next;
}

function onMappingChange(event: Event): void {
  const target = event.target as HTMLElement;
  if (!parsed || !target.id?.startsWith('map-')) return;
  if (target.id === 'map-delimiter') {
    // Another delimiter means other columns: detect them afresh rather than keep indexes from the old split.
    const delimiter = (target as HTMLSelectElement).value as Delimiter;
    imported = false;
    resultBox.replaceChildren();
    parsed = parseStatement(text, { delimiter });
    render();
    return;
  }
  if (target.id === 'map-order') orderAnswered = true;
  const mapping = mappingFromControls(target.id);
  if (mapping) reparse(mapping);
}

// ---- Showing what was read ----

function renderQuestion(p: ParsedStatement): void {
  orderQuestion.hidden = !p.dayMonthAmbiguous;
  if (!p.dayMonthAmbiguous) return;
  const first = p.rows[0];
  const dmy = byId('order-dmy-text');
  const mdy = byId('order-mdy-text');
  if (first && (p.mapping.dateOrder === 'dmy' || p.mapping.dateOrder === 'mdy')) {
    const [y, a, b] = first.date.split('-');
    const swapped = `${y}-${b}-${a}`;
    const asRead = spokenDate(first.date);
    const other = spokenDate(swapped);
    orderExample.textContent = `Every date in this file could be read either way. Line ${first.line}, for example, is ${p.mapping.dateOrder === 'dmy' ? `${asRead} day first or ${other} month first` : `${other} day first or ${asRead} month first`}.`;
    dmy.textContent = `Day first: line ${first.line} is ${p.mapping.dateOrder === 'dmy' ? asRead : other}`;
    mdy.textContent = `Month first: line ${first.line} is ${p.mapping.dateOrder === 'mdy' ? asRead : other}`;
  } else {
    orderExample.textContent = 'Every date in this file could be read either way (03/05/2026 is 3 May or March 5).';
    dmy.textContent = 'Day first (03/05/2026 is 3 May 2026)';
    mdy.textContent = 'Month first (03/05/2026 is March 5, 2026)';
  }
  for (const radio of orderQuestion.querySelectorAll<HTMLInputElement>('input[name="order-answer"]'))
    radio.checked = orderAnswered && radio.value === p.mapping.dateOrder;
}

/** The rows the import sends: the completed ones, and the pending ones when the person includes them. */
function rowsToImport(p: ParsedStatement): StatementRow[] {
  if (!includePendingBox.checked || p.pending.length === 0) return p.rows;
  return [...p.rows, ...p.pending].sort((a, b) => a.line - b.line);
}

/** The file looks like a card's and the person has not said which way its amounts go. */
const signUnanswered = (p: ParsedStatement): boolean =>
  signAsked && p.mapping.amount !== undefined && p.mapping.chargesPositive === undefined;

function renderSign(p: ParsedStatement): void {
  signAsked = signAsked || p.looksLikeCard;
  signQuestion.hidden = !(signAsked && p.mapping.amount !== undefined);
  if (signQuestion.hidden) return;
  const positive = p.rows.filter((r) => (p.mapping.chargesPositive ? r.amount < 0 : r.amount > 0)).length;
  signWhy.textContent =
    `${showCount(positive)} of ${showCount(p.rows.length)} amounts are written positive and the others are payments or ` +
    `refunds, as card statements (American Express, Discover) write them. ${PRODUCT_NAME} does not guess which way round they are.`;
  byId<HTMLInputElement>('sign-card').checked = p.mapping.chargesPositive === true;
  byId<HTMLInputElement>('sign-bank').checked = p.mapping.chargesPositive === false;
}

function renderLayoutNote(p: ParsedStatement): void {
  layoutNote.hidden = !p.layoutNote;
  layoutNote.textContent = p.layoutNote ?? '';
}

function renderPending(p: ParsedStatement): void {
  pendingField.hidden = p.pending.length === 0;
  const n = p.pending.length;
  pendingLabel.textContent = `Include ${showCount(n)} pending row${n === 1 ? '' : 's'} (line${n === 1 ? '' : 's'} ${p.pending.map((r) => r.line).join(', ')})`;
}

function renderCurrency(p: ParsedStatement): void {
  const named = p.currencies;
  currencyField.hidden = named.length === 0;
  rateInput.disabled = named.length > 1;
  if (named.length === 0) return;
  if (named.length > 1) {
    currencyNote.textContent =
      `This statement has amounts in ${named.map(currencyWords).join(' and ')}. A book holds one currency: ` +
      "export each currency's transactions on their own and import them one at a time.";
    rateHint.textContent = '';
    return;
  }
  const code = named[0] === '$' ? 'dollar' : named[0];
  currencyNote.textContent = `This statement's amounts are in ${currencyWords(named[0])}.`;
  rateHint.textContent =
    `Only if this spreadsheet keeps its books in another currency: how much of it one ${code} was worth. ` +
    "Each amount is converted and its row's Notes say so. Without a rate, a statement in another currency is refused.";
}

/** The rate typed for this import: undefined when empty, null when it is not a number above 0. */
function typedRate(): number | undefined | null {
  const typed = rateInput.value.trim();
  if (typed === '') return undefined;
  const rate = Number(typed.includes('.') ? typed.replace(/,/g, '') : typed.replace(',', '.'));
  return Number.isFinite(rate) && rate > 0 ? rate : null;
}

function renderPreview(p: ParsedStatement): void {
  const shown = rowsToImport(p).slice(0, PREVIEW_ROWS);
  previewRows.replaceChildren(
    ...shown.map((r) =>
      el(
        'tr',
        {},
        el('td', {}, showDate(r.date)),
        el('td', {}, r.description, ...(p.pending.includes(r) ? [' ', el('span', { class: 'tag' }, 'pending')] : [])),
        el('td', { class: r.amount < 0 ? 'num out' : 'num' }, showAmount(r.amount)),
      ),
    ),
  );
  const guessing =
    p.dayMonthAmbiguous && !orderAnswered
      ? ` Until you answer the question above, dates are shown ${p.mapping.dateOrder === 'dmy' ? 'day' : 'month'} first.`
      : '';
  previewCaption.textContent =
    (p.rows.length === 0
      ? 'No rows could be read yet: check the columns below the list of lines not read.'
      : p.rows.length > PREVIEW_ROWS
        ? `The first ${PREVIEW_ROWS} of ${showCount(p.rows.length)} rows, as they will be written to the Ledger.`
        : 'Every row, as it will be written to the Ledger.') + guessing;
}

function renderProblems(p: ParsedStatement): void {
  problemsBox.hidden = p.problems.length === 0;
  const items = p.problems.slice(0, PROBLEMS_SHOWN).map((problem) => el('li', {}, describeProblem(problem)));
  if (p.problems.length > PROBLEMS_SHOWN) items.push(el('li', {}, `and ${showCount(p.problems.length - PROBLEMS_SHOWN)} more`));
  problemList.replaceChildren(...items);
}

function renderSummary(p: ParsedStatement): void {
  const toImport = rowsToImport(p);
  const rows = toImport.length;
  const dates = toImport.map((r) => r.date).sort();
  // Until the day/month order is answered the dates are a guess: no span is shown from them.
  const settled = !p.dayMonthAmbiguous || orderAnswered;
  const span = rows && settled ? `, ${showDate(dates[0])} to ${showDate(dates[dates.length - 1])}` : '';
  const unread = p.problems.length ? `; ${showCount(p.problems.length)} line${p.problems.length === 1 ? '' : 's'} not read` : '';
  const kept = p.pending.length && !includePendingBox.checked ? `; ${showCount(p.pending.length)} pending kept out` : '';
  summary.textContent = `${showCount(rows)} row${rows === 1 ? '' : 's'}${span}${unread}${kept}.`;
  const tooMany = tooManyRowsText(rows);
  errorBox.textContent = tooMany ?? settingsProblem;
}

function render(): void {
  // Until the document's style is known nothing read is shown: a date drawn in the browser's style would be redrawn.
  statementSection.hidden = parsed === null || style === null;
  statusText.textContent = parsed && !style ? 'Reading the spreadsheet’s settings…' : '';
  if (!parsed || !style) {
    updateButton();
    return;
  }
  renderSummary(parsed);
  renderQuestion(parsed);
  renderLayoutNote(parsed);
  renderSign(parsed);
  renderPending(parsed);
  renderCurrency(parsed);
  renderMapping(parsed);
  // Nothing read: the columns are what needs changing, so they are shown.
  if (parsed.rows.length === 0) byId<HTMLDetailsElement>('mapping').open = true;
  renderPreview(parsed);
  renderProblems(parsed);
  updateButton();
}

function updateButton(): void {
  const rows = parsed ? rowsToImport(parsed).length : 0;
  importButton.textContent = imported ? 'Imported' : rows ? `Import ${showCount(rows)} row${rows === 1 ? '' : 's'}` : 'Import';
  // A question about the sign, or a statement in two currencies, must be settled first: nothing is guessed.
  const unsettled = parsed !== null && (signUnanswered(parsed) || parsed.currencies.length > 1);
  importButton.disabled =
    style === null || importing || undoing || lookingUp || imported || rows === 0 || rows > MAX_STATEMENT_ROWS || unsettled;
  // One change to the Ledger at a time: an undo while an import runs (or the reverse) waits for the other.
  undoButton.disabled = style === null || importing || undoing || lastImport === null;
  undoConfirmButton.disabled = importing || undoing;
  undoCancelButton.disabled = importing || undoing;
}

function clearMessages(): void {
  errorBox.textContent = '';
  accountError.textContent = '';
  accountInput.removeAttribute('aria-invalid');
  orderError.textContent = '';
  orderQuestion.removeAttribute('aria-invalid');
  signError.textContent = '';
  signQuestion.removeAttribute('aria-invalid');
  rateError.textContent = '';
  rateInput.removeAttribute('aria-invalid');
}

// ---- Importing ----

function submit(): void {
  if (!parsed || importing || lookingUp) return;
  clearMessages();
  const tooMany = tooManyRowsText(parsed.rows.length);
  if (tooMany) {
    errorBox.textContent = tooMany;
    return;
  }
  if (parsed.rows.length === 0) {
    errorBox.textContent = 'No rows could be read from this statement: check the columns and the lines not read.';
    return;
  }
  if (parsed.dayMonthAmbiguous && !orderAnswered) {
    orderError.textContent = 'Choose whether the dates are written day first or month first.';
    orderQuestion.setAttribute('aria-invalid', 'true');
    orderQuestion.querySelector<HTMLInputElement>('input')?.focus();
    return;
  }
  if (signUnanswered(parsed)) {
    signError.textContent = 'Choose whether this is a card statement, whose charges are written positive.';
    signQuestion.setAttribute('aria-invalid', 'true');
    signQuestion.querySelector<HTMLInputElement>('input')?.focus();
    return;
  }
  const rate = typedRate();
  if (rate === null) {
    rateError.textContent = 'Type the rate as a number above 0, such as 1.08, or leave it empty.';
    rateInput.setAttribute('aria-invalid', 'true');
    rateInput.focus();
    return;
  }
  const account = accountInput.value.trim();
  if (!account) {
    accountError.textContent = 'Type the account these rows belong to, e.g. Chase checking.';
    accountInput.setAttribute('aria-invalid', 'true');
    accountInput.focus();
    return;
  }
  const rows = rowsToImport(parsed);
  const request: ImportRequest = { rows, account, layoutKey: parsed.layoutKey, mapping: parsed.mapping };
  if (parsed.currencies.length === 1) request.currency = parsed.currencies[0];
  if (rate !== undefined) request.rate = rate;
  importing = true;
  updateButton();
  statusText.textContent = `Importing ${showCount(rows.length)} rows…`;
  callServer('leapImportStatement', request)
    .then(
      (result) => {
        imported = true;
        statusText.textContent = '';
        const message = el('p', { id: 'import-message', tabindex: '-1' }, importResultText(result, showDate));
        resultBox.replaceChildren(el('div', { class: 'success', role: 'status' }, message));
        if (result.lastImport) showLastImport(result.lastImport);
        message.focus();
      },
      (error: unknown) => {
        statusText.textContent = '';
        const message = serverErrorMessage(error);
        errorBox.textContent = `Nothing was imported: ${message}`;
        // Refused for its currency: the rate is what can fix it, so that is where the person is taken.
        if (/give the rate for this import|conversion rate was given/.test(message)) {
          rateError.textContent = /conversion rate was given/.test(message)
            ? 'Leave the rate empty: the statement is in the books’ own currency.'
            : 'Type the rate for this import, or import the statement into a spreadsheet kept in its currency.';
          rateInput.setAttribute('aria-invalid', 'true');
          rateInput.focus();
        }
      },
    )
    .finally(() => {
      importing = false;
      updateButton();
    });
}

// ---- Undoing the last import ----

function showLastImport(record: LastImport | null): void {
  lastImport = record;
  undoConfirm.hidden = true;
  undoResultBox.replaceChildren();
  lastImportBox.hidden = record === null;
  undoButton.hidden = record === null;
  lastImportLine.textContent = record ? lastImportText(record, showDate) : '';
  updateButton();
}

function undo(removeEdited: boolean): void {
  if (!lastImport || importing || undoing) return;
  clearMessages();
  undoing = true;
  undoResultBox.replaceChildren();
  updateButton();
  statusText.textContent = removeEdited ? 'Removing the rows of the last import…' : 'Undoing the last import…';
  callServer('leapUndoLastImport', { importId: lastImport.id, removeEdited })
    .then(
      (result: UndoImportResult) => {
        statusText.textContent = '';
        if (result.status === 'edited') {
          // Rows the person changed since: asked about, nothing removed yet.
          undoQuestion.textContent = undoQuestionText(result);
          undoConfirmButton.textContent = `Remove all ${showCount(result.edited.length)} changed row${result.edited.length === 1 ? '' : 's'} too`;
          undoConfirm.hidden = false;
          undoButton.hidden = true;
          undoConfirmButton.focus();
          return;
        }
        lastImport = null;
        undoConfirm.hidden = true;
        undoButton.hidden = true;
        lastImportLine.textContent = '';
        const message = el('p', { id: 'undo-message', tabindex: '-1' }, undoResultText(result));
        undoResultBox.replaceChildren(el('div', { class: 'success', role: 'status' }, message));
        // The rows are gone: importing the same statement again would add them again.
        imported = false;
        resultBox.replaceChildren();
        message.focus();
      },
      (error: unknown) => {
        statusText.textContent = '';
        errorBox.textContent = `Nothing was removed: ${serverErrorMessage(error)}`;
      },
    )
    .finally(() => {
      undoing = false;
      updateButton();
    });
}

undoButton.addEventListener('click', () => undo(false));
undoConfirmButton.addEventListener('click', () => undo(true));
undoCancelButton.addEventListener('click', () => {
  undoConfirm.hidden = true;
  undoButton.hidden = false;
  undoResultBox.replaceChildren(el('p', { class: 'hint', role: 'status' }, 'Kept: nothing was removed.'));
  undoButton.focus();
});

// ---- Events ----

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
});
pasteBox.addEventListener('input', () => {
  if (pasteTimer !== undefined) clearTimeout(pasteTimer);
  pasteTimer = setTimeout(() => {
    clearMessages();
    if (fileInput.value) fileInput.value = '';
    loadText(pasteBox.value);
  }, PASTE_DELAY_MS);
});
accountInput.addEventListener('input', () => {
  accountEdited = true;
  if (accountInput.value.trim()) {
    accountError.textContent = '';
    accountInput.removeAttribute('aria-invalid');
  }
});
orderQuestion.addEventListener('change', (event) => {
  const radio = event.target as HTMLInputElement;
  if (!parsed || radio.name !== 'order-answer') return;
  orderAnswered = true;
  orderError.textContent = '';
  orderQuestion.removeAttribute('aria-invalid');
  reparse({ ...parsed.mapping, dateOrder: radio.value as ColumnMapping['dateOrder'] });
  document.getElementById(radio.id)?.focus();
});
mappingFields.addEventListener('change', onMappingChange);
signQuestion.addEventListener('change', (event) => {
  const radio = event.target as HTMLInputElement;
  if (!parsed || radio.name !== 'sign-answer') return;
  signError.textContent = '';
  signQuestion.removeAttribute('aria-invalid');
  reparse({ ...parsed.mapping, chargesPositive: radio.value === 'card' });
  document.getElementById(radio.id)?.focus();
});
includePendingBox.addEventListener('change', () => {
  if (!parsed) return;
  imported = false;
  resultBox.replaceChildren();
  render();
});
rateInput.addEventListener('input', () => {
  rateError.textContent = '';
  rateInput.removeAttribute('aria-invalid');
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  submit();
});

render();
// The page's first call: the document's style (before any preview is drawn) and the last import, to offer its undo.
callServer('leapGetImportPage').then(
  (start) => {
    style = { datePattern: start.datePattern, numbers: start.numbers };
    showLastImport(start.lastImport);
    render();
  },
  (error: unknown) => {
    style = PLAIN_STYLE;
    settingsProblem = `${PRODUCT_NAME} could not read this spreadsheet's settings (${serverErrorMessage(error)}), so dates are shown year first. You can still import.`;
    errorBox.textContent = settingsProblem;
    render();
  },
);
performance.mark('leap-import-interactive');
