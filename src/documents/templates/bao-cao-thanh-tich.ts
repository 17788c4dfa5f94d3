// Báo cáo thành tích (individual, collective, chuyên đề) in the form of the decree in force on the
// report's date: the section structure and form number come from forms.ts, the content from data.
import { z } from 'zod';
import { formatDateVi } from '../../shared/vn';
import { DocumentInputError, parseDocumentInput } from '../errors';
import { ACHIEVEMENT_FORMS, formLabel, selectForm, type TAchievementForm, type TFormSectionKey } from '../forms';
import { renderNd30Document, type TBlock, type TNd30Document, type TSigner } from '../nd30';
import { ZBlock, ZIsoDate, ZLayout, ZText, para, section } from './common';

const ZContent = z.array(z.union([z.string(), ZBlock])).default([]);
const ZHistory = z.array(z.object({ year: ZText, name: ZText, decision: ZText })).default([]);

export const ZAchievementReportData = z.object({
  kind: z.enum(['individual', 'collective', 'thematic']),
  /** Force a form by id (forms.ts); by default the one in force on `date`. */
  formId: z.string().optional(),
  place: ZText,
  date: ZIsoDate,
  /** What is proposed: "danh hiệu “Chiến sĩ thi đua cơ sở” năm học 2025-2026". */
  award: ZText,
  /** Chuyên đề reports: the movement's name. */
  movement: z.string().optional(),
  /** Collective and chuyên đề reports: the unit (left header). */
  unit: z.object({ parentOrg: z.string().optional(), issuer: ZText, issuerCode: ZText }).optional(),
  /** Individual reports: sơ lược lý lịch. */
  profile: z
    .object({
      fullName: ZText,
      otherName: z.string().optional(),
      birthDate: ZIsoDate,
      gender: z.enum(['Nam', 'Nữ']),
      ethnicity: ZText,
      religion: z.string().default('Không'),
      hometown: ZText,
      residence: ZText,
      workplace: ZText,
      position: ZText,
      politicalTheory: z.string().optional(),
      qualification: ZText,
      academicTitle: z.string().optional(),
    })
    .optional(),
  /** Chuyên đề reports: the lines of "Thông tin chung". */
  general: ZContent,
  duties: ZContent,
  achievements: ZContent,
  initiatives: z.array(z.object({ name: ZText, recognition: ZText })).default([]),
  unitOverview: ZContent,
  unitFunctions: ZContent,
  results: ZContent,
  measures: ZContent,
  policy: ZContent,
  targets: z.array(z.object({ name: ZText, registered: ZText, achieved: ZText })).default([]),
  lessons: ZContent,
  titles: ZHistory,
  awards: ZHistory,
  signers: z.object({
    reporter: z.object({ name: ZText, title: z.string().optional() }),
    head: z.object({ name: ZText, title: ZText }).optional(),
    approver: z.object({ name: ZText, title: ZText }).optional(),
  }),
  layout: ZLayout,
});
export type TAchievementReportData = z.input<typeof ZAchievementReportData>;

function contentBlocks(items: (string | TBlock)[]): TBlock[] {
  return items.map((i) => (typeof i === 'string' ? para(i) : i));
}

function historyTable(rows: { year: string; name: string; decision: string }[], nameTitle: string): TBlock[] {
  if (!rows.length) return [para('Chưa có.')];
  return [
    {
      kind: 'table',
      fontSizePt: 12,
      columns: [
        { title: 'Năm', width: 16, align: 'center' },
        { title: nameTitle, width: 36 },
        { title: 'Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định', width: 48 },
      ],
      rows: rows.map((r) => [r.year, r.name, r.decision]),
    },
  ];
}

type TData = z.infer<typeof ZAchievementReportData>;

