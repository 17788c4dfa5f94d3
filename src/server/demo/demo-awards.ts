// The demo province's award history: ten school years (the current one and the one just rated are left
// for the app: bình xét, hồ sơ, quyết định), drawn by the same rules as the synthetic-data generator
// (scale/award-history.ts) from the demo's ratings. Ratings of the older years are drawn here from the
// person's recent record (a separate random stream, so the rest of the demo does not move). Three teachers
// of Trường THPT Phan Đình Phùng get fixed, telling histories:
//  - Nguyễn Thị Lan: LĐTT every year, CSTĐCS in the two years before the one just rated, HTXSNV since, and
//    an initiative recognised at province level → for the year just rated the eligibility screen finds
//    CSTĐCS eligible and proposes CSTĐ cấp tỉnh (three CSTĐCS in a row with this one);
//  - a teacher with a khiển trách in the year just rated (rated HTNV): LĐTT until the year before, none since;
//  - a teacher with a Giấy khen chuyên đề of the Sở between two CSTĐCS (thematic: it does not count).
import type { AwardTable, InitiativeTable, PersonTable, UnitTable } from '../db/schema';
import { newId } from '../ids';
import { createAwardHistory, type THistoryPerson, type TScriptedAward } from '../scale/award-history';
import type { TRandom } from './seed-demo';

type TRatingCode = 'htxsnv' | 'httnv' | 'htnv' | 'khtnv';
type TRatingRow = { id: string; person_id: string; school_year: number; rating: TRatingCode; unit_id: string; province_code: string };
type TEmploymentRow = { id: string; person_id: string; unit_id: string; position: string; from_date: string; to_date: string | null; province_code: string };
type TDisciplineRow = { id: string; person_id: string; form: 'khien_trach' | 'canh_cao'; decision_number: string | null; from_date: string; to_date: string | null; reason: string | null; province_code: string };

export type TDemoHistoryInput = {
  rnd: TRandom;
  currentYear: number;
  provinceCode: string;
  now: string;
  ubndTinh: UnitTable;
  so: UnitTable;
  communes: { ubnd: UnitTable; phong: UnitTable }[];
  schools: UnitTable[];
  people: PersonTable[];
  /** The demo's rows; older ratings, the named teachers' ratings and one discipline are added in place. */
  employments: TEmploymentRow[];
  ratings: TRatingRow[];
  disciplines: TDisciplineRow[];
  pdp: UnitTable;
  lan: PersonTable;
};

export type TDemoHistory = {
  awards: AwardTable[];
  initiatives: InitiativeTable[];
  /** The teachers with fixed histories (README, tests). */
  named: { streak: PersonTable; discipline: PersonTable; thematic: PersonTable };
};

const LETTER: Record<TRatingCode, string> = { htxsnv: 'x', httnv: 't', htnv: 'h', khtnv: 'k' };

