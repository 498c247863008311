/**
 * What EmbeddedChartBuilder.setOption accepts: Google Charts configuration options.
 *
 * Google, "Class EmbeddedChartBuilder", setOption(option, value)
 * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object)):
 * "Sets advanced options for this chart. To view a list of the available options, see Chart configuration options"
 * (https://developers.google.com/apps-script/chart-configuration-options), which for a line chart are those of
 * "Visualization: Line Chart", Configuration options
 * (https://developers.google.com/chart/interactive/docs/gallery/linechart#configuration-options). There, hAxis.format
 * and vAxis.format are "A format string for numeric or date axis labels": for numbers "a subset of the ICU pattern set"
 * (ICU DecimalFormat) or one of the presets 'none', 'decimal', 'scientific', 'currency', 'percent', 'short', 'long';
 * for dates an ICU date pattern (ICU SimpleDateFormat: "MMM d, y"), where M is the month and m the minute.
 *
 * Google's setOption refuses nothing: an unknown option is ignored and a Sheets number format such as `[$£]#,##0` is
 * printed as it is (in ICU, `[`, `$` and `]` are plain characters; only single quotes quote text). The emulator is
 * stricter: it refuses an option name the chart type does not have, and an axis format that is not an ICU pattern
 * or is a Sheets format (brackets, double quotes, `mmm` for months), so the mistake shows in tests instead of as
 * wrong labels on the person's chart.
 */

/** The line chart's options ("Visualization: Line Chart", Configuration options), by their top-level name. */
const LINE_CHART_OPTIONS = new Set([
  'aggregationTarget',
  'animation',
  'annotations',
  'axisTitlesPosition',
  'backgroundColor',
  'chartArea',
  'colors',
  'crosshair',
  'curveType',
  'dataOpacity',
  'enableInteractivity',
  'explorer',
  'focusTarget',
  'fontName',
  'fontSize',
  'forceIFrame',
  'hAxis',
  'height',
  'interpolateNulls',
  'legend',
  'lineDashStyle',
  'lineWidth',
  'orientation',
  'pointShape',
  'pointSize',
  'pointsVisible',
  'reverseCategories',
  'selectionMode',
  'series',
  'theme',
  'title',
  'titlePosition',
  'titleTextStyle',
  'tooltip',
  'trendlines',
  'vAxes',
  'vAxis',
  'width',
]);

/** Options each chart type has; a type missing here is not checked (the emulator does not know its options). */
const OPTIONS_BY_CHART_TYPE: Record<string, Set<string>> = { LINE: LINE_CHART_OPTIONS };

/** The members of hAxis and vAxis (the same page, hAxis.* and vAxis.*). */
const AXIS_OPTIONS = new Set([
  'allowContainerBoundaryTextCutoff',
  'baseline',
  'baselineColor',
  'direction',
  'format',
  'gridlines',
  'logScale',
  'maxAlternation',
  'maxTextLines',
  'maxValue',
  'minorGridlines',
  'minTextSpacing',
  'minValue',
  'scaleType',
  'showTextEvery',
  'slantedText',
  'slantedTextAngle',
  'textPosition',
  'textStyle',
  'ticks',
  'title',
  'titleTextStyle',
  'viewWindow',
  'viewWindowMode',
]);

/** Google Charts' named axis formats. */
export const AXIS_FORMAT_PRESETS = ['none', 'decimal', 'scientific', 'currency', 'percent', 'short', 'long'] as const;

/** ICU SimpleDateFormat's pattern letters; any other unquoted ASCII letter is reserved. */
const ICU_DATE_LETTERS = new Set('GyYuUrQqMLlwWdDFgEecabBhHKkjJCmsSAzZOvVXx');

/**
 * Why `pattern` is not an axis format Google Charts reads as intended, or undefined when it is one: a preset, an ICU
 * decimal pattern ("#,##0", "'£'#,##0", "¤#,##0.00", "0.0%") or an ICU date pattern ("MMM yyyy").
 */
