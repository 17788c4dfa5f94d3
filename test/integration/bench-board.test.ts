// `thidua bench` against generated data (school scale, a handful of requests per scenario — a check that the
// scenarios run, not a measurement): the cascade board of the Sở's current plan is timed right after the unit
// tree, with the number of assigned units in its note, and the Kế hoạch DOCX uses a generated plan.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { generateData } from '../../src/server/scale/generate';
import { runBench } from '../../src/server/scale/bench';
import { ADMIN_PASSWORD, DEMO_PASSWORD, describeOnBothDatabases } from './harness';

describeOnBothDatabases('thidua bench: bảng theo dõi triển khai kế hoạch trên dữ liệu sinh ra', (env) => {
  it('có kịch bản bảng theo dõi sau cây đơn vị; DOCX dùng kế hoạch sinh ra', async () => {
    const e = env();
    await generateData({ database: e.deps.database, databaseUrl: e.config.DATABASE_URL, scale: 'school', seed: 11, force: true, password: DEMO_PASSWORD, adminPassword: ADMIN_PASSWORD });
    const server = serve({ fetch: e.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    const lines: string[] = [];
    try {
      const res = await runBench({ url: `http://127.0.0.1:${port}`, user: 'so42.tdkt', password: DEMO_PASSWORD, iterations: 3, skip: ['eligibility', 'parse'], log: (l) => lines.push(l) });
      const names = res.rows.map((r) => r.scenario);
      const board = names.indexOf('Bảng theo dõi triển khai kế hoạch (cả tỉnh)');
      expect(board, lines.join('\n')).toBeGreaterThan(names.findLastIndex((s) => s.startsWith('Cây đơn vị')));
      const units = await e.deps.database.db.selectFrom('plan_cascade_tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(res.rows[board].note).toMatch(new RegExp(`^${Number(units.n)} đơn vị được giao`));
      expect(names).toContain('Kết xuất Kế hoạch (DOCX)');
      // The roll-up of the Sở's newest report form (the quarterly CCHC report of its schools).
      const rollup = res.rows.find((r) => r.scenario === 'Tổng hợp báo cáo quý (cả tỉnh)');
      expect(rollup, lines.join('\n')).toBeDefined();
      expect(rollup!.note).toMatch(/cải cách hành chính.*Quý .*\d+ đơn vị/);
      expect(lines.join('\n')).not.toMatch(/không tạo được kế hoạch từ văn bản|bỏ qua \(không có kế hoạch/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
}, { demo: false });
