/** The shared grid API: what blocks place, how formulas read declared cells, and the dependency graph it exposes. */
import { asText, Grid, HEADER_FILL, INPUT_FILL, longestChain } from '../../src/layout/grid';

/** A small budget sheet: an input, two key numbers, a table of months with a total, and a sentence. */
function budget(): Grid {
  const g = new Grid();
  g.heading(1, 1, { text: 'Budget' }, { fillThrough: 3, note: { text: 'Edit the shaded cells' } });
  // Declared before what it reads: formulas are written at build.
  g.figure({
    id: 'SAVED',
    row: 3,
    column: 2,
    label: 'Saved this year',
    value: (read) => `=${read.total('months', 'saved')}`,
    format: '$#,##0',
    bold: true,
    name: 'JW_SAVED',
  });
  g.input({
    id: 'RATE',
    row: 2,
    column: 2,
    label: 'Saving rate',
    value: { number: 0.1 },
    format: '0%',
    note: { text: 'Of pay' },
  });
  g.figure({
    id: 'TARGET',
    row: 4,
    column: 2,
    label: 'Target',
    value: (read) => `=GOAL(${read.cell('SAVED')})`,
    format: '$#,##0',
  });
  g.table({
    id: 'months',
    row: 6,
    column: 1,
    rows: 2,
    columns: [
      { key: 'month', header: 'Month', cell: ({ index }) => ({ text: `M${index + 1}` }), total: { text: 'Total' } },
      { key: 'pay', header: 'Pay', cell: () => ({ cell: { number: 100 }, format: '$#,##0', fill: INPUT_FILL }) },
      {
        key: 'saved',
        header: { cell: { text: 'Saved' }, bold: false },
        cell: ({ row }) => ({ cell: (read) => `=B${row}*${read.cell('RATE')}`, format: '$#,##0' }),
        total: { cell: (read) => `=SUM(${read.column('months', 'saved')})`, format: '$#,##0' },
      },
    ],
  });
  g.sentence({
    id: 'SAID',
    row: 11,
    column: 1,
    parts: (read) => ['You saved ', { expr: read.shown('SAVED') }, ' of a "target" ', { expr: read.shown('TARGET', '0') }, '.'],
  });
  g.name('JW_PAY', (read) => `${read.a1('RATE')}:${read.a1('SAVED')}`);
  g.rule((read) => ({ range: read.a1('SAVED'), when: 'numberLessThan', value: 0, background: '#f4c7c3' }));
  g.validation({ range: 'B7:B8', kind: 'checkbox' });
  return g;
}

test('cells land where declared: label | value | note, inputs shaded, tables with header and total, formats and weights', () => {
  const built = budget().build();
  expect([built.rows, built.columns]).toEqual([11, 3]);
  expect(built.cells[0]).toEqual([{ text: 'Budget' }, { text: 'Edit the shaded cells' }, null]);
  expect(built.backgrounds[0]).toEqual([HEADER_FILL, HEADER_FILL, HEADER_FILL]);
  expect(built.fontWeights[0]).toEqual(['bold', 'normal', 'normal']);
  expect(built.cells[1]).toEqual([{ text: 'Saving rate' }, { number: 0.1 }, { text: 'Of pay' }]);
  expect([built.backgrounds[1][1], built.numberFormats[1][1], built.numberFormats[1][0]]).toEqual([INPUT_FILL, '0%', 'General']);
  expect(built.cells[2][1]).toEqual({ formula: '=$C$9' });
  expect(built.cells[3][1]).toEqual({ formula: '=GOAL($B$3)' });
  expect(built.cells[5]).toEqual([{ text: 'Month' }, { text: 'Pay' }, { text: 'Saved' }]);
  // The header style is the default: a column's own header entry overrides part of it.
  expect(built.fontWeights[5]).toEqual(['bold', 'bold', 'normal']);
  expect(built.backgrounds[5]).toEqual([HEADER_FILL, HEADER_FILL, HEADER_FILL]);
  expect(built.cells[6]).toEqual([{ text: 'M1' }, { number: 100 }, { formula: '=B7*$B$2' }]);
  expect(built.cells[8]).toEqual([{ text: 'Total' }, null, { formula: '=SUM($C$7:$C$8)' }]);
  expect(built.backgrounds[8]).toEqual([HEADER_FILL, null, HEADER_FILL]);
  expect(built.numberFormats[8][2]).toBe('$#,##0');
  expect(built.cells[10][0]).toEqual({
    formula: `="You saved "&${asText('$B$3', '$#,##0')}&" of a ""target"" "&TEXT($B$4,"0")&"."`,
  });
  expect(built.namedRanges).toEqual({ JW_SAVED: 'B3', JW_PAY: 'B2:B3' });
  expect(built.conditionalRules).toEqual([{ range: 'B3', when: 'numberLessThan', value: 0, background: '#f4c7c3' }]);
  expect(built.validations).toEqual([{ range: 'B7:B8', kind: 'checkbox' }]);
});

