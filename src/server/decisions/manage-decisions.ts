// Quyết định khen thưởng on an accepted dossier: the authority (commendation.decide at the receiving
// unit, and `canAward` for every title) issues it with a number from its register, the Danh sách with
// the money (coefficient × lương cơ sở on the decision date, rounded up; only the highest title for the
// same period), and the award rows in each person's and unit's history — all in one transaction.
import { renderDecisionDocx } from '../../documents';
import { canAward, AUTHORITY_LABEL } from '../../rules/authority';
import { computePayout, type PayoutAward } from '../../rules/money';
import { RulesError } from '../../rules/errors';
import { schoolYearLabel, formatDateVi } from '../../shared/vn';
import { requireAccess, type TContext } from '../auth/access';
import { writeAudit } from '../audit/audit';
import { awardDedupeKey } from '../awards/awards.repository';
import type { Db, Tx } from '../db/database';
import type { DecisionLineTable, DecisionTable } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { ConverterUnavailableError, convertToPdf, generatedStorage, storeFile } from '../documents/document-files';
import { createCertificateBatch } from '../documents/certificates';
import { allocateNumber, resolveIssuerCode } from '../documents/register';
import { AppError, notFound } from '../errors';
import type { FileStorage } from '../files/storage';
import { newId, nowIso, todayIso } from '../ids';
import { findUnit } from '../units/units.repository';
import { authorityKindOf, headNameOf, headTitleOf, parentName, placeOf } from '../dossiers/dossier-documents';
import { findDossier, listItems, loadReadableDossier, markDecided } from '../dossiers/manage-dossiers';
import { ruleSetsInUse } from '../dossiers/verdicts';
import { loadWorkflow } from '../dossiers/workflow';
import { certificateAuthority, certificateSigner, certificateWording } from './certificate-wording';

export type TDecisionRow = DecisionTable;
export type TLineRow = DecisionLineTable;

export type TCreateDecision = { dossierId: string; date?: string; signerName?: string; signerTitle?: string; summary?: string; excludeItemIds?: string[] };

export function presentLine(l: TLineRow) {
  return {
    id: l.id, recipientKind: l.recipient_kind, personId: l.person_id, unitId: l.unit_id, name: l.name, position: l.position, unitName: l.unit_name,
    titleCode: l.title_code, titleName: l.title_name, period: l.period, coefficient: Number(l.coefficient), baseSalary: Number(l.base_salary),
    amount: Number(l.amount), paid: !!l.paid, note: l.note, awardId: l.award_id,
  };
}

export function presentDecision(d: TDecisionRow, lines: TLineRow[], extra: { unitName?: string; canPublish?: boolean } = {}) {
  return {
    id: d.id, dossierId: d.dossier_id, unitId: d.unit_id, unitName: extra.unitName ?? null, authorityKind: d.authority_kind, authorityName: d.authority_name,
    numberId: d.number_id, number: d.number_symbol, date: d.decision_date, summary: d.summary, signerName: d.signer_name, signerTitle: d.signer_title,
    schoolYear: d.school_year, totalAmount: Number(d.total_amount), published: !!d.published, publishedAt: d.published_at,
    certificateBatchId: d.certificate_batch_id, canPublish: !!extra.canPublish, lines: lines.map(presentLine),
  };
}

