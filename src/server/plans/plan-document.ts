// The Kế hoạch as a Word file (NĐ 30 layout, src/documents) and PDF (LibreOffice), from the plan's
// structured body.
import { formatDateVi } from '../../shared/vn';
import { UNIT_KIND_LABELS } from '../../shared/labels';
import { renderPlanDocx, type TPlanData } from '../../documents/templates/ke-hoach';
import { DocumentInputError } from '../../documents/errors';
import { convertDocxToPdf, isLibreOfficeAvailable, PdfConversionError } from '../../documents/pdf';
import { requireAccess, type TContext } from '../auth/access';
import type { UnitTable } from '../db/schema';
import { AppError } from '../errors';
import { ZPlanBody, type TPlanBody } from './plan-body';
import { signerTitleOf } from './plan-catalogue';
import { loadReadablePlan } from './plan-access';
import { findUnitRow, type TPlanRow } from './plans.repository';
import { placeOf } from './plan-units';

const KIND_PLURAL: Partial<Record<UnitTable['kind'], string>> = {
  thpt: 'các trường THPT', thcs: 'các trường THCS', th: 'các trường tiểu học', mn: 'các trường mầm non', lien_cap: 'các trường liên cấp',
  gdtx: 'các trung tâm GDNN – GDTX', phong_ban: 'các phòng chuyên môn, nghiệp vụ', to_chuyen_mon: 'các tổ chuyên môn', doan_the: 'các đoàn thể',
};

function subjectsText(body: TPlanBody) {
  const c = body.subjects.collectives;
  const i = body.subjects.individuals;
  const collectives = c.text ?? [...c.unitKinds.map((k) => KIND_PLURAL[k as UnitTable['kind']] ?? UNIT_KIND_LABELS[k as UnitTable['kind']]), ...c.groups].join(', ');
  const individuals = i.text ?? [...i.staffCategories, ...(i.learners ? ['người học'] : [])].join(', ');
  return { collectives: collectives || undefined, individuals: individuals || undefined };
}

function timelineRows(body: TPlanBody): TPlanData['timeline'] {
  const t = body.timeline;
  const rows: { date: string; task: string; owner?: string }[] = [];
  if (t.registrationDeadline) rows.push({ date: t.registrationDeadline, task: 'Hạn đăng ký thi đua' });
  for (const r of t.reports) rows.push({ date: r.dueDate, task: `Báo cáo kết quả thực hiện (${r.period})` });
  if (t.midtermReviewDate) rows.push({ date: t.midtermReviewDate, task: 'Sơ kết phong trào thi đua' });
  if (t.nominationDeadline) rows.push({ date: t.nominationDeadline, task: 'Hạn gửi hồ sơ đề nghị khen thưởng' });
  if (t.finalReviewDate) rows.push({ date: t.finalReviewDate, task: 'Tổng kết phong trào thi đua' });
  for (const m of t.milestones) rows.push({ date: m.date, task: m.task, owner: m.owner ?? undefined });
  return rows.sort((a, b) => a.date.localeCompare(b.date)).map((r) => ({ time: formatDateVi(r.date), task: r.task, owner: r.owner }));
}

