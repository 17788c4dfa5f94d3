// The Biên bản of a closed review session: built from the stored tally with the Biên bản template of
// src/documents (renderMinutesDocx), stored as a generated document (kind "bien-ban", a draft the
// officer may later number through the document register), so it has a DOCX now and a PDF on demand.
import { renderMinutesDocx, type TMinutesData } from '../../documents';
import type { RuleSet, VoteOverride } from '../../rules';
import { foldVietnamese } from '../../shared/vn';
import type { TContext } from '../auth/access';
import type { Tx } from '../db/database';
import type { ReviewSessionTable } from '../db/schema';
import { generatedStorage, storeFile } from '../documents/document-files';
import { insertDocument, type TDocumentRow } from '../documents/documents.repository';
import type { FileStorage } from '../files/storage';
import { newId, nowIso } from '../ids';
import { placeOf } from '../plans/plan-units';
import { titleName } from './titles';

const ROLE_TEXT = { chair: 'Chủ tịch Hội đồng', secretary: 'Thư ký Hội đồng', member: 'Ủy viên' } as const;

/** "HH:MM" in Vietnam time (UTC+7) of an ISO timestamp. */
function vnTime(iso: string | null): string {
  const d = iso ? new Date(iso) : new Date();
  const t = new Date(d.getTime() + 7 * 3600_000);
  return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}

function requiredPercentOf(set: RuleSet, titleCode: string, override?: VoteOverride): number {
  const t = override ? { share: override.share, comparison: override.comparison ?? 'gte' } : (set.titles[titleCode]?.voteThreshold?.value ?? set.defaultVoteThreshold.value);
  // The template compares "≥"; a strict ("quá bán") threshold is a hair above the share.
  return Math.min(100, t.share * 100 + (t.comparison === 'gt' ? 0.0001 : 0));
}