function partBlocks(key: TFormSectionKey, d: TData): TBlock[] {
  switch (key) {
    case 'profile': {
      const p = d.profile;
      if (!p) return [para('(Chưa có thông tin lý lịch.)')];
      const lines = [
        `Họ và tên: ${p.fullName}${p.otherName ? ` (bí danh: ${p.otherName})` : ''}.`,
        `Sinh ngày, tháng, năm: ${formatDateVi(p.birthDate)}. Giới tính: ${p.gender}.`,
        `Dân tộc: ${p.ethnicity}. Tôn giáo: ${p.religion}.`,
        `Quê quán: ${p.hometown}.`,
        `Trú quán: ${p.residence}.`,
        `Đơn vị công tác: ${p.workplace}.`,
        `Chức vụ (Đảng, chính quyền, đoàn thể): ${p.position}.`,
        `Trình độ lý luận chính trị: ${p.politicalTheory ?? 'Không'}.`,
        `Trình độ chuyên môn, nghiệp vụ: ${p.qualification}.`,
        `Học hàm, học vị, danh hiệu, giải thưởng: ${p.academicTitle ?? 'Không'}.`,
      ];
      return lines.map((l) => para(`- ${l}`));
    }
    case 'achievements': {
      const out = contentBlocks(d.achievements);
      if (d.initiatives.length) {
        out.push(para('Sáng kiến, giải pháp, đề tài nghiên cứu khoa học đã được công nhận:'));
        out.push({
          kind: 'table',
          fontSizePt: 12,
          columns: [
            { title: 'STT', width: 8, align: 'center' },
            { title: 'Tên sáng kiến, giải pháp, đề tài', width: 52 },
            { title: 'Cấp công nhận, số quyết định', width: 40 },
          ],
          rows: d.initiatives.map((it, i) => [String(i + 1), it.name, it.recognition]),
        });
      }
      return out;
    }
    case 'targets':
      if (!d.targets.length) return [para('(Chưa có chỉ tiêu đăng ký.)')];
      return [
        {
          kind: 'table',
          fontSizePt: 12,
          columns: [
            { title: 'STT', width: 8, align: 'center' },
            { title: 'Chỉ tiêu, nội dung đăng ký thi đua', width: 46 },
            { title: 'Đăng ký', width: 20, align: 'center' },
            { title: 'Kết quả đạt được', width: 26, align: 'center' },
          ],
          rows: d.targets.map((t, i) => [String(i + 1), t.name, t.registered, t.achieved]),
        },
      ];
    case 'titles':
      return historyTable(d.titles, 'Danh hiệu thi đua');
    case 'awards':
      return historyTable(d.awards, 'Hình thức khen thưởng');
    default: {
      const items = d[key] as (string | TBlock)[];
      return items.length ? contentBlocks(items) : [para('(Không có.)')];
    }
  }
}

function box(b: { title: string; note: string }, name: string): TSigner {
  return { title: b.title, note: b.note, name };
}

export function buildAchievementReportDocument(input: TAchievementReportData): TNd30Document & { form: TAchievementForm } {
  const d = parseDocumentInput(ZAchievementReportData, input, 'báo cáo thành tích');
  const form = d.formId ? (ACHIEVEMENT_FORMS.find((f) => f.id === d.formId) ?? selectForm(d.kind, d.date)) : selectForm(d.kind, d.date);
  const errors: string[] = [];
  if (d.kind === 'individual' && !d.profile) errors.push('profile: báo cáo thành tích cá nhân phải có sơ lược lý lịch');
  if (d.kind !== 'individual' && !d.unit) errors.push('unit: báo cáo thành tích tập thể/chuyên đề phải có tên đơn vị');
  if (d.kind === 'thematic' && !d.movement?.trim()) errors.push('movement: báo cáo theo chuyên đề phải có tên phong trào thi đua');
  if (errors.length) throw new DocumentInputError('Dữ liệu báo cáo thành tích không hợp lệ.', errors);

  const body: TBlock[] = form.sections.map((s) =>
    section(
      s.title,
      s.parts.flatMap((p) => (p.subtitle ? [section(p.subtitle, partBlocks(p.key, d))] : partBlocks(p.key, d))),
    ),
  );
  const title = form.title.replace('{award}', d.award);
  const subtitle = form.subtitle?.replace('{movement}', d.movement ?? '');
  const sig = form.signatures;
  const reporterName = d.signers.reporter.name;
  return {
    form,
    header: {
      parentOrg: d.unit?.parentOrg,
      issuer: d.unit?.issuer ?? '',
      issuerCode: d.unit?.issuerCode ?? '-',
      number: null,
      typeCode: null,
      place: d.place,
      date: d.date,
      showNumber: false,
      showIssuer: form.showIssuer && !!d.unit,
    },
    typeName: title,
    summary: subtitle ?? '',
    formNote: formLabel(form),
    body,
    endMark: false,
    coSigner: sig.left ? box(sig.left, d.signers.head?.name ?? '') : undefined,
    signer: box(sig.right, reporterName),
    extraSigners: sig.below.map((b) => box(b, d.signers.approver?.name ?? '')),
    layout: d.layout as TNd30Document['layout'],
  };
}

export async function renderAchievementReportDocx(data: TAchievementReportData): Promise<Buffer> {
  return renderNd30Document(buildAchievementReportDocument(data));
}
