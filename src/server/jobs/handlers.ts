// Every job type the worker knows. Add a new background task here.
import type { JobWorker } from './worker';
import { runImportJob } from '../imports/import-job';
import { REMIND_JOB_TYPE, runRemindOverdueJob } from '../plans/cascade';
import { CERTIFICATE_JOB, runCertificateJob } from '../documents/certificates';
import { READER_JOB, runReaderJob } from '../reader/reader-job';
import { REPORT_REMIND_JOB, runReportRemindJob } from '../reports/reminders';

export function registerJobHandlers(worker: JobWorker): JobWorker {
  return worker.register('import', runImportJob).register(CERTIFICATE_JOB, runCertificateJob).register(REMIND_JOB_TYPE, runRemindOverdueJob).register(READER_JOB, runReaderJob).register(REPORT_REMIND_JOB, runReportRemindJob);
}