/** The document template's input from a plan (number, date and signer once issued). */
export function planDocumentData(plan: TPlanRow, unit: UnitTable, parentUnit: UnitTable | null, body: TPlanBody, signerFallback: string | null, place?: string | null): TPlanData {
  const s = subjectsText(body);
  const moneySources = [...new Set(body.awards.map((a) => a.moneySource).filter((m): m is string => !!m))];
  return {
    issuing: {
      parentOrg: parentUnit?.name,
      issuer: unit.name,
      issuerCode: unit.abbreviation ?? unit.code,
      number: plan.doc_number,
      place: body.place ?? place ?? 'Hà Tĩnh',
      date: plan.issued_date,
    },
    title: plan.title,
    legalBasis: body.legalBases.map((b) => b.text),
    intro: body.intro ?? undefined,
    purposes: body.purposes,
    requirements: body.requirements,
    subjects: s,
    contents: body.contents.map((c) => {
      const items = [...c.details, ...c.indicators.map((i) => `Chỉ tiêu: ${i.name}${i.target ? `: ${i.target}` : ''}`)];
      return items.length ? { title: c.title, items } : c.title;
    }),
    criteria: {
      collectives: body.criteria.filter((c) => c.recipient === 'collective').map((c) => `${c.title}: ${c.items.map((x) => x.replace(/[.;]+$/, '')).join('; ')}.`),
      individuals: body.criteria.filter((c) => c.recipient === 'individual').map((c) => `${c.title}: ${c.items.map((x) => x.replace(/[.;]+$/, '')).join('; ')}.`),
    },
    awards: body.awards.map((a) => ({ name: a.name, target: a.recipient === 'collective' ? 'Tập thể' : 'Cá nhân', quota: a.quota, awardedBy: a.authority && !a.name.includes(a.authority) ? a.authority : undefined })),
    dossier: body.dossier.items,
    dossierDeadline: body.timeline.nominationDeadline
      ? `trước ngày ${formatDateVi(body.timeline.nominationDeadline)}${body.dossier.submitTo ? `, gửi về ${body.dossier.submitTo}` : ''}${body.dossier.copies ? ` (${String(body.dossier.copies).padStart(2, '0')} bộ)` : ''}`
      : undefined,
    timeline: timelineRows(body),
    implementation: body.implementation.map((p) => ({ unit: p.part, duties: p.tasks })),
    funding: [...body.funding, ...moneySources.filter((m) => !body.funding.some((f) => f.includes(m))).map((m) => `Tiền thưởng chi từ ${m}.`)],
    closing: body.closing ?? undefined,
    signer: {
      authority: (plan.signer_authority as 'KT.' | 'TM.' | 'Q.' | 'TL.' | 'TUQ.' | null) ?? null,
      title: plan.signer_title ?? signerTitleOf(unit.kind),
      name: plan.signer_name ?? signerFallback ?? 'Chưa ký',
    },
    recipients: { lines: body.recipients },
  };
}

/** DOCX of a plan the actor may read; the file name is "ke-hoach-05-KH-SGDDT.docx" style. */
export async function renderPlanDocxFor(ctx: TContext, id: string): Promise<{ bytes: Buffer; fileName: string; plan: TPlanRow }> {
  const plan = await loadReadablePlan(ctx, id);
  await requireAccess(ctx, 'plan.read', []);
  const unit = await findUnitRow(ctx.db, plan.unit_id);
  if (!unit) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị của kế hoạch');
  const parentUnit = unit.parent_id ? (await findUnitRow(ctx.db, unit.parent_id)) ?? null : null;
  const head = await ctx.db.selectFrom('user_roles').innerJoin('users', 'users.id', 'user_roles.user_id').select('users.full_name').where('user_roles.unit_id', '=', unit.id).where('user_roles.role', '=', 'head').where('users.is_active', '=', 1).executeTakeFirst();
  const body = ZPlanBody.parse(JSON.parse(plan.body));
  const data = planDocumentData(plan, unit, parentUnit, body, head?.full_name ?? null, await placeOf(ctx.db, unit));
  try {
    const bytes = await renderPlanDocx(data);
    const tag = plan.doc_number ? `${String(plan.doc_number).padStart(2, '0')}-${plan.doc_symbol}` : `du-thao-${plan.id.slice(0, 8)}`;
    return { bytes, fileName: `ke-hoach-${tag}.docx`, plan };
  } catch (e) {
    if (e instanceof DocumentInputError) throw new AppError('VALIDATION', `Chưa lập được văn bản kế hoạch: ${e.issues.join('; ') || e.message}`);
    throw e;
  }
}

export class PdfUnavailableError extends Error {}

export async function renderPlanPdfFor(ctx: TContext, id: string): Promise<{ bytes: Buffer; fileName: string }> {
  const docx = await renderPlanDocxFor(ctx, id);
  if (!(await isLibreOfficeAvailable())) throw new PdfUnavailableError('Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản Word (DOCX) hoặc báo quản trị cài gói libreoffice-writer');
  try {
    const bytes = await convertDocxToPdf(docx.bytes);
    return { bytes, fileName: docx.fileName.replace(/\.docx$/, '.pdf') };
  } catch (e) {
    if (e instanceof PdfConversionError) throw new PdfUnavailableError(`Không chuyển được sang PDF: ${e.message}`);
    throw e;
  }
}
