// A parsed document (from the reader, possibly edited by the user) → the request that creates a
// DRAFT plan: legal bases, purposes and requirements from the sections, contents, awards with their
// quotas, dossier, deadlines on the timeline, period, movement name, kind. Whatever cannot be carried
// over faithfully is left out with a Vietnamese warning, never guessed.
import { foldVietnamese, formatDateVi, schoolYearOf } from '../../shared/vn';
import type { TParsedDocument, TSection } from '../../importer/schema';
import { checkPlanDates, parseQuota, reportDueDates, REPORT_SCHEDULES, ZPlanBody, type TPlanBody, type TPlanBodyInput } from '../plans/plan-body';
import type { TCreatePlanRequest } from '../plans/plans.schemas';

export type TPlanFromParsed = { request: TCreatePlanRequest; warnings: string[] };

const LAW_KINDS = new Set(['luat', 'bo luat', 'nghi dinh', 'thong tu', 'thong tu lien tich', 'nghi quyet', 'chi thi', 'phap lenh', 'lenh', 'hien phap']);
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** "- abc", "+ abc", "a) abc", "• abc" → "abc". */
function stripBullet(line: string): string {
  return line.replace(/^\s*(?:[-–—•+*]\s*|[a-zđ]\)\s+|\d{1,2}(?:\.\d{1,2})*[.)]\s+)/u, '').trim();
}

function sectionLines(text: string, s: TSection): string[] {
  const start = Math.max(0, Math.min(text.length, s.heading.span.end));
  const end = Math.max(start, Math.min(text.length, s.span.end));
  return text.slice(start, end).split('\n').map(stripBullet).filter((l) => l.length >= 3);
}

function walk(sections: TSection[], visit: (s: TSection) => void): void {
  for (const s of sections) {
    visit(s);
    walk(s.children, visit);
  }
}

/** Mục đích / Yêu cầu: children of "MỤC ĐÍCH, YÊU CẦU" when it has them, else sections headed so. */
function purposesAndRequirements(doc: TParsedDocument): { purposes: string[]; requirements: string[] } {
  let purposes: string[] = [];
  let requirements: string[] = [];
  const kindOf = (s: TSection) => {
    const h = foldVietnamese(s.heading.value);
    return { p: /\bmuc dich\b/.test(h), r: /\byeu cau\b/.test(h) };
  };
  walk(doc.sections, (s) => {
    const { p, r } = kindOf(s);
    if (p && r) {
      // "MỤC ĐÍCH, YÊU CẦU" split into "1. Mục đích" / "2. Yêu cầu": the children are read on their own.
      if (s.children.some((c) => kindOf(c).p || kindOf(c).r)) return;
      if (!purposes.length) purposes = sectionLines(doc.text, s);
    } else if (p && !purposes.length) purposes = sectionLines(doc.text, s);
    else if (r && !requirements.length) requirements = sectionLines(doc.text, s);
  });
  const fit = (l: string[]) => l.map((x) => clip(x, 2000)).slice(0, 30);
  return { purposes: fit(purposes), requirements: fit(requirements) };
}

/** Was the document itself (not one it cites) about a chuyên đề? */
function isThematic(doc: TParsedDocument): boolean {
  const own = [doc.title?.value, doc.movementName?.value, doc.period?.label.value].map((s) => foldVietnamese(s ?? '')).join(' ');
  if (/chuyen de/.test(own)) return true;
  // The opening text up to the first section, without the cited legal bases.
  const firstSection = doc.sections[0]?.span.start ?? Math.min(doc.text.length, 3000);
  let intro = doc.text.slice(0, firstSection);
  for (const b of [...doc.legalBases].sort((a, z) => z.span.start - a.span.start)) {
    if (b.span.end <= intro.length && b.span.end > b.span.start) intro = intro.slice(0, b.span.start) + intro.slice(b.span.end);
  }
  return /(thi dua|phong trao) (theo )?chuyen de|chuyen de thi dua/.test(foldVietnamese(intro));
}

function movementNameOf(doc: TParsedDocument, warnings: string[]): string {
  const m = clean(doc.movementName?.value);
  if (m.length >= 2) return clip(m, 200);
  const quoted = /[“"]([^”"]{2,200})[”"]/.exec(doc.title?.value ?? '');
  if (quoted) return clean(quoted[1]);
  const fromTitle = clean((doc.title?.value ?? '').replace(/^(kế hoạch|hướng dẫn|thông báo)\s+/iu, '').replace(/^(phát động|tổ chức)\s+/iu, '').replace(/^phong trào thi đua\s+/iu, '').replace(/^về việc\s+/iu, ''));
  if (fromTitle.length >= 2) {
    warnings.push('Văn bản không ghi rõ tên phong trào; đã lấy từ trích yếu, hãy kiểm tra lại.');
    return clip(fromTitle.charAt(0).toLocaleUpperCase('vi') + fromTitle.slice(1), 200);
  }
  warnings.push('Văn bản không ghi tên phong trào; đã đặt tạm "Phong trào thi đua", hãy sửa lại.');
  return 'Phong trào thi đua';
}

