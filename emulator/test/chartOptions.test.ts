/**
 * EmbeddedChartBuilder.setOption takes Google Charts options: the emulator refuses an option a line chart does not
 * have and an axis format that is not an ICU pattern.
 * Google, "Class EmbeddedChartBuilder", setOption
 * (https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object))
 * points to "Chart configuration options" (https://developers.google.com/apps-script/chart-configuration-options);
 * the line chart's are "Visualization: Line Chart", Configuration options
 * (https://developers.google.com/chart/interactive/docs/gallery/linechart#configuration-options): hAxis/vAxis.format
 * is an ICU decimal pattern, a preset, or an ICU date pattern. Google itself refuses nothing (an unknown option is
 * ignored, "[$£]" is printed as it is): the emulator is stricter, so the mistake shows in tests.
 */

import { createEmulator } from '../src';
import { axisFormatProblem, axisLabel } from '../src/chartOptions';

function lineChart() {
  const sheet = createEmulator().spreadsheet.getActiveSheet();
  return sheet.newChart().setChartType('LINE').addRange(sheet.getRange('A1:B3'));
}

test.each([
  ['[$£]#,##0', /"\[\$£\]" is a Sheets number format section .* prints it as it is/],
  ['#,##0 [$€-407]', /"\[\$€-407\]" is a Sheets number format section/],
  ['[Red]#,##0', /"\[Red\]" is a Sheets number format section/],
  ['"£"#,##0', /double quotes are Sheets' quoting/],
  ['#,##0;(#,##0);"-"', /double quotes/],
  ['#,##0;(#,##0);0', /at most two parts/],
  ['mmm yyyy', /"m" is the minute.*MMM yyyy/],
  ['dddd, mmmm d', /"m" is the minute/],
  ['ddd d MMM', /weekday names are "E"/],
  ['yyyy-mm-dd', /"m" is the minute/],
  ["'£#,##0", /unclosed single quote/],
  ['month yyyy', /"o" is no ICU date pattern letter/],
  ['', /empty axis format/],
])('vAxis.format %j is refused', (format, message) => {
  expect(() => lineChart().setOption('vAxis.format', format)).toThrow(message);
  expect(() => lineChart().setOption('hAxis', { format })).toThrow(message);
  expect(() => lineChart().setOption('vAxes', { 0: { format } })).toThrow(message);
});

test.each([
  '#,##0',
  "'£'#,##0",
  "#,##0 '€'",
  "'CHF' #,##0.00",
  '¤#,##0.00',
  '$#,##0;($#,##0)',
  '0.0%',
  '#,##0.###E0',
  'short',
  'currency',
  'none',
  'MMM yyyy',
  "MMM d, y 'at' HH:mm",
  'h:mm a',
])('vAxis.format %j is an ICU pattern or a preset', (format) => {
  expect(axisFormatProblem(format)).toBeUndefined();
  expect(() => lineChart().setOption('vAxis.format', format).build()).not.toThrow();
});

test('option names: a line chart has title, vAxis.format, legend.position...; a misspelt one is refused', () => {
  const chart = lineChart()
    .setOption('title', 'Savings')
    .setOption('legend.position', 'bottom')
    .setOption('vAxis.viewWindow.min', 0)
    .setOption('series', { 0: { color: '#1a73e8' } });
  expect(chart.build().getOptions().get('title')).toBe('Savings');
  expect(() => lineChart().setOption('titel', 'Savings')).toThrow(`a line chart has no option "titel"`);
  expect(() => lineChart().setOption('vAxis.fromat', '#,##0')).toThrow('an axis has no option "fromat" (vAxis.fromat)');
  // Set before the type is known: checked when it is, at build().
  const sheet = createEmulator().spreadsheet.getActiveSheet();
  const early = sheet.newChart().addRange(sheet.getRange('A1:B3')).setOption('titel', 'x').setChartType('LINE');
  expect(() => early.build()).toThrow(`a line chart has no option "titel"`);
  // A chart type whose options the emulator does not list keeps any name, but its axis formats are still checked.
  expect(() => sheet.newChart().setChartType('COLUMN').setOption('isStacked', true)).not.toThrow();
  expect(() => sheet.newChart().setChartType('COLUMN').setOption('vAxis.format', '[$£]#,##0')).toThrow('Sheets number format');
});

test('axis labels as Google Charts draws an ICU pattern, in the chart locale', () => {
  expect(axisLabel("'£'#,##0", 1234.5, 'en_GB')).toBe('£1,235');
  expect(axisLabel("#,##0 '€'", 1234.5, 'de_DE')).toBe('1.235 €');
  expect(axisLabel("'CHF' #,##0.00", -1234.5, 'de_CH')).toBe("-CHF 1'234.50");
  expect(axisLabel('0.0%', 0.25, 'en_US')).toBe('25.0%');
  expect(axisLabel('MMM yyyy', 1, 'en_US')).toBeUndefined();
});
