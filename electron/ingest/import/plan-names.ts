// Dossiers, parties and topics an import would create because the file names them and Pledgewatch has none.
import type { PlannedCommitment, PlannedEdit } from '../../../db/import-plan.ts';
import type { Vocabulary } from './existing.ts';

/** Names not known yet, each once, spelt as the file first spells it. */
function unknownNames(names: string[], known: Map<string, string>): string[] {
  const found = new Map<string, string>();
  // 100,000 rows name the same few parties: each spelling is looked at once.
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    const key = name.toLowerCase();
    if (!known.has(key) && !found.has(key)) found.set(key, name);
  }
  return [...found.values()];
}

/** Every level of each path: "trade › tariffs" needs "trade" too. */
function withAncestors(paths: string[]): string[] {
  return [...new Set(paths)].flatMap((path) => {
    const levels = path.split(' › ');
    return levels.map((_, depth) => levels.slice(0, depth + 1).join(' › '));
  });
}

export function newNames(
  vocabulary: Vocabulary,
  commitments: PlannedCommitment[],
  edits: PlannedEdit[],
): { newDossiers: string[]; newParties: string[]; newTopics: string[] } {
  const parties = [
    ...commitments.flatMap((c) => [...c.madeBy, ...c.owedTo]),
    ...edits.flatMap((e) => [...(e.changes.madeBy ?? []), ...(e.changes.owedTo ?? [])]),
  ];
  const topics = [...commitments.flatMap((c) => c.topics), ...edits.flatMap((e) => e.changes.topics ?? [])];
  return {
    newDossiers: unknownNames(
      commitments.map((c) => c.dossier),
      vocabulary.dossiers,
    ),
    newParties: unknownNames(parties, vocabulary.parties),
    newTopics: unknownNames(withAncestors(topics), vocabulary.topics),
  };
}