export async function minutesData(trx: Tx, s: ReviewSessionTable, set: RuleSet, override: VoteOverride | undefined, closedBy: string): Promise<TMinutesData> {
  const unit = (await trx.selectFrom('units').selectAll().where('id', '=', s.unit_id).executeTakeFirst())!;
  const parent = unit.parent_id ? await trx.selectFrom('units').select('name').where('id', '=', unit.parent_id).executeTakeFirst() : undefined;
  const members = await trx.selectFrom('review_members').selectAll().where('session_id', '=', s.id).orderBy('created_at').orderBy('id').execute();
  const order = { chair: 0, secretary: 2, member: 1 } as const;
  members.sort((a, b) => order[a.role] - order[b.role]);
  const participation = await trx.selectFrom('review_participation').select(['member_id', 'mode']).where('session_id', '=', s.id).execute();
  const modeOf = new Map(participation.map((p) => [p.member_id, p.mode]));
  const cands = (await trx.selectFrom('review_candidates').selectAll().where('session_id', '=', s.id).orderBy('created_at').orderBy('id').execute()).filter((c) => c.result !== 'withdrawn');
  const positions = new Map<string, string>();
  const personIds = cands.map((c) => c.person_id).filter((x): x is string => !!x);
  if (personIds.length) {
    for (const p of await trx.selectFrom('people').leftJoin('units', 'units.id', 'people.unit_id').select(['people.id', 'people.position', 'units.name as unit_name']).where('people.id', 'in', personIds).execute()) {
      positions.set(p.id, [p.position, p.unit_name].filter(Boolean).join(', '));
    }
  }
  const ballots = await trx.selectFrom('review_ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', s.id).executeTakeFirstOrThrow();
  const chair = members.find((m) => m.role === 'chair');
  const secretary = members.find((m) => m.role === 'secretary');
  const written = participation.filter((p) => p.mode === 'written').length;
  const defaultPct = override ? override.share * 100 : set.defaultVoteThreshold.value.share * 100;
  const resultLines = cands.map((c) => `${c.name} (${titleName(c.title_code, set)}): ${c.result_message ?? ''}`.trim());
  return {
    issuing: { parentOrg: parent?.name, issuer: unit.name, issuerCode: unit.abbreviation ?? unit.code, number: null, place: (await placeOf(trx, unit)) ?? 'Hà Tĩnh', date: s.review_date },
    title: `Họp Hội đồng Thi đua - Khen thưởng ${s.name.replace(/^./, (x) => x.toLocaleLowerCase('vi'))}`,
    purpose: `${s.name.replace(/^./, (x) => x.toLocaleLowerCase('vi'))} (${s.period})`,
    councilName: `Hội đồng Thi đua - Khen thưởng ${unit.name}`,
    startTime: vnTime(s.opened_at),
    endTime: vnTime(s.closed_at),
    location: s.location || unit.name,
    members: members.map((m) => {
      const mode = modeOf.get(m.id) ?? 'absent';
      return {
        name: m.name,
        role: [m.position, ROLE_TEXT[m.role]].filter(Boolean).join(', '),
        present: mode === 'electronic',
        ...(mode === 'written' ? { absenceReason: 'gửi phiếu bằng văn bản' } : mode === 'absent' ? { absenceReason: 'không gửi phiếu' } : {}),
      };
    }),
    chair: chair ? `${chair.name}, ${ROLE_TEXT.chair}` : 'Chủ tịch Hội đồng',
    secretary: secretary ? `${secretary.name}, ${ROLE_TEXT.secretary}` : `${closedBy}, cán bộ TĐKT`,
    agenda: ['Thông qua danh sách đề nghị và kết quả đối chiếu tiêu chuẩn theo bộ quy tắc', 'Thành viên Hội đồng khai báo trường hợp không biểu quyết (xung đột lợi ích)', 'Bỏ phiếu kín (phiếu điện tử; thành viên vắng mặt gửi phiếu bằng văn bản) và kiểm phiếu'],
    discussion: [
      `Căn cứ áp dụng: ${set.name} (phiên bản ${set.version})${set.verified ? '' : ', có nội dung chưa xác minh'}${override ? `; ngưỡng biểu quyết theo ${override.citation}` : ''}.`,
      ...(written ? [`Có ${written} thành viên vắng mặt gửi phiếu bằng văn bản, được Thư ký ghi nhận và cộng vào kết quả.`] : []),
    ],
    candidates: cands.map((c) => ({
      name: c.name,
      unit: (c.person_id ? positions.get(c.person_id) : undefined) || (c.candidate_kind === 'tap_the' ? 'Tập thể' : unit.name),
      award: titleName(c.title_code, set),
      votesFor: c.votes_for,
      requiredPercent: requiredPercentOf(set, c.title_code, override),
    })),
    defaultRequiredPercent: Math.min(100, defaultPct),
    ballotsIssued: members.length,
    ballotsReturned: Number(ballots.n),
    conclusion: ['Chi tiết kết quả từng trường hợp:', ...resultLines],
    chairSigner: { title: 'Chủ tọa', name: chair?.name ?? closedBy },
    secretarySigner: { title: 'Thư ký', name: secretary?.name ?? closedBy },
    recipients: { lines: ['Thành viên Hội đồng'], archive: 'HĐTĐKT' },
  };
}

/** Renders and stores the Biên bản in the closing transaction; returns the document id. */
export async function buildMinutes(ctx: TContext, trx: Tx, storage: FileStorage, s: ReviewSessionTable, set: RuleSet, override: VoteOverride | undefined): Promise<string> {
  const data = await minutesData(trx, s, set, override, ctx.actor.fullName);
  const docx = await renderMinutesDocx(data);
  const sha = await storeFile(trx, generatedStorage(storage), docx, ['docx']);
  const now = nowIso();
  const title = `Biên bản ${data.title.replace(/^Họp/, 'họp')}`.slice(0, 500);
  const row: TDocumentRow = {
    id: newId(), unit_id: s.unit_id, kind: 'bien-ban', title, title_search: foldVietnamese(title), status: 'draft', input_json: JSON.stringify(data),
    docx_sha256: sha, pdf_sha256: null, signed_scan_sha256: null, number_id: null, number_text: null, issued_date: null,
    signer_name: data.chairSigner.name, created_by: ctx.actor.userId, province_code: s.province_code, created_at: now, updated_at: now,
  };
  await insertDocument(trx, row);
  return row.id;
}
