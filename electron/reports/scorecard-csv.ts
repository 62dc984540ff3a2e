// The scorecard as CSV: one commitment a row, a status and a score column per party, then the row's
// figures. RFC 4180, UTF-8 with a byte order mark, formula-like text neutralised, as the other CSV.
import Papa from 'papaparse';
import { neutralise } from './cells.ts';
import type { Scorecard } from './scorecard.ts';
import { cellOf } from './scorecard-wording.ts';

const byteOrderMark = '\uFEFF';

/** The header: id, commitment, topic, the commitment's own status, then "<party> status", "<party> score", "<party> own" per party. */
export function scorecardCsvHeader(card: Scorecard): string[] {
  return [
    'id',
    'commitment',
    'topic',
    'commitment_status',
    ...card.parties.flatMap((party) => [`${party.name} status`, `${party.name} score`, `${party.name} own`]),
    'mean',
    'percent',
    'assessed',
    'unscored',
    'not_yet_assessed',
    'total',
  ];
}

const number = (value: number | null) => (value === null ? '' : String(value));

export function renderScorecardCsv(card: Scorecard): string {
  const rows = card.commitments.map((row) => [
    String(row.id),
    neutralise(row.title),
    neutralise(row.topic),
    neutralise(row.status?.name ?? ''),
    ...card.parties.flatMap((party) => {
      const cell = cellOf(row, party.id);
      if (!cell) return ['', '', ''];
      return [neutralise(cell.status?.name ?? ''), number(cell.score), cell.own ? 'yes' : 'no'];
    }),
    number(row.mean),
    number(row.percent),
    String(row.assessed),
    String(row.unscored),
    String(row.notYetAssessed),
    String(row.total),
  ]);
  const header = scorecardCsvHeader(card).map(neutralise);
  return byteOrderMark + Papa.unparse([header, ...rows], { newline: '\r\n', escapeFormulae: false }) + '\r\n';
}
