// Biên bản họp Hội đồng Thi đua – Khen thưởng: attendance, per-candidate secret-ballot counts with the
// percentage of ALL council members (NĐ 98 Điều 30 k7 counts against all members, absentees vote in writing),
// and the conclusion. No national form exists (domain.md §0.1): this is our configurable template.
import { z } from 'zod';
import { formatDecimalVi } from '../../shared/vn';
import { DocumentInputError, parseDocumentInput } from '../errors';
import { formatPlaceDate, renderNd30Document, type TBlock, type TNd30Document } from '../nd30';
import { ZIssuing, ZLayout, ZRecipients, ZSigner, ZText, bullets, count2, headerOf, para, recipientsOf, section, signerOf, trimEnd } from './common';

const ZTime = z.string().regex(/^\d{1,2}:\d{2}$/, 'giờ phải có dạng HH:MM');

export const ZMinutesData = z.object({
  issuing: ZIssuing,
  /** "Họp Hội đồng Thi đua - Khen thưởng xét danh hiệu thi đua năm học 2025-2026". */
  title: ZText,
  /** What the meeting is for, in running text; default: the title without "Họp Hội đồng …". */
  purpose: z.string().optional(),
  councilName: ZText,
  startTime: ZTime,
  endTime: ZTime,
  location: ZText,
  members: z
    .array(
      z.object({
        name: ZText,
        role: ZText,
        present: z.boolean().default(true),
        absenceReason: z.string().optional(),
      }),
    )
    .min(1),
  chair: ZText,
  secretary: ZText,
  agenda: z.array(ZText).default([]),
  discussion: z.array(ZText).default([]),
  candidates: z
    .array(
      z.object({
        name: ZText,
        unit: ZText,
        award: ZText,
        votesFor: z.number().int().nonnegative(),
        /** Overrides defaultRequiredPercent for this candidate (e.g. 90 for CSTĐ cấp tỉnh). */
        requiredPercent: z.number().min(0).max(100).optional(),
      }),
    )
    .min(1),
  /** Share of ALL members needed (NĐ 98 Điều 30 k7: 80 for CSTĐCS; provinces may set their own). */
  defaultRequiredPercent: z.number().min(0).max(100),
  ballotsIssued: z.number().int().nonnegative().optional(),
  ballotsReturned: z.number().int().nonnegative().optional(),
  conclusion: z.array(ZText).default([]),
  chairSigner: ZSigner,
  secretarySigner: ZSigner,
  recipients: ZRecipients.optional(),
  layout: ZLayout,
});
export type TMinutesData = z.input<typeof ZMinutesData>;

/** "85,71%" — votes as a share of all members, two decimals at most. */
export function votePercent(votes: number, members: number): string {
  return `${formatDecimalVi((votes / members) * 100, 2)}%`;
}

