// Benchmark (not part of `npm test`): `npx tsx test/bench/assessments.bench.ts`
// Prints the time to open the appraisal grid of 100 units × 40 criteria with two reviewers' scores
// (target < 500 ms) and to publish a bloc of 100 units (target < 2 s), on SQLite and PostgreSQL.
import { performance } from 'node:perf_hooks';
import { createTestEnv, type TDbKind } from '../integration/harness';
import { newId, nowIso } from '../../src/server/ids';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function run(kind: TDbKind) {
  const e = await createTestEnv(kind, { demo: true });
  try {
    const db = e.deps.database.db;
    const so = await e.login('so.tdkt');
    const soId = await e.unitId('SGDDT-42');
    const created = await so.post('/api/v1/assessments', { ownerUnitId: soId, name: 'Bench: chỉ số CCHC 100 đơn vị', year: 2026, tiers: [{ label: 'Chuyên viên tổng hợp', role: 'officer' }] });
    const id = created.json.id as string;
    const items = [];
    for (let g = 1; g <= 8; g++) {
      items.push({ code: String(g), name: `Lĩnh vực ${g}`, maxPoints: 50 });
      for (let c = 1; c <= 5; c++) items.push({ code: `${g}.${c}`, name: `Tiêu chí ${g}.${c}`, maxPoints: 10 });
    }
    if ((await so.put(`/api/v1/assessments/${id}/criteria`, { items })).status !== 200) throw new Error('criteria');
    const units = await db.selectFrom('unit_closure').innerJoin('units', 'units.id', 'unit_closure.descendant_id').select('units.id').where('unit_closure.ancestor_id', '=', soId).where('unit_closure.depth', '>', 0).orderBy('units.code').limit(100).execute();
    if ((await so.put(`/api/v1/assessments/${id}/units`, { clusterIds: [], unitIds: units.map((u) => u.id) })).status !== 200) throw new Error('units');
    const detail = (await so.get(`/api/v1/assessments/${id}`)).json;
    const groups = detail.criteria.filter((c: { level: number }) => c.level === 1);
    const leaves = detail.criteria.filter((c: { scorable: boolean }) => c.scorable);
    const r1 = (await db.selectFrom('users').select('id').where('username', '=', 'so.thamdinh1').executeTakeFirstOrThrow()).id;
    const r2 = (await db.selectFrom('users').select('id').where('username', '=', 'so.thamdinh2').executeTakeFirstOrThrow()).id;
    await so.put(`/api/v1/assessments/${id}/reviewers`, { items: groups.map((g: { id: string }) => ({ groupId: g.id, userIds: [r1, r2] })) });
    await so.post(`/api/v1/assessments/${id}/open`);
    // Bulk data: 4,000 self scores, 8,000 reviewer scores (inserted directly; the API path is tested elsewhere).
    const now = nowIso();
    const self = units.flatMap((u, i) => leaves.map((c: { id: string }, k: number) => ({ id: newId(), assessment_id: id, unit_id: u.id, criterion_id: c.id, score: (i + k) % 11, explanation: 'bench', indicator_value: null, updated_by: null, updated_at: now })));
    for (let i = 0; i < self.length; i += 500) await db.insertInto('assessment_self_scores').values(self.slice(i, i + 500)).execute();
    await db.updateTable('assessment_units').set({ self_state: 'submitted', submitted_at: now }).where('assessment_id', '=', id).execute();
    if ((await so.post(`/api/v1/assessments/${id}/start-appraisal`)).status !== 200) throw new Error('appraisal');
    const scores = [r1, r2].flatMap((r, j) => units.flatMap((u, i) => leaves.map((c: { id: string }, k: number) => ({ id: newId(), assessment_id: id, unit_id: u.id, criterion_id: c.id, reviewer_id: r, score: (i + k + j) % 11, reason: 'bench', updated_at: now }))));
    for (let i = 0; i < scores.length; i += 500) await db.insertInto('assessment_scores').values(scores.slice(i, i + 500)).execute();

    const reviewer = await e.login('so.thamdinh1');
    const times: number[] = [];
    let cells = 0;
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      const res = await reviewer.get(`/api/v1/assessments/${id}/grid`);
      times.push(performance.now() - t);
      cells = res.json.cells.length;
    }
    const groupTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      await reviewer.get(`/api/v1/assessments/${id}/grid?groupId=${groups[0].id}`);
      groupTimes.push(performance.now() - t);
    }
    console.log(`[${kind}] bảng thẩm định 100 đơn vị × 40 tiêu chí (${cells} ô, 2 người thẩm định): ${median(times).toFixed(0)} ms (trung vị 7 lần, sau lần đầu); một nhóm 100 × 5: ${median(groupTimes).toFixed(0)} ms — mục tiêu < 500 ms`);

    await so.post(`/api/v1/assessments/${id}/submit`);
    const t = performance.now();
    const pub = await so.post(`/api/v1/assessments/${id}/publish`, {});
    const publishMs = performance.now() - t;
    if (pub.status !== 200) throw new Error(`publish ${pub.status} ${pub.text}`);
    const frozen = await db.selectFrom('assessment_results').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', id).executeTakeFirst();
    console.log(`[${kind}] công bố khối 100 đơn vị (${Number(frozen?.n)} kết quả tiêu chí ghi cố định, xếp hạng, xếp loại): ${publishMs.toFixed(0)} ms — mục tiêu < 2 s`);
  } finally {
    await e.close();
  }
}

await run('sqlite');
try {
  await run('postgres');
} catch (err) {
  console.log(`[postgres] bỏ qua: ${(err as Error).message}`);
}
process.exit(0);
