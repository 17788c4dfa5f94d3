// Every job type the worker knows. Add a new background task here.
import type { JobWorker } from './worker';
import { runImportJob } from '../imports/import-job';

export function registerJobHandlers(worker: JobWorker): JobWorker {
  return worker.register('import', runImportJob);
}