function timeText(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${count2(Number(h))} giờ ${m} phút`;
}

export function buildMinutesDocument(input: TMinutesData): TNd30Document {
  const d = parseDocumentInput(ZMinutesData, input, 'biên bản');
  const total = d.members.length;
  const present = d.members.filter((m) => m.present);
  const absent = d.members.filter((m) => !m.present);
  const tooMany = d.candidates.filter((c) => c.votesFor > total);
  if (tooMany.length) {
    throw new DocumentInputError('Số phiếu đồng ý lớn hơn tổng số thành viên Hội đồng.', tooMany.map((c) => `${c.name}: ${c.votesFor}/${total}`));
  }
  const dateLine = formatPlaceDate(d.issuing.place, d.issuing.date).replace(/^.*?, /, '');
  const results = d.candidates.map((c) => {
    const required = c.requiredPercent ?? d.defaultRequiredPercent;
    const pct = (c.votesFor / total) * 100;
    return { ...c, required, pct, passed: pct + 1e-9 >= required };
  });
  const passed = results.filter((r) => r.passed);
  const body: TBlock[] = [
    para(`Vào lúc ${timeText(d.startTime)}, ${dateLine}, tại ${trimEnd(d.location)}, ${d.councilName} tổ chức họp ${trimEnd(d.purpose ?? d.title.replace(/^họp\s+(hội đồng\s+thi đua\s*[-–]\s*khen thưởng\s*)?/iu, ''))}.`),
    section('Thành phần', [
      para(`Chủ trì: ${d.chair}.`),
      para(`Thư ký: ${d.secretary}.`),
      para(`Tổng số thành viên Hội đồng: ${count2(total)}; có mặt: ${count2(present.length)}; vắng mặt: ${count2(absent.length)}.`),
      bullets(
        d.members.map(
          (m, i) => `${m.name} - ${m.role}${m.present ? '' : ` (vắng mặt${m.absenceReason ? `: ${trimEnd(m.absenceReason)}` : ''})`}${i === d.members.length - 1 ? '.' : ';'}`,
        ),
      ),
    ]),
    section('Nội dung', [
      ...(d.agenda.length ? [para('Hội đồng tiến hành các nội dung sau:'), bullets(d.agenda.map((a) => `${trimEnd(a)};`))] : []),
      ...d.discussion.map((t) => para(t)),
    ]),
    section('Kết quả bỏ phiếu kín', [
      para(
        `Số phiếu phát ra: ${count2(d.ballotsIssued ?? total)}; số phiếu thu về: ${count2(d.ballotsReturned ?? d.ballotsIssued ?? total)}. Tỷ lệ phiếu đồng ý được tính trên tổng số ${count2(total)} thành viên Hội đồng (thành viên vắng mặt gửi phiếu bằng văn bản).`,
      ),
      {
        kind: 'table',
        fontSizePt: 12,
        columns: [
          { title: 'STT', width: 7, align: 'center' },
          { title: 'Họ và tên', width: 21 },
          { title: 'Chức vụ, đơn vị', width: 22 },
          { title: 'Danh hiệu, hình thức đề nghị', width: 20 },
          { title: 'Số phiếu đồng ý', width: 10, align: 'center' },
          { title: 'Tỷ lệ', width: 10, align: 'center' },
          { title: 'Kết quả', width: 10, align: 'center' },
        ],
        rows: results.map((r, i) => [
          String(i + 1),
          r.name,
          r.unit,
          r.award,
          `${r.votesFor}/${total}`,
          votePercent(r.votesFor, total),
          r.passed ? 'Đạt' : 'Không đạt',
        ]),
      },
    ]),
    section('Kết luận', [
      para(
        passed.length
          ? `Căn cứ kết quả bỏ phiếu, Hội đồng thống nhất đề nghị khen thưởng ${count2(passed.length)} trường hợp đạt tỷ lệ phiếu theo quy định:`
          : 'Căn cứ kết quả bỏ phiếu, không có trường hợp nào đạt tỷ lệ phiếu theo quy định.',
      ),
      ...(passed.length ? [bullets(passed.map((r, i) => `${r.name} (${r.unit}): ${r.award}, đạt ${votePercent(r.votesFor, total)}${i === passed.length - 1 ? '.' : ';'}`))] : []),
      ...d.conclusion.map((t) => para(t)),
    ]),
    para(`Cuộc họp kết thúc vào lúc ${timeText(d.endTime)} cùng ngày. Biên bản đã được thông qua trước Hội đồng, các thành viên dự họp nhất trí với nội dung biên bản.`),
  ];
  return {
    header: headerOf(d.issuing, 'BB'),
    typeName: 'Biên bản',
    summary: d.title,
    body,
    signer: signerOf(d.chairSigner),
    coSigner: signerOf(d.secretarySigner),
    recipients: recipientsOf(d.recipients ?? { lines: [], archive: 'HĐTĐKT' }),
    layout: d.layout as TNd30Document['layout'],
  };
}

export async function renderMinutesDocx(data: TMinutesData): Promise<Buffer> {
  return renderNd30Document(buildMinutesDocument(data));
}
