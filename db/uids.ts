// Ids that are the same on every machine for the rows that travel to a team: UUIDv7 (RFC 9562),
// 48 bits of Unix milliseconds then random bits, so they sort by creation and never collide.
// Migration 007's triggers give a row written without one the same kind of id.
import { randomBytes } from 'node:crypto';

export function newUid(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
