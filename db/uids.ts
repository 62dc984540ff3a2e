// Ids that are the same on every machine for the rows that travel to a team: UUIDv7 (RFC 9562),
// 48 bits of Unix milliseconds then random bits, so they sort by creation and never collide.
// Migration 007's triggers give a row written without one the same kind of id.
import { randomUUID } from 'node:crypto';

/**
 * A random UUID (version 4, drawn from Node's pool of random bytes: an import of 100,000 rows asks
 * for 200,000 of these, and a fresh randomBytes(16) each is ten times slower) made version 7: its
 * first 48 bits become the time and its version digit 7; its 74 random bits and its variant stay.
 */
export function newUid(now: number = Date.now()): string {
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`;
}
