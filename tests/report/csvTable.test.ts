import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText, parseTypedCsv, readCsvText } from '../../harness/report/csvTable.js';
import { forEachTraceRow } from '../../harness/report/traceReader.js';
import { mainStudyOf, readTrials, studiesOfKind, trialsOf, trialsSchema } from '../../harness/report/trials.js';

const schema = { name: 'text', value: 'number', maybe: 'optionalNumber', ok: 'boolean' } as const;

describe('reading the tidy CSVs', () => {
  it('decodes typed rows, ignoring extra columns and blank lines', () => {
    const rows = parseTypedCsv('name,value,maybe,ok,extra\na,1.5,,true,x\n\nb,-2,3,false,y\n', 'in.csv', schema);
    expect(rows).toEqual([{ name: 'a', value: 1.5, maybe: null, ok: true }, { name: 'b', value: -2, maybe: 3, ok: false }]);
  });

  it.each([
    ['', 'in.csv: empty file'],
    ['name,value,maybe,ok\n', 'in.csv: no data rows'],
    ['name,value,maybe,ok\na,1\n', 'in.csv: malformed CSV: Invalid Record Length'],
    ['name,value,maybe,ok\n"a,1,2,true\n', 'in.csv: malformed CSV: Quote Not Closed'],
    ['name,maybe\na,1\n', 'in.csv: header: missing columns value, ok'],
    ['name,value,maybe,ok\na,1,2,true\nb,abc,2,true\n', 'in.csv: line 3, column value: "abc" is not a number'],
    ['name,value,maybe,ok\na,1,2,perhaps\n', 'in.csv: line 2, column ok: "perhaps" is not a boolean'],
  ])('names the file and the place for %j', (text, message) => {
    expect(() => parseTypedCsv(text, 'in.csv', schema)).toThrow(message);
  });

  it('reports a missing file by its path', () => {
    expect(() => readCsvText('/nonexistent/trials.csv')).toThrow('/nonexistent/trials.csv: file not found');
  });

  it('accepts the harness\'s trials.csv header', () => {
    const header = Object.keys(trialsSchema).join(',');
    const cells = 'scaling-2/genetic/mid/n10/r1,scaling-2,genetic,10,mid,1,-5,40,90,,0.7,0.8,1,0.4,true,12.5,100,90,80,3,';
    const [trial] = parseTypedCsv(`${header}\n${cells},,scaling\n`, 'trials.csv', trialsSchema);
    expect(trial).toMatchObject({ trial_id: 'scaling-2/genetic/mid/n10/r1', experiments: 10, iterations: null, fitness: 0.7, valid: true, error: '', seed: '-5', rescheduling_population: '', kind: 'scaling' });
    // trials.csv of versions before the rescheduling_population and kind columns still reads (as '')
    const older = header.replace(/,rescheduling_population,kind$/, '');
    const [old] = parseTypedCsv(`${older}\n${cells}\n`, 'trials.csv', trialsSchema);
    expect(old.rescheduling_population).toBe('');
    expect(old.kind).toBe('');
    // a required column is still required
    expect(() => parseTypedCsv(`${older.replace('fitness,', '')}\n${cells.replace(',0.7,', ',')}\n`, 'trials.csv', trialsSchema)).toThrow(/missing column fitness/);
  });

  it('reads a study\'s kind, and for trials.csv without the column takes a study name that is a kind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trials-kind-'));
    const header = Object.keys(trialsSchema).filter((column) => column !== 'kind').join(',');
    const row = (study: string) => `${study}/genetic/mid/n10/r1,${study},genetic,10,mid,1,-5,40,90,,0.7,0.8,1,0.4,true,12.5,100,90,80,3,,`;
    writeFileSync(join(dir, 'old.csv'), `${header}\n${row('max-fitness')}\n${row('mystery')}\n`);
    expect(readTrials(join(dir, 'old.csv')).map((trial) => [trial.study, trial.kind])).toEqual([['max-fitness', 'max-fitness'], ['mystery', '']]);
    writeFileSync(join(dir, 'new.csv'), `${header},kind\n${row('scaling-2')},scaling\n${row('scaling')},scaling\n`);
    const trials = readTrials(join(dir, 'new.csv'));
    expect(trials.map((trial) => [trial.study, trial.kind])).toEqual([['scaling-2', 'scaling'], ['scaling', 'scaling']]);
    // the study named after its kind is the main one; each study can be asked for by name
    expect(studiesOfKind(trials, 'scaling')).toEqual(['scaling-2', 'scaling']);
    expect(mainStudyOf(trials, 'scaling')).toBe('scaling');
    expect(trialsOf(trials, 'scaling').map((trial) => trial.study)).toEqual(['scaling']);
    expect(trialsOf(trials, 'scaling', 'scaling-2').map((trial) => trial.study)).toEqual(['scaling-2']);
    expect(mainStudyOf(trials.slice(0, 1), 'scaling')).toBe('scaling-2');
    expect(trialsOf(trials, 'max-fitness')).toEqual([]);
  });

  it('keeps the file\'s text as written for tables', () => {
    const table = parseCsvText('a,b\n1,"x, y"\n', 't.csv');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records).toEqual([['1', 'x, y']]);
  });

  it('streams traces.csv and names the file on a malformed row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'traces-'));
    const path = join(dir, 'traces.csv');
    writeFileSync(path, 'trial_id,study,algorithm,experiments,ress,repetition,step,fitness\nt1,scaling,genetic,10,mid,1,0,0.5\nt1,scaling,genetic,10,mid,1,1,oops\n');
    await expect(forEachTraceRow(path, { study: 'scaling' }, () => {})).rejects.toThrow(`${path}: line 3, column fitness: "oops" is not a number`);
    const seen: number[] = [];
    await forEachTraceRow(path, { study: 'max-fitness' }, (row) => seen.push(row.step));
    expect(seen).toEqual([]);
    writeFileSync(path, '');
    await expect(forEachTraceRow(path, { study: 'scaling' }, () => {})).rejects.toThrow(`${path}: empty file`);
  });
});

describe('streaming CSV records', () => {
  it('splits plain lines and hands quoted ones (even across lines) to csv-parse', async () => {
    const { csvRecords } = await import('../../harness/report/csvRecordStream.js');
    const dir = mkdtempSync(join(tmpdir(), 'records-'));
    const path = join(dir, 'x.csv');
    writeFileSync(path, '\uFEFFa,b,c\r\n1,2,3\r\n\r\n"x, y",2,"multi\nline"\n4,"q""uote",6\n');
    const records: [number, string[]][] = [];
    for await (const { record, line } of csvRecords(path)) records.push([line, record]);
    expect(records).toEqual([[1, ['a', 'b', 'c']], [2, ['1', '2', '3']], [4, ['x, y', '2', 'multi\nline']], [6, ['4', 'q"uote', '6']]]);
    writeFileSync(path, 'a,b\n1,"open\n');
    await expect((async () => { for await (const _ of csvRecords(path)) void _; })()).rejects.toThrow('line 2');
  });
});
