// Demo data of the review feature at Trường THPT Phan Đình Phùng (pdp): a council of five with four
// user accounts (the head as chair, pdp.hoidong, pdp.hoidong2, pdp.hoidong3; the secretary votes in
// writing), nominations for the current school year (Lan for CSTĐCS by herself, others by the
// officer), and a draft review session with them as candidates. Built through the real use-cases,
// acting as the school's officer, so every row is validated and audited.
import type { TActor, TContext } from '../auth/access';
import type { Database } from '../db/database';
import type { RoleCode } from '../db/schema';
import { newId, nowIso, todayIso } from '../ids';
import { addNominations } from './nominations';
import { addCandidates, addMembers, createSession } from './sessions';

export type TReviewDemoAccount = { username: string; role: RoleCode; unitName: string; description: string; fullName: string; unitId: string };

export async function seedReviewsDemo(database: Database, opts: { demoHash: string; currentYear: number; today?: string }): Promise<TReviewDemoAccount[]> {
  const { db, kind } = database;
  const pdp = await db.selectFrom('units').select(['id', 'name']).where('code', '=', 'THPT-42-01').executeTakeFirst();
  if (!pdp) return [];
  const userOf = (username: string) => db.selectFrom('users').select(['id', 'username', 'full_name', 'person_id']).where('username', '=', username).executeTakeFirst();
  const officer = await userOf('pdp.tdkt');
  const head = await userOf('pdp.hieutruong');
  const lanUser = await userOf('gv.lan');
  const council = await userOf('pdp.hoidong');
  if (!officer || !head?.person_id || !lanUser?.person_id || !council) return [];

  const taken = new Set([head.person_id, lanUser.person_id]);
  const staff = await db.selectFrom('people').select(['id', 'full_name', 'position']).where('unit_id', '=', pdp.id).orderBy('name_search').orderBy('id').execute();
  const pick = (re: RegExp) => {
    const p = staff.find((s) => !taken.has(s.id) && re.test(s.position ?? ''));
    if (p) taken.add(p.id);
    return p;
  };
  const members = [pick(/Phó Hiệu trưởng/) ?? pick(/Giáo viên/), pick(/Tổ trưởng/) ?? pick(/Giáo viên/), pick(/Giáo viên/), pick(/Giáo viên|Nhân viên|Kế toán|Văn thư/)];
  if (members.some((m) => !m)) return [];
  const [m1, m2, m3, secretary] = members as NonNullable<(typeof members)[number]>[];
  const nominees = [pick(/Giáo viên/), pick(/Giáo viên/), pick(/Giáo viên/)].filter((x): x is NonNullable<typeof x> => !!x);

  const now = nowIso();
  const accounts: TReviewDemoAccount[] = [
    { username: 'pdp.hoidong2', role: 'council', unitName: pdp.name, fullName: m2.full_name, unitId: pdp.id, description: 'Thành viên Hội đồng TĐKT trường (bỏ phiếu bình xét)' },
    { username: 'pdp.hoidong3', role: 'council', unitName: pdp.name, fullName: m3.full_name, unitId: pdp.id, description: 'Thành viên Hội đồng TĐKT trường (bỏ phiếu bình xét)' },
  ];
  await db.transaction().execute(async (trx) => {
    // pdp.hoidong becomes a member with a staff record, so the council's votes come from real people.
    await trx.updateTable('users').set({ person_id: m1.id, full_name: m1.full_name, updated_at: now }).where('id', '=', council.id).execute();
    for (const [a, person] of [[accounts[0], m2], [accounts[1], m3]] as const) {
      const uid = newId();
      await trx.insertInto('users').values({ id: uid, username: a.username, full_name: a.fullName, email: null, password_hash: opts.demoHash, person_id: person.id, is_active: 1, must_change_password: 0, failed_logins: 0, locked_until: null, last_login_at: null, created_at: now, updated_at: now }).execute();
      await trx.insertInto('user_roles').values({ id: newId(), user_id: uid, role: a.role, unit_id: pdp.id, created_at: now }).execute();
    }
  });

  const actor: TActor = { userId: officer.id, username: officer.username, fullName: officer.full_name, personId: null, roles: [{ role: 'officer', unitId: pdp.id }] };
  const ctx: TContext = { db, actor, kind };
  const today = opts.today ?? todayIso();
  const session = await createSession(ctx, {
    unitId: pdp.id,
    schoolYear: opts.currentYear,
    reviewDate: today,
    location: 'Phòng họp Hội đồng nhà trường',
  });
  await addMembers(ctx, session.id, {
    members: [
      { personId: head.person_id, role: 'chair' },
      { personId: m1.id, role: 'member' },
      { personId: m2.id, role: 'member' },
      { personId: m3.id, role: 'member' },
      { personId: secretary.id, role: 'secretary' },
    ],
  });
  const noms = await db.transaction().execute(async (trx) => {
    const self = await addNominations(trx, kind, { userId: lanUser.id }, [
      { unitId: pdp.id, schoolYear: opts.currentYear, candidateKind: 'ca_nhan', personId: lanUser.person_id, titleCode: 'CSTDCS', source: 'self', note: 'Tự đề nghị kèm sáng kiến cấp cơ sở' },
    ], { skipDuplicates: true });
    const byOfficer = await addNominations(trx, kind, actor, nominees.map((p, i) => ({
      unitId: pdp.id, schoolYear: opts.currentYear, candidateKind: 'ca_nhan' as const, personId: p.id, titleCode: i === 0 ? 'CSTDCS' : 'LDTT', source: 'officer' as const, note: null,
    })), { skipDuplicates: true });
    // Another feature's demo may have nominated the same people already: use what is still open.
    return [...self, ...byOfficer].filter((n) => n.status === 'open');
  });
  // The last nomination stays open so the page shows "add from nominations".
  if (noms.length > 1) await addCandidates(ctx, session.id, { nominationIds: noms.slice(0, -1).map((n) => n.id) });
  return accounts;
}