async function findDecision(db: Db | Tx, id: string) {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

async function linesOf(db: Db | Tx, id: string) {
  return db.selectFrom('decision_lines').selectAll().where('decision_id', '=', id).orderBy('sort_order').execute();
}

async function loadReadable(ctx: TContext, id: string): Promise<TDecisionRow> {
  const d = await findDecision(ctx.db, id);
  if (!d) throw notFound('Không tìm thấy quyết định khen thưởng');
  await loadReadableDossier(ctx, d.dossier_id);
  return d;
}

export async function getDecision(ctx: TContext, id: string) {
  const d = await loadReadable(ctx, id);
  const unit = await findUnit(ctx.db, d.unit_id);
  let canPublish = false;
  try {
    await requireAccess(ctx, 'commendation.decide', [d.unit_id]);
    canPublish = true;
  } catch { /* read only */ }
  return presentDecision(d, await linesOf(ctx.db, id), { unitName: unit?.name, canPublish });
}

function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

export async function createDecision(ctx: TContext, storage: FileStorage, input: TCreateDecision) {
  const dossier = await findDossier(ctx.db, input.dossierId);
  if (!dossier) throw notFound('Không tìm thấy hồ sơ khen thưởng');
  await loadReadableDossier(ctx, dossier.id);
  await requireAccess(ctx, 'commendation.decide', [dossier.receiver_unit_id]);
  const date = input.date ?? todayIso();
  if (!isIsoDate(date)) throw new AppError('VALIDATION', 'Ngày quyết định phải có dạng YYYY-MM-DD', { fields: [{ field: 'date', message: 'Sai định dạng' }] });
  if (date > todayIso()) throw new AppError('VALIDATION', 'Ngày quyết định không được sau ngày hôm nay', { fields: [{ field: 'date', message: 'Sau hôm nay' }] });
  if (dossier.status !== 'accepted') {
    throw new AppError('INVALID_STATE', dossier.status === 'decided'
      ? 'Hồ sơ này đã có quyết định khen thưởng; không ban hành lần thứ hai.'
      : `Chỉ ban hành quyết định cho hồ sơ đã được tiếp nhận (hồ sơ đang ở trạng thái "${({ draft: 'Đang soạn', submitted: 'Đã gửi, chờ tiếp nhận', returned: 'Bị trả lại' } as Record<string, string>)[dossier.status] ?? dossier.status}").`);
  }
  const workflow = await loadWorkflow(ctx.db);
  const done = JSON.parse(dossier.steps_done) as string[];
  const missing = workflow.steps.find((s) => !done.includes(s.code));
  if (missing) throw new AppError('INVALID_STATE', `Cần hoàn thành bước "${missing.label}" trước khi ban hành quyết định.`);

  const unit = (await findUnit(ctx.db, dossier.receiver_unit_id))!;
  const authorityKind = authorityKindOf(unit);
  const excluded = new Set(input.excludeItemIds ?? []);
  const items = (await listItems(ctx.db, dossier.id)).filter((i) => !excluded.has(i.id));
  if (!items.length) throw new AppError('VALIDATION', 'Quyết định phải có ít nhất một cá nhân hoặc tập thể được khen thưởng.');
  const ruleSets = await ruleSetsInUse(ctx.db);
  const refused = items.map((i) => ({ i, a: canAward(authorityKind, i.title_code, date, ruleSets) })).filter((x) => !x.a.allowed);
  if (refused.length) {
    const first = refused[0];
    throw new AppError('VALIDATION', `${first.a.reason} Người, tập thể được đề nghị: ${first.i.recipient_kind === 'individual' ? first.i.person_name : first.i.unit_name}. Hãy chuyển hồ sơ lên cấp có thẩm quyền hoặc bỏ dòng này khỏi quyết định.`, { fields: refused.map((x) => ({ field: `items.${x.i.id}`, message: x.a.reason })) });
  }
  const period = schoolYearLabel(dossier.school_year);
  let payout;
  try {
    payout = computePayout(items.map((i): PayoutAward => ({ id: i.id, recipientId: i.person_id ?? `unit:${i.unit_id}`, recipientKind: i.recipient_kind, code: i.title_code, decisionDate: date, period })), { ruleSets });
  } catch (e) {
    if (e instanceof RulesError) throw new AppError('VALIDATION', e.message);
    throw e;
  }
  const issuerCode = resolveIssuerCode(unit, null);
  const signerName = input.signerName?.trim() || ctx.actor.fullName;
  const signerTitle = input.signerTitle?.trim() || headTitleOf(unit);
  const authorityName = `${AUTHORITY_LABEL[authorityKind].split(' (')[0]}`;
  const summary = input.summary?.trim() || `Về việc khen thưởng năm học ${period}`;
  const place = await placeOf(ctx.db, unit.province_code);
  const parent = await parentName(ctx.db, unit);
  const decisionId = newId();

  const result = await withTransaction(ctx, async (trx) => {
    const now = await findDossier(trx, dossier.id);
    if (!now || now.status !== 'accepted') throw new AppError('INVALID_STATE', 'Hồ sơ vừa thay đổi trạng thái; tải lại trang và thử lại.');
    const number = await allocateNumber(trx, ctx.kind, { unit, year: Number(date.slice(0, 4)), typeCode: 'QĐ', issuerCode, actorUserId: ctx.actor.userId, note: `Quyết định khen thưởng theo hồ sơ "${dossier.title}"` });
    await trx.updateTable('document_numbers').set({ status: 'issued', issued_date: date, signer_name: signerName, summary, issued_at: nowIso() }).where('id', '=', number.id).execute();
    const createdAt = nowIso();
    const lines: TLineRow[] = [];
    for (const [n, i] of items.entries()) {
      const pl = payout.lines[n];
      const name = i.recipient_kind === 'individual' ? i.person_name ?? '' : i.unit_name;
      let awardId: string | null = null;
      const key = awardDedupeKey({ personId: i.person_id, unitId: i.unit_id, code: i.title_code, name: i.title_name, schoolYear: dossier.school_year, decisionNumber: number.symbol });
      const existing = await trx.selectFrom('awards').select('id').where('dedupe_key', '=', key).executeTakeFirst();
      if (!existing) {
        awardId = newId();
        await trx.insertInto('awards').values({
          id: awardId, province_code: unit.province_code, person_id: i.person_id, unit_id: i.unit_id, recipient_kind: i.recipient_kind, code: i.title_code, name: i.title_name,
          school_year: dossier.school_year, decision_number: number.symbol, decision_date: date, authority: `${authorityName} ${unit.name.replace(/^(Sở|Ủy ban nhân dân)\s*/, '')}`.trim(),
          amount: pl.amount, thematic: dossier.commendation_type === 'theo chuyên đề' ? 1 : 0, source: 'decision', dedupe_key: key,
          voided_at: null, voided_by: null, void_reason: null, created_by: ctx.actor.userId, created_at: createdAt,
        }).execute();
      }
      lines.push({
        id: newId(), decision_id: decisionId, province_code: unit.province_code, item_id: i.id, recipient_kind: i.recipient_kind, person_id: i.person_id, unit_id: i.unit_id,
        name, position: i.person_position ?? null, unit_name: i.unit_name, title_code: i.title_code, title_name: i.title_name, period, coefficient: pl.bonus.coefficient,
        base_salary: pl.bonus.baseSalary, amount: pl.amount, paid: pl.paid ? 1 : 0, note: pl.note || null, award_id: awardId ?? existing?.id ?? null, sort_order: n + 1,
      });
    }
    const row: TDecisionRow = {
      id: decisionId, province_code: unit.province_code, dossier_id: dossier.id, unit_id: unit.id, authority_kind: authorityKind, authority_name: `${authorityName} ${unit.name}`,
      number_id: number.id, number_symbol: number.symbol, decision_date: date, summary, signer_name: signerName, signer_title: signerTitle, school_year: dossier.school_year,
      total_amount: payout.total, docx_sha256: null, certificate_batch_id: null, published: 0, published_at: null, created_by: ctx.actor.userId, created_at: createdAt,
    };
    let docx: Buffer;
    try {
      docx = await renderDecisionDocx({
        issuing: { parentOrg: parent, issuer: unit.name, issuerCode, number: number.number, place, date },
        authority: `${signerTitle} ${unit.name.toUpperCase()}`,
        authorityInText: row.authority_name,
        summary,
        legalBasis: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng'],
        proposedBy: `Theo đề nghị của ${(await findUnit(trx, dossier.sender_unit_id))?.name ?? 'đơn vị'} và Hội đồng Thi đua - Khen thưởng`,
        achievementText: `đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm học ${period}`,
        awardees: lines.map((l) => ({ kind: l.recipient_kind, name: l.name, position: l.position ?? undefined, unit: l.unit_name, award: l.title_name, amount: Number(l.amount) })),
        fundingSource: 'từ nguồn quỹ thi đua, khen thưởng theo quy định',
        bonusBasis: 'Nghị định số 152/2025/NĐ-CP',
        executors: `Văn phòng, các đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1`,
        signer: { title: signerTitle, name: signerName },
        recipients: { lines: ['Như Điều 3'], archive: 'VT, TĐKT' },
        layout: {},
      });
    } catch (e) {
      throw new AppError('VALIDATION', `Không dựng được quyết định: ${(e as Error).message}`);
    }
    row.docx_sha256 = await storeFile(trx, generatedStorage(storage), docx, ['docx']);
    await trx.insertInto('decisions').values(row).execute();
    for (const l of lines) await trx.insertInto('decision_lines').values(l).execute();
    await markDecided(trx, ctx, now, decisionId, number.symbol);
    await writeAudit(trx, ctx.kind, {
      actorUserId: ctx.actor.userId, action: 'decision.create', entityType: 'decision', entityId: decisionId, unitId: unit.id,
      after: { number: number.symbol, date, dossierId: dossier.id, total: payout.total, lines: lines.map((l) => ({ name: l.name, title: l.title_code, amount: Number(l.amount), paid: !!l.paid })) },
    });
    return { row, lines };
  });
  return presentDecision(result.row, result.lines, { unitName: unit.name, canPublish: true });
}

export async function decisionDocx(ctx: TContext, storage: FileStorage, id: string) {
  const d = await loadReadable(ctx, id);
  if (!d.docx_sha256) throw notFound('Quyết định chưa có tệp Word');
  return { d, bytes: await storage.get(d.docx_sha256) };
}

export async function decisionPdf(ctx: TContext, storage: FileStorage, id: string) {
  const { d, bytes } = await decisionDocx(ctx, storage, id);
  try {
    const [pdf] = await convertToPdf([bytes]);
    return { d, bytes: pdf };
  } catch (e) {
    if (e instanceof ConverterUnavailableError) throw e;
    throw e;
  }
}

export async function publishDecision(ctx: TContext, id: string, published: boolean) {
  const d = await findDecision(ctx.db, id);
  if (!d) throw notFound('Không tìm thấy quyết định khen thưởng');
  await requireAccess(ctx, 'commendation.decide', [d.unit_id]);
  await withTransaction(ctx, async (trx) => {
    const at = published ? nowIso() : null;
    await trx.updateTable('decisions').set({ published: published ? 1 : 0, published_at: at }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: published ? 'decision.publish' : 'decision.unpublish', entityType: 'decision', entityId: id, unitId: d.unit_id, before: { published: !!d.published }, after: { published } });
  });
  return getDecision(ctx, id);
}

