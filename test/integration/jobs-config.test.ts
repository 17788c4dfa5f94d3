// Job handlers get the configuration parsed at boot (not process.env): the worker that bootstrap builds
// hands it over, and the daily reports reminder job e-mails through the configured SMTP_URL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { enqueueJob } from '../../src/server/jobs/queue';
import { REPORT_REMIND_JOB } from '../../src/server/reports/reminders';
import { addDays } from '../../src/server/reports/periods';
import { todayIso } from '../../src/server/ids';
import { describeOnBothDatabases, type TTestEnv } from './harness';
import { mailText, startMailSink, type TMailSink } from './mail-sink';

let sink: TMailSink;
beforeAll(async () => { sink = await startMailSink(); });
afterAll(async () => { await sink.close(); });

/** Runs the bootstrap worker until job `id` has finished; returns its row. */
async function runUntilDone(e: TTestEnv, id: number) {
  for (let i = 0; i < 20; i++) {
    const row = await e.deps.database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (row.status === 'done' || row.status === 'failed') return row;
    if (!(await e.worker.runOne())) await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`job ${id} did not finish`);
}

describeOnBothDatabases('tác vụ nền dùng cấu hình của máy chủ', (env) => {
  it('bộ xử lý tác vụ nhận cấu hình đã đọc lúc khởi động', async () => {
    const e = env();
    e.worker.register('test.config', async (_p, h) => ({ from: h.config.SMTP_FROM, maxUploadMb: h.config.THIDUA_MAX_UPLOAD_MB, dataDir: h.config.dataDir }));
    const id = await enqueueJob(e.deps.database.db, { type: 'test.config', payload: {} });
    const row = await runUntilDone(e, id);
    expect(row.status).toBe('done');
    expect(JSON.parse(row.result!)).toEqual({ from: e.config.SMTP_FROM, maxUploadMb: 2, dataDir: e.config.dataDir });
  });

  it('tác vụ nhắc báo cáo gửi thư qua SMTP_URL của cấu hình (không đọc biến môi trường)', async () => {
    const e = env();
    const db = e.deps.database.db;
    delete process.env.SMTP_URL;
    // The demo's last finished quarter: THPT 02, 03, 08–10 have not reported; the day after its deadline they are overdue.
    const period = await db.selectFrom('report_periods').select(['id', 'due_date', 'label']).where('due_date', '<', todayIso()).orderBy('due_date', 'desc').executeTakeFirstOrThrow();
    await db.updateTable('units').set({ email: `thpt-${e.kind}@truong.edu.vn` }).where('code', '=', 'THPT-42-03').execute();
    e.config.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
    try {
      const before = sink.mails.length;
      const id = await enqueueJob(db, { type: REPORT_REMIND_JOB, payload: { today: addDays(period.due_date, 1) } });
      const row = await runUntilDone(e, id);
      expect(row.status, row.error ?? '').toBe('done');
      const result = JSON.parse(row.result!);
      expect(result.remindedUnits).toBeGreaterThanOrEqual(1);
      expect(result.emailsSent).toBeGreaterThanOrEqual(1);
      const got = sink.mails.slice(before).filter((m) => m.to.includes(`thpt-${e.kind}@truong.edu.vn`));
      expect(got).toHaveLength(1);
      const unitName = (await db.selectFrom('units').select('name').where('code', '=', 'THPT-42-03').executeTakeFirstOrThrow()).name;
      expect(mailText(got[0].raw)).toContain(`${unitName} gửi báo cáo`);
      expect(mailText(got[0].raw)).toContain(`kỳ ${period.label}`);
    } finally {
      e.config.SMTP_URL = '';
    }
  });
});