test('the dependency graph: each declaration with its label, format, formulas and the declarations it reads', () => {
  const declarations = budget().declarations();
  const byId = Object.fromEntries(declarations.map((d) => [d.id, d]));
  expect(byId.SAVED).toEqual({
    id: 'SAVED',
    kind: 'figure',
    label: 'Saved this year',
    format: '$#,##0',
    name: 'JW_SAVED',
    formulas: ['=$C$9'],
    reads: ['months.saved'],
  });
  expect(byId.TARGET.reads).toEqual(['SAVED']);
  expect(byId.RATE).toMatchObject({ kind: 'input', formulas: [], reads: [] });
  // A table column is one node: its body and total; reading itself is no edge.
  expect(byId['months.saved']).toMatchObject({ kind: 'table column', formulas: ['=B7*$B$2', '=B8*$B$2', '=SUM($C$7:$C$8)'] });
  expect(byId['months.saved'].reads).toEqual(['RATE']);
  expect(byId.SAID.reads).toEqual(['SAVED', 'TARGET']);
  // Naming and colouring a cell reads nothing; labels and blank cells are no declarations.
  expect(declarations.map((d) => d.id).sort()).toEqual([
    'RATE',
    'SAID',
    'SAVED',
    'TARGET',
    'months.month',
    'months.pay',
    'months.saved',
  ]);
});

test('the longest chain counts only slow formulas, through the plain ones between them', () => {
  const g = new Grid();
  g.input({ id: 'a', row: 1, column: 2, value: { number: 1 } });
  g.figure({ id: 'b', row: 2, column: 2, value: (read) => `=SLOW(${read.cell('a')})` });
  g.figure({ id: 'c', row: 3, column: 2, value: (read) => `=${read.cell('b')}*2` });
  g.figure({ id: 'd', row: 4, column: 2, value: (read) => `=SLOW(${read.cell('c')})+${read.cell('a')}` });
  g.figure({ id: 'e', row: 5, column: 2, value: (read) => `=SLOW(${read.cell('a')})` });
  const slow = (f: string) => f.includes('SLOW(');
  expect(longestChain(g.declarations(), slow)).toEqual(['b', 'd']);
  expect(longestChain(g.declarations(), () => false)).toEqual([]);
});

