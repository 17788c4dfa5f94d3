// Sơ kết / tổng kết drafted from the data: the roll-up of a period becomes a Báo cáo (bao-cao
// template) draft in the documents module, where it is edited, numbered and issued like any other
// document; report_summaries links the draft to the form and period.
import { formatDecimalVi } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { withTransaction } from '../db/transaction';
import { createDocument } from '../documents/manage-documents';
import type { FileStorage } from '../files/storage';
import { newId, nowIso } from '../ids';
import { signerTitleOf } from '../plans/plan-catalogue';
import type { TReportData } from '../../documents/templates/bao-cao';
import { loadReadableForm } from './forms';
import { getRollup } from './rollup';

export async function draftSummary(ctx: TContext, storage: FileStorage, input: { formId: string; periodId: string; kind: 'so_ket' | 'tong_ket' }) {
  const form = await loadReadableForm(ctx, input.formId);
  await requireAccess(ctx, 'report.write', [form.unit_id]);
  const r = await getRollup(ctx, { formId: form.id, periodId: input.periodId, unitId: form.unit_id });
  const unit = await ctx.db.selectFrom('units').selectAll().where('id', '=', form.unit_id).executeTakeFirstOrThrow();
  const parent = unit.parent_id ? await ctx.db.selectFrom('units').select('name').where('id', '=', unit.parent_id).executeTakeFirst() : null;
  const plan = await ctx.db.selectFrom('plans').select(['title', 'body', 'doc_number', 'doc_symbol', 'issued_date']).where('id', '=', form.plan_id).executeTakeFirstOrThrow();
  const place = (JSON.parse(plan.body) as { place?: string | null }).place ?? 'Hà Tĩnh';
  const defs = r.sections.flatMap((s) => s.items);
  const numeric = defs.filter((d) => d.type === 'number' || d.type === 'percent' || d.type === 'yes_no');
  const fmt = (v: number | null | undefined, d: (typeof defs)[number]) => (v === null || v === undefined ? 'chưa có số liệu' : `${formatDecimalVi(v, 2)}${d.type === 'percent' ? '%' : d.unitLabel ? ` ${d.unitLabel}` : ''}`);
  const top = r.ranking.items.filter((i) => i.rank !== null && i.rank <= 4);
  const missing = r.rows.filter((x) => x.state !== 'submitted' && x.state !== 'accepted');
  const results: string[] = [
    `Có ${r.counts.sent}/${r.counts.total} đơn vị gửi báo cáo ${r.period.label}${r.counts.late ? `, trong đó ${r.counts.late} đơn vị gửi muộn` : ''}.`,
    ...numeric.filter((d) => r.totals[d.code] !== null && r.totals[d.code] !== undefined).map((d) => `${d.name}: ${fmt(r.totals[d.code], d)}${d.target !== null ? ` (chỉ tiêu ${fmt(d.target, d)})` : ''}.`),
  ];
  if (top.length) results.push(`Các đơn vị dẫn đầu theo ${r.ranking.label.toLocaleLowerCase('vi')}: ${top.map((t) => `${t.unitName} (${formatDecimalVi(t.value!, 2)})`).join('; ')}.`);
  const kindLabel = input.kind === 'so_ket' ? 'Sơ kết' : 'Tổng kết';
  const data: TReportData = {
    issuing: { parentOrg: parent?.name, issuer: unit.name, issuerCode: unit.abbreviation ?? unit.code, number: null, place, date: null },
    reportKind: input.kind === 'so_ket' ? 'midterm' : 'final',
    summary: `${kindLabel} ${form.title.charAt(0).toLocaleLowerCase('vi')}${form.title.slice(1)} – ${r.period.label}`,
    kinhGui: parent ? [parent.name] : [],
    intro: `Thực hiện ${plan.title.charAt(0).toLocaleLowerCase('vi')}${plan.title.slice(1)}, ${unit.name} báo cáo ${kindLabel.toLocaleLowerCase('vi')} kết quả thực hiện ${r.period.label} như sau:`,
    situation: { advantages: [], difficulties: missing.length ? [`Còn ${missing.length} đơn vị chưa gửi báo cáo: ${missing.slice(0, 10).map((m) => m.unitName).join(', ')}${missing.length > 10 ? '…' : ''}.`] : [] },
    results,
    indicators: numeric.filter((d) => typeof r.totals[d.code] === 'number').map((d) => ({ name: d.name, unit: d.type === 'percent' ? '%' : d.unitLabel ?? '', target: d.target, actual: r.totals[d.code] as number })),
    strengths: [], weaknesses: [], commendations: [], nextSteps: [], proposals: [],
    signer: { title: signerTitleOf(unit.kind), name: '…' },
    recipients: { lines: [...(parent ? [parent.name] : []), 'Các đơn vị trực thuộc'], archive: 'Lưu: VT' },
  } as TReportData;
  const id = newId();
  const now = nowIso();
  // One transaction: the document draft and its link (createDocument reuses the open transaction).
  const doc = await withTransaction(ctx, async (trx) => {
    const doc = await createDocument({ ...ctx, db: trx }, storage, { unitId: unit.id, kind: 'bao-cao', data });
    await trx.insertInto('report_summaries').values({ id, form_id: form.id, period_id: r.period.id, unit_id: unit.id, province_code: unit.province_code, kind: input.kind, state: 'draft', body: JSON.stringify(data), document_id: doc.id, created_by: ctx.actor.userId, created_at: now, updated_at: now }).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'report.summary.draft', entityType: 'report_summary', entityId: id, unitId: unit.id, after: { kind: input.kind, documentId: doc.id, period: r.period.label } });
    return doc;
  });
  return { id, kind: input.kind, documentId: doc.id, link: `/van-ban/${doc.id}`, title: doc.title };
}
