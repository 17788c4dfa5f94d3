// Excel of a period's figures. One layout for export and import: row 1 holds the indicator codes
// (column A "ma_don_vi", B "ten_don_vi"), row 2 their Vietnamese names, one unit per row from row 3.
// Computed columns are exported and ignored on import. Import: dry run reports every bad row; only
// a file without errors is applied, in one transaction (figures go into the units' drafts).
import ExcelJS from 'exceljs';
import { grantRoots, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import { newId, nowIso, todayIso } from '../ids';
import { formSections, loadReadableForm } from './forms';
import { checkAndCompute, parseRawValues, type TRawValue } from './report-values';
import { findPeriod, respondentIds, valuesOf, withinSubtree } from './reports.repository';
import { getRollup } from './rollup';
import { writeValues } from './submissions';

export async function exportRollupXlsx(ctx: TContext, q: { formId: string; periodId?: string; unitId?: string }): Promise<{ bytes: Buffer; fileName: string }> {
  const r = await getRollup(ctx, q);
  const defs = r.sections.flatMap((s) => s.items).filter((d) => d.type !== 'file');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('So lieu');
  ws.addRow(['ma_don_vi', 'ten_don_vi', 'trang_thai', ...defs.map((d) => d.code)]);
  ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Trạng thái', ...defs.map((d) => `${d.name}${d.unitLabel ? ` (${d.unitLabel})` : ''}${d.formula ? ' – tự tính' : ''}`)]);
  for (const row of r.rows) {
    ws.addRow([row.unitCode, row.unitName, row.stateLabel + (row.late ? ' (muộn)' : ''), ...defs.map((d) => {
      const v = row.values?.[d.code];
      if (v === undefined || v === null) return null;
      return d.type === 'yes_no' ? (v === 1 ? 'Có' : 'Không') : v;
    })]);
  }
  ws.addRow(['TONG', 'Tổng hợp', `${r.counts.sent}/${r.counts.total} đã gửi`, ...defs.map((d) => r.totals[d.code] ?? null)]);
  ws.getRow(1).font = { color: { argb: 'FF888888' }, size: 9 };
  ws.getRow(2).font = { bold: true };
  ws.columns.forEach((c, i) => { c.width = i === 1 ? 40 : 16; });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const fileName = `tong-hop-${r.period.label.replace(/[^\p{L}\p{N}]+/gu, '-')}.xlsx`;
  return { bytes, fileName };
}

type TRowError = { row: number; unitCode: string | null; message: string };

export async function importFiguresXlsx(ctx: TContext, q: { formId: string; periodId: string; dryRun: boolean }, bytes: Uint8Array, today = todayIso()) {
  const form = await loadReadableForm(ctx, q.formId);
  const period = await findPeriod(ctx.db, q.periodId);
  if (!period || period.form_id !== form.id) throw notFound('Không tìm thấy kỳ báo cáo');
  const roots = grantRoots(ctx.actor, 'report.write');
  if (!roots.length) throw new AppError('FORBIDDEN', 'Bạn không có quyền nhập số liệu báo cáo');
  const plan = await ctx.db.selectFrom('plans').select('state').where('id', '=', form.plan_id).executeTakeFirstOrThrow();
  if (plan.state === 'closed') throw new AppError('INVALID_STATE', 'Kế hoạch đã kết thúc; không nhận thêm báo cáo');
  if (period.opens_on > today) throw new AppError('INVALID_STATE', `Kỳ báo cáo ${period.label} chưa mở`);
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(Buffer.from(bytes) as any); } catch { throw new AppError('VALIDATION', 'Không đọc được tệp Excel (.xlsx)'); }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', 'Tệp Excel không có trang tính nào');
  const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '').trim());
  if (header[0] !== 'ma_don_vi') throw new AppError('VALIDATION', 'Sai mẫu: ô A1 phải là "ma_don_vi" (dùng tệp xuất từ trang Tổng hợp báo cáo)');
  const items = (await formSections(ctx, form)).flatMap((s) => s.items);
  const defs = items.map((i) => i.def);
  const defMap = new Map(defs.map((d) => [d.code, d]));
  const unknownCols = header.slice(3).filter((c) => c && !defMap.has(c));
  if (unknownCols.length) throw new AppError('VALIDATION', `Cột không có trong mẫu báo cáo: ${unknownCols.join(', ')}`);
  const respondents = await respondentIds(ctx.db, form.id);
  const units = await ctx.db.selectFrom('units').select(['id', 'code', 'name', 'province_code']).where('id', 'in', respondents.length ? respondents : ['-']).execute();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const writable = new Set<string>();
  for (const root of roots) for (const id of await withinSubtree(ctx.db, root, respondents)) writable.add(id);
  const subs = new Map((await ctx.db.selectFrom('report_submissions').selectAll().where('period_id', '=', period.id).execute()).map((s) => [s.unit_id, s]));
  const errors: TRowError[] = [];
  const changes: { unit: typeof units[number]; values: ReturnType<typeof checkAndCompute>['values'] }[] = [];
  const seen = new Set<string>();
  ws.eachRow((row, n) => {
    if (n <= 2) return;
    const cells = (row.values as unknown[]).slice(1);
    const code = String((cells[0] as any)?.result ?? cells[0] ?? '').trim();
    if (!code || code === 'TONG') return;
    const unit = byCode.get(code);
    if (!unit) { errors.push({ row: n, unitCode: code, message: `Đơn vị mã ${code} không thuộc diện báo cáo theo mẫu này` }); return; }
    if (!writable.has(unit.id)) { errors.push({ row: n, unitCode: code, message: `Bạn không có quyền nhập số liệu cho ${unit.name}` }); return; }
    if (seen.has(unit.id)) { errors.push({ row: n, unitCode: code, message: `${unit.name} xuất hiện hai lần trong tệp` }); return; }
    seen.add(unit.id);
    const sub = subs.get(unit.id);
    if (sub && (sub.state === 'submitted' || sub.state === 'accepted')) { errors.push({ row: n, unitCode: code, message: `${unit.name}: báo cáo đã ${sub.state === 'accepted' ? 'được tiếp nhận' : 'gửi'}, không ghi đè được` }); return; }
    const raw: Record<string, TRawValue> = {};
    header.forEach((col, i) => {
      if (i < 3 || !col) return;
      const def = defMap.get(col)!;
      if (def.formula || def.source || def.type === 'file') return; // computed, or taken from the outreach log
      const c = cells[i] as any;
      const v = c && typeof c === 'object' && 'result' in c ? c.result : c && typeof c === 'object' && 'richText' in c ? c.richText.map((t: any) => t.text).join('') : c;
      raw[col] = v === undefined ? null : (v as TRawValue);
    });
    const parsed = parseRawValues(defMap, raw, 'cot');
    const checked = checkAndCompute(defs, parsed.values, 'cot');
    const all = [...parsed.errors, ...checked.errors];
    if (all.length) { for (const e of all) errors.push({ row: n, unitCode: code, message: `${unit.name}: ${e.message}` }); return; }
    changes.push({ unit, values: checked.values });
  });
  const summary = { rows: changes.length + new Set(errors.map((e) => e.row)).size, valid: changes.length, errors, applied: false };
  if (errors.length || q.dryRun) return summary;
  if (!changes.length) throw new AppError('VALIDATION', 'Tệp không có dòng số liệu nào');
  await withTransaction(ctx, async (trx) => {
    const now = nowIso();
    for (const c of changes) {
      let sub = subs.get(c.unit.id);
      if (!sub) {
        const id = newId();
        sub = { id, form_id: form.id, period_id: period.id, unit_id: c.unit.id, province_code: c.unit.province_code, state: 'draft', late: 0, submitted_at: null, submitted_by: null, decided_at: null, decided_by: null, return_reason: null, version: 1, created_by: ctx.actor.userId, created_at: now, updated_at: now };
        await trx.insertInto('report_submissions').values(sub).execute();
      }
      const merged = { ...(await valuesOf(trx, sub.id)), ...c.values };
      await writeValues(trx, sub, checkAndCompute(defs, merged).values);
      await trx.updateTable('report_submissions').set({ updated_at: now }).where('id', '=', sub.id).execute();
    }
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.import', entityType: 'report_period', entityId: period.id, unitId: form.unit_id, after: { units: changes.map((c) => c.unit.code) } });
  });
  return { ...summary, applied: true };
}
