import { describe, expect, it } from 'vitest';
import { getCommitment } from './commitments.ts';
import { createDossier } from './reference.ts';
import { fingerprint, temporaryDatabase, newCommitment } from './testing.ts';
import { deleteCommitment, listTrash, restoreCommitment } from './trash.ts';
import { insertCommitment, type NewCommitment } from './commitment-add.ts';

function setUp() {
  const { db } = temporaryDatabase();
  const dossierId = createDossier(db, 'Bilateral', '');
  const add = (title: string, input: Partial<NewCommitment> = {}) =>
    insertCommitment(db, newCommitment(dossierId, { title, ...input }));
  return { db, add };
}

describe('the trash', () => {
  it('moves a deleted commitment to the trash, newest first, and restores it', () => {
    const { db, add } = setUp();
    const first = add('Open the border crossing');
    const second = add('Share intelligence on cartels');
    expect(deleteCommitment(db, first)).toBe(first);
    deleteCommitment(db, second);
    expect(listTrash(db)).toMatchObject([
      { id: second, title: 'Share intelligence on cartels', dossier: 'Bilateral' },
      { id: first, title: 'Open the border crossing' },
    ]);
    expect(listTrash(db)[0]!.deletedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(() => getCommitment(db, first)).toThrow(/No commitment/);
    expect(restoreCommitment(db, first)).toBe(first);
    expect(getCommitment(db, first).title).toBe('Open the border crossing');
    expect(listTrash(db).map((row) => row.id)).toEqual([second]);
  });

  it('refuses to delete a commitment that oversees others outside the trash, naming them', () => {
    const { db, add } = setUp();
    const group = add('Create an implementation group');
    add('Halt the flow of fentanyl', { parentId: group });
    const firearms = add('Curb firearms smuggling', { parentId: group });
    add('Keep migration under control', { parentId: group });
    const before = fingerprint(db);
    let error: unknown;
    try {
      deleteCommitment(db, group);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      code: 'conflict',
      path: 'id',
      message:
        'It oversees 3 commitments: “Halt the flow of fentanyl”, “Curb firearms smuggling”, “Keep migration under control”; move or delete them first.',
    });
    expect(fingerprint(db)).toBe(before);
    // Once its children are in the trash, it can follow them.
    for (const child of getCommitment(db, group).children) deleteCommitment(db, child.id);
    expect(deleteCommitment(db, group)).toBe(group);
    expect(listTrash(db).map((row) => row.id)).toContain(firearms);
  });

  it('refuses to restore a commitment whose parent is in the trash, naming the parent', () => {
    const { db, add } = setUp();
    const group = add('Create an implementation group');
    const child = add('Halt the flow of fentanyl', { parentId: group });
    deleteCommitment(db, child);
    deleteCommitment(db, group);
    const before = fingerprint(db);
    expect(() => restoreCommitment(db, child)).toThrow(
      expect.objectContaining({
        code: 'conflict',
        path: 'id',
        message: 'Its parent “Create an implementation group” is in the trash; restore it first.',
      }),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('treats a trashed commitment as not found for a second delete, and a live one for restore', () => {
    const { db, add } = setUp();
    const id = add('Open the border crossing');
    const live = add('Share intelligence');
    deleteCommitment(db, id);
    const before = fingerprint(db);
    expect(() => deleteCommitment(db, id)).toThrow(
      expect.objectContaining({
        code: 'not_found',
        message: `Commitment ${id} “Open the border crossing” is in the trash.`,
      }),
    );
    expect(() => restoreCommitment(db, live)).toThrow(
      expect.objectContaining({
        code: 'not_found',
        message: `No commitment with id ${live} is in the trash.`,
      }),
    );
    expect(() => deleteCommitment(db, 999)).toThrow(
      expect.objectContaining({ code: 'not_found', path: 'id' }),
    );
    expect(fingerprint(db)).toBe(before);
  });

  it('keeps a trashed commitment out of new children', () => {
    const { db, add } = setUp();
    const parent = add('Create an implementation group');
    deleteCommitment(db, parent);
    expect(() => add('A child', { parentId: parent })).toThrow(
      expect.objectContaining({ code: 'not_found', path: 'parentId' }),
    );
  });
});
