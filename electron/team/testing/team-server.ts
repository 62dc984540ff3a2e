// Test support: a team database set up on a throwaway cluster, and connections as its admin or its members.
import type pg from 'pg';
import { connect } from '../connection.ts';
import { addMember, type NewMember } from '../members.ts';
import { initServer } from '../server-schema.ts';
import { startCluster, type PgCluster } from './pg-cluster.ts';

/** Alice and Bob, who may both write: the two machines most team tests drive. */
export const twoWriters: NewMember[] = [
  { name: 'alice', write: true },
  { name: 'bob', write: true },
];

/** Every connection a test opened, so one call can close them all. */
export class TeamServer {
  readonly cluster: PgCluster;
  readonly #open = new Set<pg.Client>();

  constructor(cluster: PgCluster) {
    this.cluster = cluster;
  }

  /**
   * A server on a throwaway cluster of its own, for the tests of one file; with `members`, its schema is
   * set up and they are added (see setUp). Without, it is a bare cluster.
   */
  static async start(members?: NewMember[]): Promise<TeamServer> {
    const server = new TeamServer(await startCluster());
    if (members) await server.setUp(members);
    return server;
  }

  async admin(): Promise<pg.Client> {
    return this.#track(await connect(this.cluster.adminUrl));
  }

  async as(login: string, password = `${login}-pw`): Promise<pg.Client> {
    return this.#track(await connect(this.cluster.urlFor(login, password)));
  }

  /** Sets up the schema (once) and adds members whose password is NAME-pw unless given. */
  async setUp(members: NewMember[] = []): Promise<void> {
    const admin = await this.admin();
    try {
      await initServer(admin);
      for (const member of members) await addMember(admin, { password: `${member.name}-pw`, ...member });
    } finally {
      await this.close(admin);
    }
  }

  async close(client: pg.Client): Promise<void> {
    this.#open.delete(client);
    await client.end().catch(() => {});
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#open].map((client) => this.close(client)));
  }

  /** Closes every connection and destroys the cluster: after the last test of a file. */
  async destroy(): Promise<void> {
    await this.closeAll();
    await this.cluster.destroy();
  }

  #track(client: pg.Client): pg.Client {
    // A server killed under a test must not crash the test run with an unhandled 'error' event.
    client.on('error', () => {});
    this.#open.add(client);
    return client;
  }
}
