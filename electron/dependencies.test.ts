// npm's advisory service is out of reach here, so production dependencies stay few, and each is named in
// the README's "Dependencies and why" with the reason it is needed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const dependencies = Object.keys(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ??
    {},
);
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The section's text up to the next heading of its level or above. */
function section(heading: string): string {
  const start = readme.indexOf(`## ${heading}`);
  if (start < 0) return '';
  const next = readme.slice(start + 3).search(/^#{1,2} /m);
  return next < 0 ? readme.slice(start) : readme.slice(start, start + 3 + next);
}

describe('production dependencies', () => {
  const listed = section('Dependencies and why');

  it('are listed in the README, each with why', () => {
    expect(listed, 'README.md has a "## Dependencies and why" section').not.toBe('');
    const missing = dependencies.filter(
      (name) =>
        !new RegExp(`^- \`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`[^:\\n]*: \\S`, 'm').test(listed),
    );
    expect(missing, 'dependencies with no "- `name` …: why" line in README.md').toEqual([]);
  });
});