function periodOf(doc: TParsedDocument, warnings: string[]): { from: string; to: string } {
  const from = doc.period?.from ?? null;
  const to = doc.period?.to ?? null;
  if (from && to && from <= to) return { from, to };
  const anchor = doc.date?.value ?? new Date().toISOString().slice(0, 10);
  const y = schoolYearOf(anchor);
  const derived = { from: from ?? `${y}-09-01`, to: to ?? `${y + 1}-08-31` };
  if (derived.from > derived.to) derived.to = `${Number(derived.from.slice(0, 4)) + 1}-08-31`;
  warnings.push(`Không đọc được đủ thời gian thực hiện; đã đặt ${formatDateVi(derived.from)} – ${formatDateVi(derived.to)} (năm học ${y}-${y + 1}), hãy kiểm tra lại.`);
  return derived;
}

function titleOf(doc: TParsedDocument): string | undefined {
  const t = clean(doc.title?.value).replace(/^kế hoạch\s+/iu, '');
  if (t.length < 5) return undefined;
  return clip(t.charAt(0).toLocaleUpperCase('vi') + t.slice(1), 300);
}

const RECIPIENT_WORD = { tap_the: 'tập thể', ca_nhan: 'cá nhân', gia_dinh: 'gia đình' } as const;

function awardsOf(doc: TParsedDocument, warnings: string[]): TPlanBody['awards'] {
  const out: TPlanBody['awards'] = [];
  doc.awards.forEach((a, i) => {
    const recipient = a.recipientKind === 'tap_the' ? 'collective' : 'individual';
    const authority = clean(a.authority?.value) || null;
    const form = clean(a.form?.value);
    const name = clip(form || (authority ? `Đề nghị ${authority} khen thưởng ${RECIPIENT_WORD[a.recipientKind]}` : `Khen thưởng ${RECIPIENT_WORD[a.recipientKind]}`), 300);
    const quotaText = clean(a.quota?.value);
    let quota: string | null = null;
    let note: string | null = null;
    if (quotaText && parseQuota(quotaText)) quota = clip(quotaText, 120);
    else if (a.quotaMax !== null && a.quotaMax > 0) {
      quota = String(a.quotaMax);
      note = quotaText ? clip(`Số lượng trong văn bản: ${quotaText}`, 500) : null;
      warnings.push(`Hình thức khen thưởng thứ ${i + 1} (${name}): số lượng "${quotaText || '(không ghi)'}" không rõ, đã ghi tối đa ${a.quotaMax}.`);
    } else {
      warnings.push(`Bỏ qua hình thức khen thưởng thứ ${i + 1} (${name}): không đọc được số lượng${quotaText ? ` "${quotaText}"` : ''}; hãy thêm vào kế hoạch bằng tay.`);
      return;
    }
    if (a.recipientKind === 'gia_dinh') note = clip([note, 'Đối tượng: gia đình'].filter(Boolean).join('; '), 500);
    out.push({ name, authority: authority ? clip(authority, 200) : null, recipient, quota, moneySource: null, note });
  });
  if (out.length > 40) {
    warnings.push(`Kế hoạch chỉ nhận 40 hình thức khen thưởng; đã bỏ ${out.length - 40} hình thức cuối.`);
    out.length = 40;
  }
  return out;
}

function legalBasesOf(doc: TParsedDocument, warnings: string[]): TPlanBody['legalBases'] {
  const out = doc.legalBases
    .map((b) => {
      const text = clip(clean(b.value), 2000);
      const kind = foldVietnamese(clean(b.kind));
      return { kind: (kind === 'ke hoach' ? 'parent_plan' : LAW_KINDS.has(kind) || kind === 'quyet dinh' ? 'law' : 'other') as 'law' | 'parent_plan' | 'other', text, planId: null };
    })
    .filter((b) => b.text.length > 0);
  if (out.length > 30) {
    warnings.push(`Kế hoạch chỉ nhận 30 căn cứ; đã bỏ ${out.length - 30} căn cứ cuối.`);
    out.length = 30;
  }
  return out;
}

function contentsOf(doc: TParsedDocument): TPlanBody['contents'] {
  return doc.contents
    .map((c) => c.value.split('\n').map(stripBullet).filter((l) => l.length > 0))
    .filter((lines) => lines.length > 0)
    .slice(0, 50)
    .map(([title, ...details]) => ({ title: clip(title, 2000), details: details.slice(0, 50).map((d) => clip(d, 2000)), indicators: [] }));
}

