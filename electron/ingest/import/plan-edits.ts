// The fields a row changes on a commitment that already exists, each shown before and after.
import type {
  CommitmentChangesByName,
  CommitmentRef,
  PlannedDeadline,
  PlannedEdit,
} from '../../../db/import-plan.ts';
import type { ExistingCommitment } from './existing.ts';
import { refKey, type Matching } from './match.ts';
import type { ParsedCommitment } from './parse-rows.ts';

export function deadlineText(deadline: PlannedDeadline): string {
  if (deadline === null) return 'none';
  return 'on' in deadline ? deadline.on : `${deadline.amount} ${deadline.unit} from ${deadline.from}`;
}

function sameList(a: string[], b: string[]): boolean {
  const set = (items: string[]) =>
    JSON.stringify([...new Set(items.map((item) => item.toLowerCase()))].sort());
  return set(a) === set(b);
}

function parentText(ref: CommitmentRef | null, matching: Matching): string {
  if (ref === null) return 'none';
  if ('existing' in ref) return `commitment ${ref.existing}`;
  return `the new commitment on line ${matching.newLines[ref.new]}`;
}

/** Null when the row changes nothing; fields the file leaves out are never changes. */
export function describeEdit(
  row: ParsedCommitment,
  parent: CommitmentRef | null | undefined,
  before: ExistingCommitment,
  matching: Matching,
): PlannedEdit | null {
  const changes: CommitmentChangesByName = {};
  const changed: PlannedEdit['changed'] = [];
  const note = (field: string, from: string | null, to: string | null) =>
    changed.push({ field, from: from || '(empty)', to: to || '(empty)' });
  if (row.title !== undefined && row.title !== before.title.trim()) {
    changes.title = row.title;
    note('title', before.title, row.title);
  }
  if (row.summary !== undefined && row.summary !== before.summary.trim()) {
    changes.summary = row.summary;
    note('summary', before.summary, row.summary);
  }
  if (row.kind !== undefined && row.kind !== before.kind) {
    changes.kind = row.kind;
    note('kind', before.kind, row.kind);
  }
  const parentBefore = before.parentId === null ? null : { existing: before.parentId };
  if (parent !== undefined && refKey(parent) !== refKey(parentBefore)) {
    changes.parent = parent;
    note('parent_id', parentText(parentBefore, matching), parentText(parent, matching));
  }
  const lists = [
    ['topics', row.topics, before.topics],
    ['madeBy', row.madeBy, before.madeBy],
    ['owedTo', row.owedTo, before.owedTo],
  ] as const;
  const columns = { topics: 'topics', madeBy: 'made_by', owedTo: 'owed_to' };
  for (const [field, after, was] of lists) {
    if (after === undefined || sameList(after, was)) continue;
    changes[field] = after;
    note(columns[field], was.join('; '), after.join('; '));
  }
  if (row.announcedOn !== undefined && row.announcedOn !== before.announcedOn) {
    changes.announcedOn = row.announcedOn;
    note('announced_on', before.announcedOn, row.announcedOn);
  }
  if (row.deadline !== undefined && deadlineText(row.deadline) !== deadlineText(before.deadline)) {
    changes.deadline = row.deadline;
    note('deadline', deadlineText(before.deadline), deadlineText(row.deadline));
  }
  if (changed.length === 0) return null;
  return { ...row.place, id: before.id, title: row.title ?? before.title, changes, changed };
}
