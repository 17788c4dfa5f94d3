// Wires the server's parts from the configuration: database (migrated), storage, logger, worker (its
// job handlers get the same parsed configuration).
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { TConfig } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { FileStorage } from './files/storage';
import { JobWorker } from './jobs/worker';
import { registerJobHandlers } from './jobs/handlers';
import type { TAppDeps } from './http';

export async function bootstrap(config: TConfig, opts: { logDestination?: pino.DestinationStream } = {}) {
  const log = pino({ level: config.LOG_LEVEL, base: undefined }, opts.logDestination);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const database: Database = openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolMax: config.THIDUA_PG_POOL_MAX });
  const applied = await migrateToLatest(database);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const storage = new FileStorage(path.join(config.dataDir, 'files'), config.THIDUA_MAX_UPLOAD_MB * 1024 * 1024);
  const deps: TAppDeps = { database, config, log, storage };
  const worker = registerJobHandlers(new JobWorker({ database, storage, log, config }, 500, config.THIDUA_JOB_STALE_SECONDS * 1000));
  return { deps, worker };
}
