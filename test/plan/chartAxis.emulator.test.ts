/**
 * The plan's charts label money on their vertical axis in the spreadsheet's currency, with an axis format Google
 * Charts reads: an ICU pattern, not a Sheets number format. EmbeddedChartBuilder.setOption takes Google Charts options
 * ("Class EmbeddedChartBuilder", setOption,
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder#setOption(String,Object));
 * vAxis.format is an ICU decimal or date pattern ("Visualization: Line Chart", Configuration options,
 * https://developers.google.com/chart/interactive/docs/gallery/linechart#configuration-options), where "[$£]" prints
 * as it is and "mm" is minutes. The emulator refuses both (emulator/test/chartOptions.test.ts).
 */
import { loadDist } from '../../emulator/src';
import { axisFormatProblem, axisLabel } from '../../emulator/src/chartOptions';
import { CHECKINS_SHEET } from '../../src/books/checkin';
import { chartMoneyFormat, LOCALE_CURRENCIES, moneyAsShown } from '../../src/plan/currency';
import { createLeapEmulator } from '../support/emulator';
import { SAMPLE_ANSWERS } from './sample';

test.each(Object.keys(LOCALE_CURRENCIES))('%s: the axis format is ICU and labels money as the cells show it', (locale) => {
  const format = chartMoneyFormat(locale);
  expect(axisFormatProblem(format)).toBeUndefined();
  // The same symbol, placement and spacing as a money cell of the plan (separators are the chart locale's).
  const label = axisLabel(format, 12345, locale) as string;
  expect(label).toContain(LOCALE_CURRENCIES[locale].symbol);
  const digits = (text: string) => text.replace(/\d[\d\s.,'’\u00a0\u202f]*\d/, '#');
  expect(digits(label)).toBe(digits(moneyAsShown(12345, locale)));
});

test('an unknown locale: no symbol on the axis either', () => {
  expect(chartMoneyFormat('xx_XX')).toBe('#,##0');
});

test.each(['en_US', 'en_GB', 'de_DE', 'en_CA', 'ja_JP', 'fr_FR', 'de_CH'])(
  '%s: the built plan and the Check-ins sheet set axis formats Google Charts reads',
  (locale) => {
    const em = createLeapEmulator({ timeZone: 'UTC', locale });
    loadDist(em);
    em.run('leapBuildPlan', SAMPLE_ANSWERS);
    const plan = em.workbook.getSheetByName('Transition Plan');
    const formats = plan?.getCharts().map((c) => c.getOptions().get('vAxis.format'));
    expect(formats).toEqual([chartMoneyFormat(locale), chartMoneyFormat(locale)]);
    expect(axisLabel(chartMoneyFormat(locale), 3200, locale)).toBe(moneyAsShownWithChartSeparators(3200, locale));
    em.run('leapSaveCheckIn');
    expect(em.workbook.getSheetByName(CHECKINS_SHEET)?.getCharts()[0].getOptions().get('vAxis.format')).toBe('MMM yyyy');
  },
);

/** What a plan cell shows for a whole amount, with the separators Node's ICU gives the chart locale. */
function moneyAsShownWithChartSeparators(amount: number, locale: string): string {
  const grouped = new Intl.NumberFormat(locale.replace('_', '-'), { maximumFractionDigits: 0 }).format(amount);
  return moneyAsShown(amount, locale).replace(/\d[\d\s.,'’\u00a0\u202f]*\d/, grouped);
}
