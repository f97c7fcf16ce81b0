import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputs } from '../../harness/output/outputsCheck.js';
import { PROJECT_ROOT } from '../../harness/replicate/projectPaths.js';

describe('checkOutputs on a committed reference folder', () => {
  it('says a folder without journal and raw rows is a reference (derived files only), and a folder that lost a file with its journal present is stale', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'schedlab-reference-check-'));
    try {
      const copy = join(scratch, 'paper');
      cpSync(join(PROJECT_ROOT, 'results/reference/paper'), copy, { recursive: true });
      const reference = checkOutputs(copy);
      expect(reference.status).toBe('stale');
      expect(reference.status === 'stale' && reference.problem).toMatch(/has no journal\.jsonl and no traces\.csv, which manifest\.json lists: a committed reference folder keeps only derived files .*npm run reference/);
      writeFileSync(join(copy, 'journal.jsonl'), '');
      const lost = checkOutputs(copy);
      expect(lost.status === 'stale' && lost.problem).toMatch(/traces\.csv is missing although manifest\.json lists it$/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