export function axisFormatProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') return `an axis format is text, not ${typeof pattern}`;
  if ((AXIS_FORMAT_PRESETS as readonly string[]).includes(pattern)) return undefined;
  if (pattern.trim() === '') return `an empty axis format: give an ICU pattern or one of ${AXIS_FORMAT_PRESETS.join(', ')}`;
  // Quoted literal text ('£', 'k'; '' is a quote) is ICU's; what is left is the pattern's own syntax.
  const quotes = pattern.match(/'/g)?.length ?? 0;
  if (quotes % 2 === 1) return "an unclosed single quote: ICU quotes literal text in pairs ('£'#,##0)";
  const bare = pattern.replace(/'[^']*'/g, '');
  if (/\[[^\]]*\]/.test(bare)) {
    const section = /\[[^\]]*\]/.exec(bare)?.[0];
    return (
      `"${section}" is a Sheets number format section (currency, colour or condition), not ICU: Google Charts prints ` +
      "it as it is. Quote a currency symbol as ICU text ('£'#,##0) or use ¤ for the chart locale's currency"
    );
  }
  if (bare.includes('"'))
    return "double quotes are Sheets' quoting, not ICU's: Google Charts prints them. ICU quotes literal text with single quotes ('£'#,##0)";
  if (/[0#@]/.test(bare)) {
    // ICU DecimalFormat: prefix, number (digits, grouping, decimal point, exponent), suffix; ";" then the negative.
    const parts = bare.split(';');
    if (parts.length > 2)
      return "an ICU number pattern has at most two parts (positive;negative), not Sheets' three or four sections";
    for (const part of parts) {
      if (!/^[^0-9#@.,]*[#0-9@,.]*[0-9#@][#0-9@,.]*(?:E\+?0+)?[^0-9#@.,]*$/.test(part))
        return `"${part}" is not an ICU number pattern: digits (0 # , .) with text before or after them`;
    }
    return undefined;
  }
  // A date pattern: runs of ICU pattern letters with other characters between them.
  const letters = bare.match(/[A-Za-z]/g) ?? [];
  if (letters.length === 0) return `"${pattern}" has neither digits (0 #) nor date letters (y M d): it formats nothing`;
  const reserved = letters.find((l) => !ICU_DATE_LETTERS.has(l));
  if (reserved) return `"${reserved}" is no ICU date pattern letter (quote literal text: 'at')`;
  if (/m/.test(bare) && !/[hHkK]/.test(bare))
    return 'in ICU "m" is the minute, and there is no hour here: months are "M" (MMM yyyy), unlike Sheets\' mmm';
  if (/d{3,}/.test(bare))
    return 'in ICU "d" is the day of the month (d, dd): weekday names are "E" (EEE, EEEE), unlike Sheets\' ddd';
  return undefined;
}

/**
 * Why setOption(option, value) does not give a chart of this type what it asks for, or undefined. `type` is the
 * Charts.ChartType name, or '' when setChartType has not been called yet (then only the value is checked).
 */
export function chartOptionProblem(type: string, option: string, value: unknown): string | undefined {
  const top = option.split('.')[0];
  const known = OPTIONS_BY_CHART_TYPE[type];
  if (known && !known.has(top))
    return `a ${type.toLowerCase()} chart has no option "${top}" (Google Charts ignores it; see its Configuration options)`;
  // The option as the object Google Charts reads: setOption('vAxis.format', f) is { vAxis: { format: f } }.
  const nested = option.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
  const axes: [string, unknown][] = [];
  for (const name of ['hAxis', 'vAxis']) if (name in nested) axes.push([name, nested[name]]);
  const vAxes = nested.vAxes;
  if (vAxes && typeof vAxes === 'object') for (const [k, axis] of Object.entries(vAxes)) axes.push([`vAxes.${k}`, axis]);
  for (const [name, axis] of axes) {
    if (!axis || typeof axis !== 'object') continue;
    for (const [key, v] of Object.entries(axis as Record<string, unknown>)) {
      if (!AXIS_OPTIONS.has(key)) return `an axis has no option "${key}" (${name}.${key})`;
      if (key === 'format') {
        const problem = axisFormatProblem(v);
        if (problem) return `${name}.format ${JSON.stringify(v)}: ${problem}`;
      }
    }
  }
  return undefined;
}

/**
 * How Google Charts labels `value` on an axis with an ICU decimal pattern, in a chart of this locale (BCP 47 or
 * Sheets' en_GB form): the pattern's literal text unquoted around the number, its decimals and grouping, the
 * locale's separators, % scaling by 100; a negative value gets a minus before the prefix (ICU's default). Presets and date
 * patterns are not drawn here (undefined).
 */
export function axisLabel(pattern: string, value: number, locale: string): string | undefined {
  if (axisFormatProblem(pattern) || (AXIS_FORMAT_PRESETS as readonly string[]).includes(pattern)) return undefined;
  const positive = pattern.split(/;(?=(?:[^']*'[^']*')*[^']*$)/)[0];
  // Split into prefix, number and suffix outside quotes.
  const tokens = positive.match(/'[^']*'|[^']/g) ?? [];
  const isNumberChar = (t: string) => t.length === 1 && /[0-9#@,.]/.test(t);
  const first = tokens.findIndex(isNumberChar);
  if (first < 0) return undefined;
  let last = first;
  while (last + 1 < tokens.length && isNumberChar(tokens[last + 1])) last++;
  const text = (ts: string[]) => ts.map((t) => (t.startsWith("'") ? t.slice(1, -1) || "'" : t)).join('');
  const number = tokens.slice(first, last + 1).join('');
  // An unquoted % (‰) in ICU multiplies by 100 (1000).
  const affixes = [...tokens.slice(0, first), ...tokens.slice(last + 1)];
  const scale = affixes.includes('%') ? 100 : affixes.includes('‰') ? 1000 : 1;
  const decimals = (number.split('.')[1] ?? '').length;
  const shown = new Intl.NumberFormat(locale.replace('_', '-'), {
    minimumFractionDigits: (number.split('.')[1] ?? '').replace(/#/g, '').length,
    maximumFractionDigits: decimals,
    useGrouping: number.includes(','),
  }).format(Math.abs(value) * scale);
  return `${value < 0 ? '-' : ''}${text(tokens.slice(0, first))}${shown}${text(tokens.slice(last + 1))}`;
}
