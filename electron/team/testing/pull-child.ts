// Test support: a pull in a process of its own, for a test to SIGKILL partway through.
// node electron/team/testing/pull-child.ts FILE SERVER_URL DOSSIER_ID PULL_BATCH (password in PGPASSWORD)
import { openDatabase } from '../../../db/open.ts';
import { connect } from '../connection.ts';
import { pullLog } from '../sync.ts';

const [file, server, dossierId, pullBatch] = process.argv.slice(2);
if (!file || !server || !dossierId || !pullBatch) {
  console.error('usage: pull-child.ts FILE SERVER_URL DOSSIER_ID PULL_BATCH');
  process.exit(2);
}
const db = openDatabase(file);
const client = await connect(server);
try {
  const pulled = await pullLog(client, db, Number(dossierId), { pullBatch: Number(pullBatch) });
  console.log(`pulled ${pulled}`);
} finally {
  await client.end();
  db.close();
}
