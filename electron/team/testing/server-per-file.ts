// Test support: one team server for all the tests of a file, started before the first and destroyed
// after the last. Apart from team-server.ts because it registers vitest hooks, and the bench uses that.
import { afterAll, beforeAll } from 'vitest';
import type { NewMember } from '../members.ts';
import { TeamServer } from './team-server.ts';

/** Registers the hooks; `team.server` is the running server inside a test. */
export function serverPerFile(members: NewMember[]): { readonly server: TeamServer } {
  let server: TeamServer | undefined;
  beforeAll(async () => {
    server = await TeamServer.start(members);
  }, 120_000);
  afterAll(() => server?.destroy());
  return {
    get server() {
      if (!server) throw new Error('The team server is not started yet: use it inside a test.');
      return server;
    },
  };
}
