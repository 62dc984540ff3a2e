// Test support: a hand-made history for the scorecard, small enough to work out by hand. Two parties
// (Mexico, United States) and five commitments; parties' own statuses, fallbacks to the commitment's
// status, "not yet assessed" of a party's own, an unscored status, a commitment no party made, one
// announced late, a retracted update, and evidence behind one party's status.
import type { Database } from 'better-sqlite3';
import { createDossier, saveParty, saveTopic } from '../../db/reference.ts';
import { insertExcerpt, insertSource } from '../../db/sources.ts';
import { recordStatusUpdate, retractUpdates } from '../../db/status-updates.ts';
import { newCommitment, newStatusUpdate, statusIdOf } from '../../db/testing.ts';
import { insertCommitment } from '../../db/commitment-add.ts';

export interface HandMadeHistory {
  dossierId: number;
  mexico: number;
  us: number;
  fentanyl: number;
  firearms: number;
  reprieve: number;
  review: number;
  late: number;
  /** The United States' own "fulfilled" on the fentanyl pledge, which cites a quote. */
  usFentanylUpdate: number;
  quote: string;
}

export const quoteText = 'Seizures of fentanyl at the border doubled in the quarter.';

export function handMadeHistory(db: Database): HandMadeHistory {
  const dossierId = createDossier(db, 'Border pact', 'Hand-made history for the scorecard');
  const mexico = saveParty(db, { name: 'Mexico', kind: 'state', actsForId: null, aliases: [] });
  const us = saveParty(db, { name: 'United States', kind: 'state', actsForId: null, aliases: [] });
  const topic = (name: string, parentId: number | null) => saveTopic(db, { name, parentId, keywords: [] });
  const security = topic('security', null);
  const trade = topic('trade', null);
  // Due before anything is marked broken: nothing is called broken before its deadline.
  const add = (title: string, madeBy: number[], topicIds: number[], announcedOn = '2025-09-03') =>
    insertCommitment(
      db,
      newCommitment(dossierId, { title, madeBy, topicIds, announcedOn, deadline: { on: '2025-10-05' } }),
    );
  const fentanyl = add('Halt fentanyl flows', [mexico, us], [topic('fentanyl', security)]);
  const firearms = add('Curb firearms smuggling', [mexico, us], [topic('firearms', security)]);
  const reprieve = add('Tariff reprieve', [us], [topic('tariffs', trade)], '2025-07-31');
  const review = add('Joint review', [], [topic('USMCA', trade)]);
  const late = add('Announced later', [mexico], [], '2025-11-20');
  const record = (commitmentId: number, status: string, effectiveOn: string, partyId: number | null = null) =>
    recordStatusUpdate(
      db,
      newStatusUpdate(commitmentId, statusIdOf(db, status), effectiveOn, {
        note: `${status} from ${effectiveOn}`,
        partyId,
      }),
    );

  const text = `Officials said: ${quoteText} More to come.`;
  const sourceId = insertSource(db, {
    title: 'Border statistics',
    publisher: 'Customs agency',
    url: 'https://example.org/stats',
    publishedOn: '2025-09-30',
    language: 'en',
    fullText: text,
  });
  const start = text.indexOf(quoteText);
  const excerptId = insertExcerpt(db, sourceId, start, start + quoteText.length, 'A customs official');

  record(fentanyl, 'in progress', '2025-09-03');
  const usFentanylUpdate = recordStatusUpdate(
    db,
    newStatusUpdate(fentanyl, statusIdOf(db, 'fulfilled'), '2025-10-01', {
      note: 'Seizures doubled.',
      partyId: us,
      excerptId,
    }),
  );
  record(fentanyl, 'partially fulfilled', '2025-11-01', mexico);
  // Recorded and then undone: it must count nowhere.
  const undone = record(fentanyl, 'broken', '2025-11-20', us);
  retractUpdates(db, [undone], [], 'Recorded against the wrong party');

  record(firearms, 'announced', '2025-09-03');
  record(firearms, 'not yet assessed', '2025-09-05', us);
  record(firearms, 'broken', '2025-10-10');

  record(reprieve, 'in progress', '2025-08-01');
  record(reprieve, 'withdrawn', '2025-11-15');

  record(review, 'fulfilled', '2025-09-20');
  return {
    dossierId,
    mexico,
    us,
    fentanyl,
    firearms,
    reprieve,
    review,
    late,
    usFentanylUpdate,
    quote: quoteText,
  };
}
