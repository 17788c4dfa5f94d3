// Benchmark of issue 5: the cascade board of a province with 2,000 subordinate units loads in under
// 300 ms. The units are added straight to the tables (the demo province is small); the plan, the
// cascade and the board go through the API.
import { expect, it } from 'vitest';
import { describeOnBothDatabases } from './harness';

const UNITS = 2000;

describeOnBothDatabases('kế hoạch: bảng theo dõi 2.000 đơn vị cấp dưới', (env) => {
  it(`giao cho ${UNITS} đơn vị và mở bảng theo dõi dưới 300 ms`, async () => {
    const e = env();
    const db = e.deps.database.db;
    const soId = await e.unitId('SGDDT-42');
    const now = new Date().toISOString();
    const ancestors = await db.selectFrom('unit_closure').select(['ancestor_id', 'depth']).where('descendant_id', '=', soId).execute();
    const ids: string[] = [];
    for (let i = 0; i < UNITS; i += 250) {
      const batch = Array.from({ length: Math.min(250, UNITS - i) }, (_, k) => {
        const n = i + k + 1;
        const id = `scale-unit-${n}`;
        ids.push(id);
        return {
          id, code: `SCALE-${n}`, name: `Cơ sở giáo dục thử tải số ${n}`, short_name: null, abbreviation: `CSGD${n}`, kind: 'truong_khac' as const, province_code: '42', commune_code: null,
          parent_id: soId, prof_parent_id: null, address: null, phone: null, email: null, status: 'active' as const, valid_from: '2020-01-01', valid_to: null,
          name_search: `co so giao duc thu tai so ${n}`, created_at: now, updated_at: now,
        };
      });
      await db.insertInto('units').values(batch).execute();
      const closure = batch.flatMap((u) => [{ ancestor_id: u.id, descendant_id: u.id, depth: 0, province_code: '42' }, ...ancestors.map((a) => ({ ancestor_id: a.ancestor_id, descendant_id: u.id, depth: a.depth + 1, province_code: '42' }))]);
      for (let j = 0; j < closure.length; j += 250) await db.insertInto('unit_closure').values(closure.slice(j, j + 250)).execute();
    }
    const so = await e.login('so.tdkt');
    const gd = await e.login('so.giamdoc');
    const plan = (await so.post('/api/v1/plans/from-catalogue', { unitId: soId, code: 'thi-dua-nam-hoc', schoolYear: 2026 })).json;
    await so.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'submit' });
    const issued = await gd.post(`/api/v1/plans/${plan.id}/transitions`, { action: 'issue', issue: { date: '2026-11-20', signerName: 'Đào Đức Tuấn' }, cascade: { mode: 'kinds', unitKinds: ['truong_khac'], dueDate: '2026-12-31' } });
    expect(issued.status, issued.text).toBe(200);
    // A third of the units have started their plan, a third have issued it.
    const tasks = await db.selectFrom('plan_cascade_tasks').select(['id', 'unit_id']).where('plan_id', '=', plan.id).execute();
    expect(tasks).toHaveLength(UNITS);
    const rows = tasks.filter((_, i) => i % 3 !== 0).map((t, i) => ({
      id: `scale-plan-${i}`, unit_id: t.unit_id, province_code: '42', kind: 'regular' as const, title: 'Kế hoạch thực hiện', title_search: 'ke hoach thuc hien', movement_name: null, school_year: 2026,
      period_from: '2026-09-05', period_to: '2027-05-31', state: (i % 2 ? 'issued' : 'draft') as 'issued' | 'draft', catalogue_code: null, parent_plan_id: plan.id, cascade_task_id: t.id,
      amends_plan_id: null, root_plan_id: `scale-plan-${i}`, version: 1, superseded_by_id: null, doc_number: i % 2 ? 1 : null, doc_symbol: i % 2 ? 'KH-X' : null, doc_number_key: i % 2 ? `k${i}` : null,
      issued_date: i % 2 ? '2026-11-22' : null, signer_name: null, signer_title: null, signer_authority: null, return_reason: null, body: '{}', created_by: null, created_at: now, updated_at: now, state_changed_at: now,
    }));
    for (let j = 0; j < rows.length; j += 200) await db.insertInto('plans').values(rows.slice(j, j + 200)).execute();

    const first = await so.get(`/api/v1/plans/${plan.id}/board`);
    expect(first.status).toBe(200);
    expect(first.json.counts.total).toBe(UNITS);
    expect(first.json.counts.issued + first.json.counts.drafting + first.json.counts.not_started).toBe(UNITS);
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      const res = await so.get(`/api/v1/plans/${plan.id}/board`);
      times.push(performance.now() - t0);
      expect(res.json.items).toHaveLength(UNITS);
    }
    times.sort((a, b) => a - b);
    console.info(`board of ${UNITS} units [${e.kind}]: median ${times[1].toFixed(0)} ms`);
    // The 300 ms target is a benchmark figure (printed above); this bound only catches a hang or an N+1 blow-up.
    expect(times[1]).toBeLessThan(5_000);
  }, 120_000);
});
