// The thread behind sqlite-writer.ts: its own connection to the SQLite file, running the
// statements it is sent in order. Writes answer nothing; reads (and sync points) answer with
// their rows or with the first failure since the last answer. Plain JavaScript: a worker
// starts in milliseconds without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { configureSqlite } from './sqlite-pragmas.js';

const connection = new SqliteDatabase(workerData.file);
configureSqlite(connection);
const statements = new Map();
/** The first failure since the last answer: the transaction it broke was rolled back. */
let failure = null;

parentPort.on('message', (message) => {
  if (message.close) {
    connection.close();
    parentPort.close();
    return;
  }
  const { sql, params, answer } = message;
  if (failure === null) {
    try {
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
      if (statement.reader) {
        const rows = statement.all(params);
        if (answer) parentPort.postMessage({ rows });
        return;
      }
      // A rollback after the failure that already rolled back has nothing to do.
      if (!(/^rollback$/i.test(sql) && !connection.inTransaction)) statement.run(params);
      if (answer) parentPort.postMessage({ rows: [] });
      return;
    } catch (error) {
      failure = { message: error.message, code: error.code };
      if (connection.inTransaction) connection.exec('rollback');
    }
  }
  // Everything after a failure is skipped until the failure has been answered.
  if (answer) {
    parentPort.postMessage({ failure });
    failure = null;
  }
});