/** Prints the decision's certificates through the shared certificate batch (background job). */
export async function printCertificates(ctx: TContext, id: string, input: { pdf?: boolean }) {
  const d = await findDecision(ctx.db, id);
  if (!d) throw notFound('Không tìm thấy quyết định khen thưởng');
  await requireAccess(ctx, 'commendation.decide', [d.unit_id]);
  const unit = (await findUnit(ctx.db, d.unit_id))!;
  const lines = await linesOf(ctx.db, id);
  // Each certificate names what was awarded (Giấy khen, Bằng khen, Chiến sĩ thi đua cơ sở, …) under the
  // authority of the deciding unit's head; a deputy signs "KT." (certificate-wording.ts).
  const headTitle = headTitleOf(unit);
  const batch = await createCertificateBatch(ctx, {
    unitId: d.unit_id,
    issuer: { authority: certificateAuthority(headTitle, unit.name), title: 'Giấy khen', place: await placeOf(ctx.db, unit.province_code), signer: certificateSigner(headTitle, d.signer_title, d.signer_name) },
    certificates: lines.map((l) => {
      const w = certificateWording({ titleCode: l.title_code, titleName: l.title_name, period: l.period }, d.authority_kind);
      return {
        salutation: l.recipient_kind === 'individual' ? 'Ông (Bà)' : undefined, recipientName: l.name, recipientUnit: l.recipient_kind === 'individual' ? `${l.position ? `${l.position}, ` : ''}${l.unit_name}` : undefined,
        title: w.title, awardLine: w.awardLine, achievement: w.achievement, date: d.decision_date, decisionRef: `Quyết định số ${d.number_symbol} ngày ${formatDateVi(d.decision_date)}`,
      };
    }),
    pdf: input.pdf ?? true,
  });
  await withTransaction(ctx, async (trx) => {
    await trx.updateTable('decisions').set({ certificate_batch_id: batch.id }).where('id', '=', id).execute();
    await writeAudit(trx, ctx.kind, { actorUserId: ctx.actor.userId, action: 'decision.certificates', entityType: 'decision', entityId: id, unitId: d.unit_id, after: { batchId: batch.id, count: lines.length } });
  });
  return batch;
}

export { loadReadable as loadReadableDecision, linesOf as decisionLines };
export { headNameOf };