export async function buildDemoHistory(input: TDemoHistoryInput): Promise<TDemoHistory> {
  const { rnd, currentYear: Y, provinceCode: P, now, pdp, lan } = input;
  const firstYear = Y - 11;
  const years = 10;
  const lastRated = Y - 1;

  const ratingsOf = new Map<string, Map<number, TRatingRow>>();
  for (const r of input.ratings) {
    let m = ratingsOf.get(r.person_id);
    if (!m) ratingsOf.set(r.person_id, (m = new Map()));
    m.set(r.school_year, r);
  }
  const jobsOf = new Map<string, TEmploymentRow[]>();
  for (const e of input.employments) {
    const list = jobsOf.get(e.person_id) ?? [];
    list.push(e);
    jobsOf.set(e.person_id, list);
  }
  const startOf = (p: PersonTable) => Number((p.sector_start_date ?? '1990').slice(0, 4));
  const unitAt = (p: PersonTable, year: number) => {
    const jobs = jobsOf.get(p.id) ?? [];
    const at = `${year}-10-01`;
    return jobs.find((j) => j.from_date <= at && (!j.to_date || at <= j.to_date))?.unit_id ?? p.unit_id ?? pdp.id;
  };
  const setRating = (p: PersonTable, year: number, rating: TRatingCode) => {
    let m = ratingsOf.get(p.id);
    if (!m) ratingsOf.set(p.id, (m = new Map()));
    const row = m.get(year);
    if (row) row.rating = rating;
    else {
      const added: TRatingRow = { id: newId(), person_id: p.id, school_year: year, rating, unit_id: unitAt(p, year), province_code: P };
      m.set(year, added);
      input.ratings.push(added);
    }
  };
  /** A fixed history needs the person in service through all ten years. */
  const inServiceSince = (p: PersonTable, year: number) => {
    if (startOf(p) <= year) return;
    const from = `${year}-09-05`;
    const first = (jobsOf.get(p.id) ?? []).sort((a, b) => a.from_date.localeCompare(b.from_date))[0];
    if (first) first.from_date = from;
    p.sector_start_date = from;
    const born = Number(p.birth_date?.slice(0, 4) ?? year - 30);
    if (born > year - 23) {
      const yy = year - 23;
      p.birth_date = `${yy}${(p.birth_date ?? '1990-01-01').slice(4)}`;
      if (p.cccd) p.cccd = `${p.cccd.slice(0, 3)}${p.gender === 'nu' ? '1' : '0'}${String(yy).slice(2)}${p.cccd.slice(6)}`;
    }
  };

  // The named teachers: Lan, and two colleagues near the end of the staff list (other demos pick from its start).
  const colleagues = input.people
    .filter((p) => p.unit_id === pdp.id && p.id !== lan.id && (p.position ?? '').startsWith('Giáo viên') && (jobsOf.get(p.id)?.length ?? 0) === 1)
    .sort((a, b) => b.name_search.localeCompare(a.name_search) || b.id.localeCompare(a.id));
  const discipline = colleagues.find((p) => p.gender === 'nam') ?? colleagues[0];
  const thematic = colleagues.find((p) => p.gender === 'nu' && p.id !== discipline.id) ?? colleagues.find((p) => p.id !== discipline.id)!;
  const scripts = new Map<string, TScriptedAward[]>();
  const everyYear = (code: TScriptedAward['code'], until: number) => Array.from({ length: until - firstYear + 1 }, (_, i) => ({ year: firstYear + i, code }));
  for (const p of [lan, discipline, thematic]) {
    inServiceSince(p, firstYear - 1);
    for (let y = firstYear; y <= lastRated; y++) setRating(p, y, 'httnv');
  }
  // Lan: HTXSNV for the last four years, CSTĐCS in the two before the year just rated.
  for (let y = lastRated - 3; y <= lastRated; y++) setRating(lan, y, 'htxsnv');
  setRating(lan, firstYear + 5, 'htxsnv');
  scripts.set(lan.id, [...everyYear('LDTT', lastRated - 1), { year: lastRated - 2, code: 'CSTDCS' }, { year: lastRated - 1, code: 'CSTDCS' }, { year: firstYear + 5, code: 'GIAY_KHEN' }]);
  // Khiển trách during the year just rated (rated HTNV): no title that year; earlier years clean.
  for (let i = input.disciplines.length - 1; i >= 0; i--) if (input.disciplines[i].person_id === discipline.id) input.disciplines.splice(i, 1);
  for (let i = input.disciplines.length - 1; i >= 0; i--) if (input.disciplines[i].person_id === lan.id || input.disciplines[i].person_id === thematic.id) input.disciplines.splice(i, 1);
  setRating(discipline, lastRated, 'htnv');
  input.disciplines.push({
    id: newId(), person_id: discipline.id, form: 'khien_trach', decision_number: `${rnd.int(30, 90)}/QĐ-${pdp.abbreviation ?? 'THPT'}`,
    from_date: `${lastRated}-10-20`, to_date: `${lastRated + 1}-10-19`, reason: 'Vi phạm quy định về dạy thêm, học thêm', province_code: P,
  });
  scripts.set(discipline.id, [...everyYear('LDTT', lastRated - 1), { year: firstYear + 6, code: 'GIAY_KHEN' }]);
  // A Giấy khen chuyên đề of the Sở between two CSTĐCS.
  setRating(thematic, lastRated - 3, 'htxsnv');
  setRating(thematic, lastRated - 1, 'htxsnv');
  scripts.set(thematic.id, [
    ...everyYear('LDTT', lastRated - 1), { year: lastRated - 3, code: 'CSTDCS' }, { year: lastRated - 2, code: 'GIAY_KHEN', thematic: true, issuer: 'so' }, { year: lastRated - 1, code: 'CSTDCS' },
  ]);

  // Older ratings (before the demo's five years), from each person's recent record.
  for (const p of input.people) {
    if (scripts.has(p.id)) continue;
    const mine = ratingsOf.get(p.id);
    const recent = mine ? [...mine.values()] : [];
    const strength = recent.length ? recent.filter((r) => r.rating === 'htxsnv').length / recent.length : rnd.next();
    for (let y = firstYear; y < Y - 5; y++) {
      if (y < startOf(p) || mine?.has(y)) continue;
      const r = rnd.next() * 0.6 + strength * 0.4;
      setRating(p, y, r > 0.72 ? 'htxsnv' : r > 0.2 ? 'httnv' : r > 0.04 ? 'htnv' : 'khtnv');
    }
  }

  // A year overlapping a discipline brings no title.
  const disciplined = new Map<string, Set<number>>();
  for (const d of input.disciplines) {
    const set = disciplined.get(d.person_id) ?? new Set<number>();
    const fromYear = Number(d.from_date.slice(0, 4)) - (Number(d.from_date.slice(5, 7)) < 9 ? 1 : 0);
    const to = d.to_date ?? `${Y + 1}-08-31`;
    const toYear = Number(to.slice(0, 4)) - (Number(to.slice(5, 7)) < 9 ? 1 : 0);
    for (let y = fromYear; y <= toYear; y++) set.add(y);
    disciplined.set(d.person_id, set);
  }

  const awards: AwardTable[] = [];
  const units = (u: UnitTable) => ({ id: u.id, name: u.name, kind: u.kind, abbreviation: u.abbreviation });
  const history = createAwardHistory({
    rnd, firstYear, years, ubndTinh: units(input.ubndTinh), so: units(input.so),
    communes: input.communes.map((c) => ({ ubnd: units(c.ubnd), phong: units(c.phong), schools: input.schools.filter((s) => s.parent_id === c.ubnd.id).map(units) })),
    schools: input.schools.map(units),
    emit: (a) => {
      awards.push({
        id: newId(), province_code: P, person_id: a.personId, unit_id: a.unitId, recipient_kind: a.recipientKind, code: a.code, name: a.name, school_year: a.schoolYear,
        decision_number: a.decisionNumber, decision_date: a.decisionDate, authority: a.authority, amount: a.amount, thematic: a.thematic ? 1 : 0, source: 'manual',
        dedupe_key: a.dedupeKey, voided_at: null, voided_by: null, void_reason: null, created_by: null, created_at: now,
      });
    },
  });
  for (const p of input.people) {
    const own = ratingsOf.get(p.id);
    const off = disciplined.get(p.id);
    const letters = Array.from({ length: years }, (_, i) => {
      const y = firstYear + i;
      const r = own?.get(y)?.rating;
      if (!r) return '-';
      return off?.has(y) ? 'h' : LETTER[r];
    }).join('');
    const jobs = [...(jobsOf.get(p.id) ?? [])].sort((a, b) => a.from_date.localeCompare(b.from_date));
    const person: THistoryPerson = {
      id: p.id, unitId: p.unit_id ?? pdp.id, startYear: startOf(p), ratings: letters,
      prevUnitId: jobs.length > 1 ? jobs[0].unit_id : null, switchYear: jobs.length > 1 ? Number(jobs[1].from_date.slice(0, 4)) : 0,
    };
    await history.person(person, scripts.get(p.id));
  }
  await history.collectives();

  // Lan's initiative recognised at province level (the Sở's council) the year before last.
  const initiatives: InitiativeTable[] = [{
    id: newId(), province_code: P, unit_id: pdp.id, person_id: lan.id, title: 'Thiết kế bài học Ngữ văn tích hợp giáo dục kỹ năng sống cho học sinh THPT',
    summary: 'Bộ 24 bài học có hoạt động trải nghiệm, áp dụng tại 9 trường THPT trong tỉnh; tỷ lệ học sinh đạt khá, giỏi môn Ngữ văn tăng 6%.',
    field: 'Chuyên môn', school_year: lastRated - 1, level: 'tinh', status: 'recognised', score: null, score_count: 0,
    recognised_at: `${lastRated}-05-15T02:00:00.000Z`, recognised_by: null, decision_number: `${rnd.int(300, 600)}/QĐ-SGDĐT`, decision_date: `${lastRated}-05-15`,
    reject_reason: null, created_by: null, created_at: now, updated_at: now,
  }];
  return { awards, initiatives, named: { streak: lan, discipline, thematic } };
}
