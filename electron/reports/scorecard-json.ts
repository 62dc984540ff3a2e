// The scorecard as JSON: a documented, versioned shape (see README, "JSON scorecard").
import type { CellState, Scorecard } from './scorecard.ts';
import type { Tally } from '../domain/compliance.ts';

export const jsonScorecardSchema = 'pledgewatch.scorecard/1';

function figures(tally: Tally) {
  return {
    mean: tally.mean,
    percent: tally.percent,
    assessed: tally.assessed,
    unscored: tally.unscored,
    not_yet_assessed: tally.notYetAssessed,
    total: tally.total,
  };
}

const state = (cell: CellState) => ({ status: cell.status?.name ?? null, score: cell.score, own: cell.own });

function changesDocument(changes: NonNullable<Scorecard['changes']>) {
  return {
    compared_with: changes.comparedWith,
    parties: changes.parties.map((party) => ({
      party: party.party,
      mean_before: party.before.mean,
      mean: party.after.mean,
      mean_change: party.meanChange,
      percent_before: party.before.percent,
      percent: party.after.percent,
      assessed_before: party.before.assessed,
      assessed: party.after.assessed,
    })),
    overall: {
      mean_before: changes.overall.before.mean,
      mean: changes.overall.after.mean,
      mean_change: changes.overall.meanChange,
    },
    cells: changes.cells.map((change) => ({
      commitment_id: change.commitmentId,
      party: change.party,
      from: state(change.from),
      to: state(change.to),
    })),
  };
}

export function renderScorecardJson(card: Scorecard): string {
  const document = {
    schema: jsonScorecardSchema,
    generated_at: card.generatedAt,
    as_of: card.asOf,
    day: card.day,
    data_through: card.dataThrough,
    scope: card.scope,
    scores: card.statuses.map((status) => ({
      status: status.name,
      score: status.score,
      assessed: status.assessed,
    })),
    parties: card.parties.map((party) => ({ party: party.name, ...figures(party) })),
    overall: figures(card.overall),
    topics: card.topics.map((topic) => ({ topic: topic.topic, ...figures(topic) })),
    commitments: card.commitments.map((row) => ({
      id: row.id,
      title: row.title,
      topic: row.topic,
      status: row.status?.name ?? null,
      ...figures(row),
      cells: row.cells.map((cell) => ({
        party: cell.party,
        status: cell.status?.name ?? null,
        score: cell.score,
        own: cell.own,
        since: cell.since,
      })),
    })),
    changes: card.changes && changesDocument(card.changes),
  };
  return JSON.stringify(document, null, 2) + '\n';
}
