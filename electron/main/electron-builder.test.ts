// electron-builder.yml checked against electron-builder's own schema, and the settings security depends on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(
  readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as Record<string, unknown>;
const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function errorsOf(candidate: unknown): string {
  return validate(candidate) ? '' : JSON.stringify(validate.errors, null, 2);
}

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    expect(errorsOf(config)).toBe('');
  });

  it('would be refused with an unknown or misspelt key, at the top or nested', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(errorsOf({ ...config, npmRebuilt: false })).not.toBe('');
    const fuses = config.electronFuses as Record<string, unknown>;
    expect(errorsOf({ ...config, electronFuses: { ...fuses, runAsNodes: false } })).not.toBe('');
  });

  it('flips the fuses that close Node and debugging back doors', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs into asar, unpacks better-sqlite3 and rebuilds nothing', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('ships the bundles and migrations, not sources or tests', () => {
    expect(config.appId).toBe('org.pledgewatch.app');
    expect(config.productName).toBe('Pledgewatch');
    expect(config.directories).toEqual({ output: 'release' });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'db/migrations/*.sql', 'package.json']));
    const included = (config.files as string[]).filter((pattern) => !pattern.startsWith('!'));
    expect(included.every((pattern) => !/\.ts$|e2e|test/.test(pattern))).toBe(true);
  });

  it('registers the pledgewatch:// scheme that app-links.ts opens', () => {
    expect(config.protocols).toEqual([{ name: 'Pledgewatch link', schemes: ['pledgewatch'] }]);
  });

  it('builds the targets for each platform', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.deb).toMatchObject({ maintainer: expect.stringMatching(/<[^@\s]+@[^>\s]+>/) });
    expect(config.win).toMatchObject({ target: ['nsis'] });
    expect(config.mac).toMatchObject({ target: ['dmg'], category: 'public.app-category.productivity' });
  });

  it('points at the main bundle that electron/vite.config.ts writes', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/main.cjs');
  });
});
