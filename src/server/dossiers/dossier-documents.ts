// The documents of a dossier: Tờ trình with its Danh sách, the review session's Biên bản, one Báo cáo
// thành tích per individual (drafted from their history; the person edits their own part), evidence
// files, and all of it as one ZIP.
import JSZip from 'jszip';
import { z } from 'zod';
import { DocumentInputError, renderAchievementReportDocx, renderProposalDocx, type TAchievementReportData } from '../../documents';
import { AUTHORITY_LABEL } from '../../rules/authority';
import { schoolYearLabel } from '../../shared/vn';
import type { TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import type { Db, Tx } from '../db/database';
import type { UnitKind } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { AppError, notFound } from '../errors';
import type { FileStorage } from '../files/storage';
import { newId, nowIso, todayIso } from '../ids';
import { findUnit, type TUnitRow } from '../units/units.repository';
import { findDossier, listItems, loadItemForReport, loadReadableDossier, requireDossierStatus, type TDossierRow, type TItemWithNames } from './manage-dossiers';

export function authorityKindOf(unit: TUnitRow): keyof typeof AUTHORITY_LABEL {
  const map: Partial<Record<UnitKind, keyof typeof AUTHORITY_LABEL>> = { so: 'department_director', ubnd_xa: 'commune_chairman', ubnd_tinh: 'province_chairman', bo: 'minister' };
  return map[unit.kind] ?? 'school_head';
}

/** Who signs for a unit: "GIÁM ĐỐC", "CHỦ TỊCH", "HIỆU TRƯỞNG". */
export function headTitleOf(unit: TUnitRow): string {
  const k = unit.kind;
  if (k === 'so') return 'GIÁM ĐỐC';
  if (k === 'ubnd_xa' || k === 'ubnd_tinh') return 'CHỦ TỊCH';
  if (k === 'bo') return 'BỘ TRƯỞNG';
  if (k === 'phong_vhxh' || k === 'phong_ban') return 'TRƯỞNG PHÒNG';
  if (['thpt', 'thcs', 'th', 'mn', 'lien_cap', 'truong_khac'].includes(k)) return 'HIỆU TRƯỞNG';
  return 'THỦ TRƯỞNG ĐƠN VỊ';
}

export async function headNameOf(db: Db | Tx, unitId: string): Promise<string> {
  const u = await db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('users.full_name')
    .where('user_roles.unit_id', '=', unitId).where('user_roles.role', '=', 'head').where('users.is_active', '=', 1).orderBy('users.created_at').executeTakeFirst();
  return u?.full_name ?? '……………………';
}

/** "Hà Tĩnh": the province's name from its UBND tỉnh unit. */
export async function placeOf(db: Db | Tx, provinceCode: string): Promise<string> {
  const u = await db.selectFrom('units').select('name').where('province_code', '=', provinceCode).where('kind', '=', 'ubnd_tinh').executeTakeFirst();
  return u?.name.replace(/^Ủy ban nhân dân (tỉnh|thành phố)\s*/i, '').trim() || 'Việt Nam';
}

export async function parentName(db: Db | Tx, unit: TUnitRow): Promise<string | undefined> {
  if (!unit.parent_id) return undefined;
  return (await findUnit(db, unit.parent_id))?.name;
}

function renderError(e: unknown, what: string): never {
  if (e instanceof DocumentInputError) throw new AppError('VALIDATION', `Không dựng được ${what}: ${e.message}`);
  throw e;
}

// ---------------------------------------------------------------------------------------------
// Tờ trình

export async function renderProposal(db: Db | Tx, d: TDossierRow, items: TItemWithNames[]): Promise<Buffer> {
  const sender = (await findUnit(db, d.sender_unit_id))!;
  const receiver = (await findUnit(db, d.receiver_unit_id))!;
  if (!items.length) throw new AppError('VALIDATION', 'Hồ sơ chưa có ai được đề nghị; chưa dựng được tờ trình.');
  try {
    return await renderProposalDocx({
      issuing: { parentOrg: await parentName(db, sender), issuer: sender.name, issuerCode: sender.abbreviation || 'TTr', number: null, place: await placeOf(db, sender.province_code), date: d.submitted_at?.slice(0, 10) ?? todayIso() },
      kinhGui: [`Hội đồng Thi đua - Khen thưởng ${receiver.name}`],
      commendationType: d.commendation_type as 'công trạng',
      period: `năm học ${schoolYearLabel(d.school_year)}`,
      approver: AUTHORITY_LABEL[authorityKindOf(receiver)],
      legalBasis: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng'],
      nominees: items.map((i) => ({
        kind: i.recipient_kind, name: i.recipient_kind === 'individual' ? i.person_name ?? '' : i.unit_name, position: i.person_position ?? undefined,
        unit: i.unit_name, award: i.title_name, achievements: i.achievements,
      })),
      attachments: ['Danh sách đề nghị khen thưởng', 'Biên bản họp Hội đồng Thi đua - Khen thưởng', 'Báo cáo thành tích của các cá nhân, tập thể'],
      signer: { title: headTitleOf(sender), name: await headNameOf(db, sender.id) },
      recipients: { lines: ['Như trên'], archive: 'VT, TĐKT' },
      layout: {},
    });
  } catch (e) {
    renderError(e, 'tờ trình');
  }
}

// ---------------------------------------------------------------------------------------------
// Báo cáo thành tích (individual)

/** What the person may edit in their own report. */
export const ZReportPart = z.object({
  duties: z.array(z.string().max(4000)).max(50).default([]),
  achievements: z.array(z.string().max(4000)).max(100).default([]),
  initiatives: z.array(z.object({ name: z.string().trim().min(1).max(300), recognition: z.string().trim().min(1).max(300) })).max(30).default([]),
  residence: z.string().max(200).optional(),
  hometown: z.string().max(200).optional(),
  qualification: z.string().max(200).optional(),
});
export type TReportPart = z.infer<typeof ZReportPart>;

async function draftReport(db: Db | Tx, d: TDossierRow, item: { person_id: string | null; title_name: string; achievements: string; report: string | null }): Promise<{ data: TAchievementReportData; part: TReportPart }> {
  const p = await db.selectFrom('people').innerJoin('units', 'units.id', 'people.unit_id').selectAll('people').select('units.name as unit_name').where('people.id', '=', item.person_id!).executeTakeFirst();
  if (!p) throw notFound('Không tìm thấy cán bộ');
  const [awards, quals, ratings] = await Promise.all([
    db.selectFrom('awards').select(['name', 'school_year', 'decision_number', 'decision_date', 'authority']).where('person_id', '=', p.id).where('voided_at', 'is', null).orderBy('school_year').execute(),
    db.selectFrom('qualifications').select(['name', 'year']).where('person_id', '=', p.id).orderBy('year', 'desc').execute(),
    db.selectFrom('performance_ratings').select(['school_year', 'rating']).where('person_id', '=', p.id).orderBy('school_year', 'desc').limit(3).execute(),
  ]);
  const RATING: Record<string, string> = { htxsnv: 'Hoàn thành xuất sắc nhiệm vụ', httnv: 'Hoàn thành tốt nhiệm vụ', htnv: 'Hoàn thành nhiệm vụ', khtnv: 'Không hoàn thành nhiệm vụ' };
  const stored = item.report ? ZReportPart.parse(JSON.parse(item.report)) : null;
  const part: TReportPart = stored ?? {
    duties: [`${p.position ?? 'Viên chức'} tại ${p.unit_name}.`],
    achievements: [
      ...(item.achievements ? [item.achievements] : []),
      ...ratings.map((r) => `Năm học ${schoolYearLabel(Number(r.school_year))}: ${RATING[r.rating] ?? r.rating}.`),
    ],
    initiatives: [],
  };
  const qual = quals[0] as { name?: string } | undefined;
  const history = awards.map((a) => ({ year: schoolYearLabel(Number(a.school_year)), name: a.name, decision: [a.decision_number ? `Quyết định số ${a.decision_number}` : null, a.decision_date ? `ngày ${a.decision_date.split('-').reverse().join('/')}` : null, a.authority].filter(Boolean).join(', ') || 'Không rõ' }));
  const place = await placeOf(db, p.province_code);
  const data: TAchievementReportData = {
    kind: 'individual', place, date: todayIso(), award: `${item.title_name} năm học ${schoolYearLabel(d.school_year)}`,
    profile: {
      fullName: p.full_name, birthDate: p.birth_date ?? '1900-01-01', gender: p.gender === 'nam' ? 'Nam' : 'Nữ', ethnicity: p.ethnicity || 'Kinh',
      hometown: part.hometown || '……', residence: part.residence || '……', workplace: p.unit_name, position: p.position || 'Viên chức',
      qualification: part.qualification || qual?.name || '……',
    },
    duties: part.duties, achievements: part.achievements, initiatives: part.initiatives,
    titles: history, awards: [],
    signers: { reporter: { name: p.full_name }, head: { name: await headNameOf(db, p.unit_id), title: 'Thủ trưởng đơn vị' } },
    layout: {},
  };
  return { data, part };
}

export async function renderItemReport(db: Db | Tx, d: TDossierRow, item: { person_id: string | null; title_name: string; achievements: string; report: string | null }): Promise<Buffer> {
  const { data } = await draftReport(db, d, item);
  try {
    return await renderAchievementReportDocx(data);
  } catch (e) {
    renderError(e, 'báo cáo thành tích');
  }
}

export async function getItemReport(ctx: TContext, id: string, itemId: string) {
  const { d, item } = await loadItemForReport(ctx, id, itemId, false);
  if (!item.person_id) throw new AppError('VALIDATION', 'Báo cáo thành tích tập thể do đơn vị lập; mục này chỉ dành cho cá nhân.');
  const { part } = await draftReport(ctx.db, d, item);
  const editable = d.status === 'draft' || d.status === 'returned';
  return { itemId, part, edited: !!item.report, editable };
}

export async function putItemReport(ctx: TContext, id: string, itemId: string, input: TReportPart) {
  const { d, item } = await loadItemForReport(ctx, id, itemId, true);
  if (!item.person_id) throw new AppError('VALIDATION', 'Báo cáo thành tích tập thể do đơn vị lập; mục này chỉ dành cho cá nhân.');
  requireDossierStatus(d, ['draft', 'returned'], 'Chỉ sửa báo cáo thành tích khi hồ sơ đang soạn hoặc bị trả lại');
  const part = ZReportPart.parse(input);
  await withTransaction(ctx, async (trx) => {
    const now = await findDossier(trx, id);
    requireDossierStatus(now!, ['draft', 'returned'], 'Chỉ sửa báo cáo thành tích khi hồ sơ đang soạn hoặc bị trả lại');
    await trx.updateTable('dossier_items').set({ report: JSON.stringify(part), updated_at: nowIso() }).where('id', '=', itemId).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.report_update', entityType: 'dossier', entityId: id, unitId: d.sender_unit_id, before: item.report ? JSON.parse(item.report) : null, after: { itemId, ...part } });
  });
  return { itemId, part, edited: true, editable: true };
}

export async function itemReportDocx(ctx: TContext, id: string, itemId: string) {
  const { d, item } = await loadItemForReport(ctx, id, itemId, false);
  if (!item.person_id) throw new AppError('VALIDATION', 'Báo cáo thành tích tập thể do đơn vị lập; mục này chỉ dành cho cá nhân.');
  return renderItemReport(ctx.db, d, item);
}

// ---------------------------------------------------------------------------------------------
// Evidence files

export async function uploadDossierFile(ctx: TContext, storage: FileStorage, id: string, input: { bytes: Uint8Array; fileName: string; itemId?: string | null }) {
  const d = await loadReadableDossier(ctx, id);
  const { requireAccess } = await import('../auth/access');
  await requireAccess(ctx, 'commendation.write', [d.sender_unit_id]);
  requireDossierStatus(d, ['draft', 'returned'], 'Chỉ thêm minh chứng khi hồ sơ đang soạn hoặc bị trả lại');
  if (input.itemId) {
    const it = await ctx.db.selectFrom('dossier_items').select('id').where('id', '=', input.itemId).where('dossier_id', '=', id).executeTakeFirst();
    if (!it) throw notFound('Không tìm thấy dòng đề nghị');
  }
  const stored = await storage.put(input.bytes);
  const row = {
    id: newId(), dossier_id: id, item_id: input.itemId ?? null, province_code: d.province_code, sha256: stored.sha256,
    file_name: input.fileName.replace(/[\\/\u0000-\u001f"<>|:*?]/g, '_').slice(-150) || 'minh-chung', mime: stored.type.mime, size: stored.size, created_by: ctx.actor.userId, created_at: nowIso(),
  };
  await withTransaction(ctx, async (trx) => {
    const known = await trx.selectFrom('files').select('sha256').where('sha256', '=', stored.sha256).executeTakeFirst();
    if (!known) await trx.insertInto('files').values({ sha256: stored.sha256, size: stored.size, mime: stored.type.mime, created_at: row.created_at }).execute();
    await trx.insertInto('dossier_files').values(row).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'dossier.file_add', entityType: 'dossier', entityId: id, unitId: d.sender_unit_id, after: { fileName: row.file_name, sha256: row.sha256, itemId: row.item_id } });
  });
  return { id: row.id, itemId: row.item_id, fileName: row.file_name, mime: row.mime, size: row.size, createdAt: row.created_at };
}

// ---------------------------------------------------------------------------------------------
// Downloads

export async function proposalDocx(ctx: TContext, id: string) {
  const d = await loadReadableDossier(ctx, id);
  return renderProposal(ctx.db, d, await listItems(ctx.db, id));
}

async function minutesDocx(db: Db | Tx, storage: FileStorage, d: TDossierRow): Promise<Buffer | null> {
  if (!d.review_session_id) return null;
  const s = await db.selectFrom('review_sessions' as never).select('minutes_document_id' as never).where('id' as never, '=', d.review_session_id as never).executeTakeFirst() as { minutes_document_id: string | null } | undefined;
  if (!s?.minutes_document_id) return null;
  const doc = await db.selectFrom('documents').select('docx_sha256').where('id', '=', s.minutes_document_id).executeTakeFirst();
  return doc ? storage.get(doc.docx_sha256) : null;
}

const fileSafe = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'tep';

export async function dossierZip(ctx: TContext, storage: FileStorage, id: string): Promise<{ bytes: Buffer; name: string }> {
  const d = await loadReadableDossier(ctx, id);
  const items = await listItems(ctx.db, id);
  const zip = new JSZip();
  zip.file('01-to-trinh.docx', await renderProposal(ctx.db, d, items));
  const minutes = await minutesDocx(ctx.db, storage, d);
  if (minutes) zip.file('02-bien-ban-hop-hoi-dong.docx', minutes);
  const problems: string[] = [];
  let n = 0;
  for (const it of items) {
    if (!it.person_id) continue;
    n += 1;
    try {
      zip.file(`03-bao-cao-thanh-tich/${String(n).padStart(2, '0')}-${fileSafe(it.person_name ?? 'ca-nhan')}.docx`, await renderItemReport(ctx.db, d, it));
    } catch (e) {
      problems.push(`${it.person_name}: ${(e as Error).message}`);
    }
  }
  const files = await ctx.db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', id).orderBy('created_at').execute();
  for (const [i, f] of files.entries()) zip.file(`04-minh-chung/${String(i + 1).padStart(2, '0')}-${f.file_name}`, await storage.get(f.sha256));
  if (problems.length) zip.file('CAN-BO-SUNG.txt', `Chưa dựng được các báo cáo sau:\n${problems.join('\n')}\n`);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { bytes, name: `ho-so-khen-thuong-${fileSafe(d.title)}.zip` };
}
