// A 50,000-row people file: runs as a background job with progress, reports every bad row, and on
// a clean file imports everything in one transaction.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

const ROWS = 50_000;

async function bigFile(badEvery: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cán bộ');
  ws.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Mã đơn vị', 'Chức vụ']);
  for (let i = 0; i < ROWS; i++) {
    const bad = badEvery > 0 && i % badEvery === 0;
    ws.addRow([`Nguyễn Văn Thử ${i}`, bad ? '30/02/1990' : `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${70 + (i % 30)}`, i % 2 ? 'Nữ' : 'Nam', `0429${String(i).padStart(8, '0')}`, 'THPT-42-01', 'Giáo viên']);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeOnBothDatabases('nhập tệp lớn (50.000 dòng)', (env) => {
  it('chạy nền có tiến độ, báo đủ mọi dòng lỗi, rồi nhập hết trong một giao dịch', { timeout: 600_000 }, async () => {
    const e = env();
    const c = await e.login('pdp.tdkt');
    const send = async (bytes: Uint8Array, dryRun: boolean) => {
      const form = new FormData();
      form.set('file', new File([bytes as BlobPart], 'lon.xlsx'));
      form.set('dryRun', dryRun ? '1' : '0');
      const res = await c.upload('/api/v1/imports/people', form);
      expect(res.status, res.text).toBe(200);
      const started = Date.now();
      while (await e.worker.runOne()) { /* drain */ }
      const job = (await c.get(`/api/v1/jobs/${res.json.jobId}`)).json;
      return { job, seconds: (Date.now() - started) / 1000 };
    };
    const withErrors = await send(await bigFile(5000), true);
    expect(withErrors.job.status).toBe('done');
    expect(withErrors.job.progress).toBe(100);
    expect(withErrors.job.result.errors).toHaveLength(ROWS / 5000);
    expect(withErrors.job.result.errors[0]).toEqual({ row: 2, column: 'Ngày sinh', message: '"30/02/1990" không phải ngày hợp lệ (dd/mm/yyyy)' });
    const clean = await send(await bigFile(0), false);
    expect(clean.job.result).toMatchObject({ applied: true, created: ROWS, errors: [] });
    console.log(`[${e.kind}] 50.000 dòng: chạy thử có lỗi ${withErrors.seconds.toFixed(1)} s, nhập thật ${clean.seconds.toFixed(1)} s`);
  });
});
