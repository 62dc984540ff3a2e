// Ids of the dossiers, parties, topics and statuses an import names, found by name or created.
import type { Database } from 'better-sqlite3';
import { DomainError } from './errors.ts';
import { statement } from './statements.ts';

/**
 * Ids of dossiers, parties and topics by the names the file uses, whatever their case; what does
 * not exist yet is created (a party as an organisation, which the analyst can change later).
 */
export class NameIds {
  private readonly db: Database;
  private readonly cache = new Map<string, number>();
  /**
   * By the name exactly as written, for each kind: 100,000 rows repeat a few names, and each is
   * then found without being lower-cased again.
   */
  private readonly asWritten = {
    status: new Map<string, number>(),
    dossier: new Map<string, number>(),
    party: new Map<string, number>(),
    topic: new Map<string, number>(),
  };

  constructor(db: Database) {
    this.db = db;
  }

  private written(kind: keyof NameIds['asWritten'], name: string, find: () => number): number {
    const names = this.asWritten[kind];
    let id = names.get(name);
    if (id === undefined) {
      id = find();
      names.set(name, id);
    }
    return id;
  }

  private remember(key: string, find: () => number | undefined, create: () => number): number {
    let id = this.cache.get(key);
    if (id === undefined) {
      id = find() ?? create();
      this.cache.set(key, id);
    }
    return id;
  }

  status(name: string): number {
    return this.written('status', name, () => this.statusByName(name));
  }

  private statusByName(name: string): number {
    return this.remember(
      `status:${name.toLowerCase()}`,
      () =>
        statement<[string], { id: number }>(
          this.db,
          'SELECT id FROM status WHERE name = ? COLLATE NOCASE',
        ).get(name)?.id,
      () => {
        throw new DomainError('not_found', `There is no status “${name}”.`, 'statusId');
      },
    );
  }

  dossier(name: string): number {
    return this.written('dossier', name, () => this.dossierByName(name));
  }

  private dossierByName(name: string): number {
    return this.remember(
      `dossier:${name.toLowerCase()}`,
      () =>
        statement<[string], { id: number }>(
          this.db,
          'SELECT id FROM dossier WHERE name = ? COLLATE NOCASE',
        ).get(name)?.id,
      () => Number(statement(this.db, 'INSERT INTO dossier (name) VALUES (?)').run(name).lastInsertRowid),
    );
  }

  party(name: string): number {
    return this.written('party', name, () => this.partyByName(name));
  }

  private partyByName(name: string): number {
    return this.remember(
      `party:${name.toLowerCase()}`,
      () =>
        statement<[string], { id: number }>(
          this.db,
          'SELECT id FROM party WHERE name = ? COLLATE NOCASE',
        ).get(name)?.id,
      () =>
        Number(
          statement(this.db, `INSERT INTO party (name, kind) VALUES (?, 'organisation')`).run(name)
            .lastInsertRowid,
        ),
    );
  }

  topic(path: string): number {
    return this.written('topic', path, () => this.topicByPath(path));
  }

  /** "trade › tariffs": each level found or created under the one before. */
  private topicByPath(path: string): number {
    const find = statement<[number, string], { id: number }>(
      this.db,
      'SELECT id FROM topic WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE',
    );
    const insert = statement(this.db, 'INSERT INTO topic (parent_id, name) VALUES (?, ?)');
    const levels = path.split('›').map((level) => level.trim());
    let parentId: number | null = null;
    for (let depth = 0; depth < levels.length; depth += 1) {
      const name = levels[depth]!;
      const under: number | null = parentId;
      const key = `topic:${levels
        .slice(0, depth + 1)
        .join(' › ')
        .toLowerCase()}`;
      parentId = this.remember(
        key,
        () => find.get(under ?? 0, name)?.id,
        () => Number(insert.run(under, name).lastInsertRowid),
      );
    }
    if (parentId === null) throw new DomainError('invalid_input', 'A topic needs a name.', 'topicIds');
    return parentId;
  }
}