test('mistakes fail the build: an unknown cell, a cell declared twice, a cycle, a sentence of a figure with no format', () => {
  const unknown = new Grid();
  unknown.figure({ id: 'x', row: 1, column: 2, value: (read) => `=${read.cell('nope')}` });
  expect(() => unknown.build()).toThrow('No cell is declared as nope');
  const twice = new Grid();
  twice.figure({ id: 'x', row: 1, column: 2, value: { number: 1 } });
  expect(() => twice.figure({ id: 'x', row: 2, column: 2, value: { number: 1 } })).toThrow('Two cells are declared as x');
  const noTable = new Grid();
  noTable.figure({ id: 'x', row: 1, column: 2, value: (read) => `=${read.total('t', 'k')}` });
  expect(() => noTable.build()).toThrow('No table is declared as t');
  const cycle = new Grid();
  cycle.figure({ id: 'x', row: 1, column: 2, value: (read) => `=${read.cell('y')}` });
  cycle.figure({ id: 'y', row: 2, column: 2, value: (read) => `=${read.cell('x')}` });
  expect(() => longestChain(cycle.declarations(), () => true)).toThrow('reads itself');
  const plain = new Grid();
  plain.figure({ id: 'x', row: 1, column: 2, value: { number: 1 } });
  plain.sentence({ id: 's', row: 2, column: 1, parts: (read) => [{ expr: read.shown('x') }] });
  expect(() => plain.build()).toThrow('x has no number format');
  const done = new Grid();
  done.build();
  expect(() => done.put(3, 1, null)).toThrow('The grid is built');
});

test('a range reads every declaration inside it, not only its corners', () => {
  const g = new Grid();
  [1, 2, 3].forEach((i) => {
    g.figure({ id: `p${i}`, row: i, column: 2, value: { number: i } });
  });
  g.figure({ id: 'total', row: 4, column: 2, value: (read) => `=SUM(${read.span('p1', 'p3')})` });
  g.table({
    id: 't',
    row: 6,
    column: 1,
    rows: 1,
    columns: ['a', 'b', 'c', 'sum'].map((key) => ({
      key,
      cell: ({ row }) => (key === 'sum' ? (read) => `=SUM(${read.inRowSpan('t', 'a', 'c', row)})` : { number: 1 }),
    })),
  });
  const built = g.build();
  expect(built.cells[3][1]).toEqual({ formula: '=SUM($B$1:$B$3)' });
  expect(built.cells[5][3]).toEqual({ formula: '=SUM(A6:C6)' });
  const reads = Object.fromEntries(g.declarations().map((d) => [d.id, d.reads]));
  expect(reads.total).toEqual(['p1', 'p2', 'p3']);
  expect(reads['t.sum']).toEqual(['t.a', 't.b', 't.c']);
});

test('a table may style its header and total its own way; a sentence may be bold', () => {
  const g = new Grid();
  g.table({
    id: 'cases',
    row: 1,
    column: 2,
    rows: 1,
    headerStyle: { bold: true },
    totalStyle: { fill: '#fff' },
    columns: [{ key: 'lean', header: 'Lean', cell: () => ({ number: 0.8 }), total: { number: 1 } }],
  });
  g.sentence({ id: 'headline', row: 4, column: 1, bold: true, parts: () => ['Leave on ', { expr: 'TODAY()' }] });
  const built = g.build();
  expect([built.fontWeights[0][1], built.backgrounds[0][1]]).toEqual(['bold', null]);
  expect([built.fontWeights[2][1], built.backgrounds[2][1]]).toEqual(['normal', '#fff']);
  expect([built.cells[3][0], built.fontWeights[3][0]]).toEqual([{ formula: '="Leave on "&TODAY()' }, 'bold']);
});

test('a cell of a spilled array reads the formula that spills it, absolute or relative', () => {
  const g = new Grid();
  g.figure({ id: 'bands', row: 2, column: 3, value: () => '=BANDS(1)', bold: true });
  g.put(5, 6, (read) => `=IF(${read.spill('bands', 3, 0, 'relative')}="","",${read.spill('bands', 1, 2)})`, 'zero');
  const built = g.build();
  expect(built.cells[4][5]).toEqual({ formula: '=IF(C5="","",$E$3)' });
  expect(g.declarations().find((d) => d.id === 'zero')?.reads).toEqual(['bands']);
  expect(longestChain(g.declarations(), (f) => f.includes('BANDS') || f.includes('IF('))).toEqual(['bands', 'zero']);
});
