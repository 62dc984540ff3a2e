// The scorecard through the API contract, as the view will call it: validated input, clear errors.
import { describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase } from '../../db/testing.ts';
import { handMadeHistory } from '../reports/scorecard-fixtures.ts';
import { callOperation } from './dispatch.ts';

function setUp() {
  const { db } = temporaryDatabase();
  return { db, ids: handMadeHistory(db) };
}

describe('getScorecard', () => {
  it('answers the scorecard of a scope on a day, compared with an earlier one', () => {
    const { db, ids } = setUp();
    const result = callOperation(db, 'getScorecard', {
      scope: { dossierId: ids.dossierId, asOf: '2025-12-01' },
      compare: '2025-10-15',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        day: '2025-12-01',
        parties: [
          { name: 'Mexico', mean: -0.5, percent: 25, assessed: 2, total: 3 },
          { name: 'United States', mean: 0, percent: 50, assessed: 2, total: 3 },
        ],
        changes: { comparedWith: '2025-10-15', parties: [{ meanChange: 0.5 }, { meanChange: -1 }] },
      },
    });
  });

  it('returns a page of rows, with figures that count the whole scope', () => {
    const { db, ids } = setUp();
    const result = callOperation(db, 'getScorecard', {
      scope: { dossierId: ids.dossierId, asOf: '2025-12-01' },
      offset: 1,
      limit: 2,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        commitmentCount: 5,
        commitments: [{ id: ids.firearms }, { id: ids.reprieve }],
        overall: { mean: 0, assessed: 5, total: 7 },
      },
    });
  });

  it('refuses a comparison with a later day, naming the field, and writes nothing', () => {
    const { db } = setUp();
    const before = fingerprint(db);
    expect(
      callOperation(db, 'getScorecard', { scope: { asOf: '2025-10-01' }, compare: '2025-11-01' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'A scorecard of 2025-10-01 can only be compared with an earlier day, not 2025-11-01.',
        issues: [
          {
            path: 'compare',
            message: 'A scorecard of 2025-10-01 can only be compared with an earlier day, not 2025-11-01.',
          },
        ],
      },
    });
    expect(callOperation(db, 'getScorecard', { compare: '2025-13-01' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: 'compare', message: 'must be a date written YYYY-MM-DD' }],
      },
    });
    expect(fingerprint(db)).toBe(before);
  });
});

describe('getScorecardCell', () => {
  it('gives the evidence behind a cell', () => {
    const { db, ids } = setUp();
    expect(
      callOperation(db, 'getScorecardCell', {
        commitmentId: ids.fentanyl,
        partyId: ids.us,
        asOf: '2025-12-01',
      }),
    ).toMatchObject({
      ok: true,
      value: {
        own: true,
        status: { name: 'fulfilled' },
        update: { evidence: { text: ids.quote, source: { url: 'https://example.org/stats' } } },
      },
    });
  });

  it('says which party did not make the commitment', () => {
    const { db, ids } = setUp();
    expect(
      callOperation(db, 'getScorecardCell', { commitmentId: ids.reprieve, partyId: ids.mexico }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Mexico did not make “Tariff reprieve”, so it has no cell in the scorecard.',
        issues: [
          {
            path: 'partyId',
            message: 'Mexico did not make “Tariff reprieve”, so it has no cell in the scorecard.',
          },
        ],
      },
    });
  });
});
