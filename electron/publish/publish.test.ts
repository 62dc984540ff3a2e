// Publishing a tracker: every page the index reaches exists, links stay inside the folder, nothing is
// fetched from anywhere, notes stay private unless asked for, and publishing again updates the same
// pages and removes only the ones it wrote that left the scope.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fingerprint, temporaryDatabase, temporaryFolder } from '../../db/testing.ts';
import { callOperationAsync } from '../api/dispatch.ts';
import { loadSample } from '../ingest/sample.ts';
import { manifestName, publishTracker } from './publish.ts';

function sampleDatabase(): Database {
  const { db } = temporaryDatabase();
  loadSample(db);
  return db;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

/** The targets of every href and src in a page, as files of the site (anchors and external links apart). */
function links(html: string): { local: string[]; external: string[]; sources: string[] } {
  const local: string[] = [];
  const external: string[] = [];
  for (const match of html.matchAll(/\shref="([^"]*)"/g)) {
    const target = match[1]!.replace(/&amp;/g, '&');
    if (target.startsWith('#')) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) external.push(target);
    else local.push(target.split('#')[0]!);
  }
  const sources = [...html.matchAll(/\ssrc="([^"]*)"/g)].map((match) => match[1]!);
  return { local, external, sources };
}

describe('publishing a tracker', () => {
  it('writes an index, a page per commitment and per source, all reachable and all inside the folder', async () => {
    const db = sampleDatabase();
    const folder = join(temporaryFolder(), 'site');
    const published = await publishTracker(db, { folder, scope: {}, title: 'US–Mexico tracker' });
    const commitments = db.prepare('SELECT count(*) FROM commitment WHERE deleted_at IS NULL').pluck().get();
    expect(published.commitmentCount).toBe(commitments);
    const files = filesUnder(folder);
    expect(files.filter((file) => file.startsWith('commitments/'))).toHaveLength(published.commitmentCount);
    expect(files.filter((file) => file.startsWith('sources/'))).toHaveLength(published.sourceCount);

    // Walk from the index: every page reachable, every local link a file of the site.
    const seen = new Set<string>();
    const queue = ['index.html'];
    while (queue.length > 0) {
      const page = queue.shift()!;
      if (seen.has(page)) continue;
      seen.add(page);
      const html = readFileSync(join(folder, page), 'utf8');
      expect(html).not.toMatch(/<script|<iframe|<img|@import|url\(/i);
      const found = links(html);
      expect(found.sources).toEqual([]);
      for (const target of found.local) {
        const file = normalize(join(dirname(page), target));
        expect(file.startsWith('..'), `${page} links outside the site: ${target}`).toBe(false);
        expect(existsSync(join(folder, file)), `${page} links to a missing ${target}`).toBe(true);
        if (file.endsWith('.html')) queue.push(file);
      }
      // Links out are only the sources' own addresses, for a reader to follow.
      for (const target of found.external) expect(target).toMatch(/^https?:\/\//);
    }
    expect([...seen].sort()).toEqual(files.filter((file) => file.endsWith('.html')));
    const index = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(index).toContain('<title>US–Mexico tracker</title>');
    expect(index).toContain('Passed with no update since');
  });

  it('leaves the notes out unless asked for', async () => {
    const db = sampleDatabase();
    const notes = db
      .prepare(`SELECT note FROM status_update WHERE length(note) > 40`)
      .pluck()
      .all() as string[];
    expect(notes.length).toBeGreaterThan(0);
    // A distinctive stretch of plain words from each note, as it would read in the page.
    const phrases = notes.map((note) => note.replace(/[*_`[\]()#>]/g, '').slice(0, 30));
    const everything = (folder: string) =>
      filesUnder(folder)
        .map((file) => readFileSync(join(folder, file), 'utf8'))
        .join('\n')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');

    const privateSite = join(temporaryFolder(), 'site');
    await publishTracker(db, { folder: privateSite, scope: {} });
    for (const phrase of phrases) expect(everything(privateSite)).not.toContain(phrase);

    const withNotes = join(temporaryFolder(), 'site');
    await publishTracker(db, { folder: withNotes, scope: {}, includeNotes: true });
    expect(phrases.filter((phrase) => everything(withNotes).includes(phrase)).length).toBeGreaterThan(
      phrases.length / 2,
    );
  });

  it('publishes again over the same folder: the same page names, and the pages that left the scope gone', async () => {
    const db = sampleDatabase();
    const folder = join(temporaryFolder(), 'site');
    await publishTracker(db, { folder, scope: {} });
    const before = filesUnder(folder);
    writeFileSync(join(folder, 'about.html'), '<p>Our method</p>');

    const tariffs = db.prepare(`SELECT id FROM topic WHERE name = 'tariffs'`).pluck().get() as number;
    const narrower = await publishTracker(db, { folder, scope: { topicId: tariffs } });
    const after = filesUnder(folder);
    expect(narrower.removed).toBeGreaterThan(0);
    expect(after).toContain('about.html');
    const pagesAfter = after.filter((file) => file.startsWith('commitments/'));
    expect(pagesAfter).toHaveLength(narrower.commitmentCount);
    // Every page still there kept its name.
    for (const file of pagesAfter) expect(before).toContain(file);

    await publishTracker(db, { folder, scope: {} });
    expect(filesUnder(folder)).toEqual([...before, 'about.html'].sort());
    const manifest = JSON.parse(readFileSync(join(folder, manifestName), 'utf8')) as { pages: string[] };
    expect(manifest.pages).not.toContain('about.html');
  });

  it('refuses a folder it cannot use with one sentence, through the API, and changes nothing', async () => {
    const db = sampleDatabase();
    const before = fingerprint(db);
    const foreign = temporaryFolder();
    writeFileSync(join(foreign, 'thesis.docx'), 'mine');
    const file = join(temporaryFolder(), 'a-file');
    writeFileSync(file, '');
    const cases: [string, RegExp][] = [
      [foreign, /already holds files that Pledgewatch did not publish/],
      [file, /is a file, not a folder/],
      ['relative/site', /must be a full path/],
      [join(temporaryFolder(), 'missing', 'site'), /does not exist/],
    ];
    for (const [folder, message] of cases) {
      const result = await callOperationAsync(db, 'publishTracker', { folder });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input');
        expect(result.error.message).toMatch(message);
      }
    }
    expect(readdirSync(foreign)).toEqual(['thesis.docx']);
    expect(fingerprint(db)).toBe(before);
  });
});