function timelineOf(doc: TParsedDocument, warnings: string[]): TPlanBody['timeline'] {
  const t: TPlanBody['timeline'] = { reportSchedules: [], reports: [], milestones: [], registrationDeadline: null, nominationDeadline: null, midtermReviewDate: null, finalReviewDate: null };
  for (const d of doc.deadlines) {
    const what = clean(d.what.value);
    const when = clean(d.when.value);
    if (!d.date) {
      warnings.push(`Thời hạn "${what}: ${when}" không xác định được ngày; chưa đưa vào mốc thời gian.`);
      continue;
    }
    const f = foldVietnamese(what);
    if (/dang ky/.test(f) && !t.registrationDeadline) t.registrationDeadline = d.date;
    else if (/so ket/.test(f) && !t.midtermReviewDate) t.midtermReviewDate = d.date;
    else if (/tong ket/.test(f) && !t.finalReviewDate) t.finalReviewDate = d.date;
    else if (/(ho so|de nghi khen|khen thuong)/.test(f) && !t.nominationDeadline) t.nominationDeadline = d.date;
    else if (t.milestones.length < 50) t.milestones.push({ date: d.date, task: clip(what || when, 2000), owner: null });
  }
  const map: Record<string, (typeof REPORT_SCHEDULES)[number]> = { quý: 'quarterly', '6 tháng': 'half_year', năm: 'annual' };
  t.reportSchedules = [...new Set(doc.reporting.map((r) => map[r.value]).filter((x): x is (typeof REPORT_SCHEDULES)[number] => !!x))];
  return t;
}

/** Removes every date the plan would refuse (before the start, out of order) and says so. */
function fitDates(body: TPlanBody, period: { from: string; to: string }, warnings: string[]): void {
  const t = body.timeline;
  const names: Record<string, string> = {
    'body.timeline.registrationDeadline': 'Hạn đăng ký thi đua', 'body.timeline.midtermReviewDate': 'Ngày sơ kết',
    'body.timeline.finalReviewDate': 'Ngày tổng kết', 'body.timeline.nominationDeadline': 'Hạn gửi hồ sơ khen thưởng',
  };
  for (let round = 0; round < 10; round++) {
    const problems: string[] = [];
    checkPlanDates(body, period, (field) => problems.push(field));
    const field = problems.find((p) => p !== 'periodTo');
    if (!field) return;
    const key = field.replace('body.timeline.', '');
    const m = /^milestones\.(\d+)\.date$/.exec(key);
    const r = /^reports\.(\d+)\.dueDate$/.exec(key);
    if (m) {
      const [gone] = t.milestones.splice(Number(m[1]), 1);
      warnings.push(`Bỏ mốc "${gone.task}" (${formatDateVi(gone.date)}): ngoài thời gian của kế hoạch.`);
    } else if (r) {
      t.reports.splice(Number(r[1]), 1);
    } else if (key in t) {
      const value = (t as Record<string, unknown>)[key] as string | null;
      (t as Record<string, unknown>)[key] = null;
      warnings.push(`${names[field] ?? key} ${formatDateVi(value)} không phù hợp với thời gian của kế hoạch; đã bỏ, hãy nhập lại.`);
    } else return;
  }
}

/** The create-plan request for a parsed document, and what could not be carried over. */
export function planRequestFromParsed(doc: TParsedDocument, unitId: string): TPlanFromParsed {
  const warnings: string[] = [];
  if (doc.docType.value !== 'ke_hoach' && doc.docType.value !== 'huong_dan' && doc.docType.value !== 'other') {
    warnings.push('Văn bản không phải kế hoạch; dự thảo chỉ lấy những phần đọc được, hãy kiểm tra kỹ.');
  }
  const period = periodOf(doc, warnings);
  const movementName = movementNameOf(doc, warnings);
  const kind = isThematic(doc) ? 'thematic' : 'regular';
  const { purposes, requirements } = purposesAndRequirements(doc);
  if (!purposes.length && !requirements.length) warnings.push('Không thấy mục "Mục đích, yêu cầu"; hãy viết trong kế hoạch.');
  const collective = doc.targets.collective.map((x) => clean(x.value)).filter(Boolean).join('; ');
  const individual = doc.targets.individual.map((x) => clean(x.value)).filter(Boolean).join('; ');
  const dossier = doc.dossier.map((d) => clip(clean(d.value), 2000)).filter(Boolean);
  if (dossier.length > 30) warnings.push(`Kế hoạch chỉ nhận 30 thành phần hồ sơ; đã bỏ ${dossier.length - 30} mục cuối.`);
  const input: TPlanBodyInput = {
    movementName,
    place: doc.place ? clip(clean(doc.place.value), 60) : null,
    legalBases: legalBasesOf(doc, warnings),
    purposes,
    requirements,
    subjects: {
      collectives: { unitKinds: [], groups: [], text: collective ? clip(collective, 1000) : null },
      individuals: { staffCategories: [], learners: false, text: individual ? clip(individual, 1000) : null },
    },
    contents: contentsOf(doc),
    awards: awardsOf(doc, warnings),
    dossier: { items: dossier.slice(0, 30) },
    timeline: timelineOf(doc, warnings),
    recipients: doc.recipients.map((r) => clip(clean(r.value), 300)).filter(Boolean).slice(0, 40),
  };
  const body = ZPlanBody.parse(input);
  body.timeline.reports = reportDueDates(body.timeline.reportSchedules, period.from, period.to);
  fitDates(body, period, warnings);
  return {
    request: { unitId, kind, title: titleOf(doc), movementName, schoolYear: kind === 'regular' ? schoolYearOf(period.from) : null, periodFrom: period.from, periodTo: period.to, body },
    warnings,
  };
}
