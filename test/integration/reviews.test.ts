import { expect, it } from 'vitest';
import { DEMO_PASSWORD, describeOnBothDatabases, documentText, download, type TClient, type TTestEnv } from './harness';
import { isLibreOfficeAvailable } from '../../src/documents/pdf';

async function personOf(e: TTestEnv, username: string): Promise<string> {
  const u = await e.deps.database.db.selectFrom('users').select('person_id').where('username', '=', username).executeTakeFirstOrThrow();
  return u.person_id!;
}

describeOnBothDatabases('bình xét thi đua: đề nghị, Hội đồng, bỏ phiếu kín, kiểm phiếu, Biên bản', (env) => {
  const ids: Record<string, string> = {};
  let officer: TClient;
  let pdp: string;
  let year: number;

  it('the demo has a draft session at pdp with an odd council of users and Lan nominated for CSTĐCS', async () => {
    officer = await env().login('pdp.tdkt');
    pdp = await env().unitId('THPT-42-01');
    const list = await officer.get(`/api/v1/reviews?unitId=${pdp}`);
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(1);
    const demo = list.json.items[0];
    expect(demo.status).toBe('draft');
    expect(demo.memberCount % 2).toBe(1);
    year = demo.schoolYear;
    const detail = await officer.get(`/api/v1/reviews/${demo.id}`);
    expect(detail.json.members.filter((m: any) => m.hasAccount).length).toBeGreaterThanOrEqual(4);
    const lan = await personOf(env(), 'gv.lan');
    const lanCand = detail.json.candidates.find((c: any) => c.personId === lan);
    expect(lanCand.titleCode).toBe('CSTDCS');
    expect(lanCand.eligibility?.titleCode).toBe('CSTDCS');
    const noms = await officer.get(`/api/v1/nominations?unitId=${pdp}&schoolYear=${year}`);
    expect(noms.json.items.find((n: any) => n.personId === lan).source).toBe('self');
  });

  it('nominations: officer and self-nomination; a person of another school is refused', async () => {
    const db = env().deps.database.db;
    const council = await Promise.all(['pdp.hieutruong', 'pdp.hoidong', 'pdp.hoidong2', 'pdp.hoidong3', 'gv.lan'].map((u) => personOf(env(), u)));
    const staff = await db.selectFrom('people').select(['id', 'full_name']).where('unit_id', '=', pdp).where('id', 'not in', council).where('position', 'like', 'Giáo viên%').orderBy('name_search', 'desc').limit(4).execute();
    ids.a = staff[0].id; ids.b = staff[1].id; ids.c = staff[2].id; ids.secretary = staff[3].id;
    ids.aName = staff[0].full_name;
    ids.hoidong3Person = council[3];
    for (const [k, person, title] of [['nA', ids.a, 'CSTDCS'], ['nB', ids.b, 'CSTDCS'], ['nC', ids.c, 'LDTT']] as const) {
      const r = await officer.post('/api/v1/nominations', { unitId: pdp, schoolYear: year, candidateKind: 'ca_nhan', personId: person, titleCode: title });
      expect(r.status).toBe(200);
      expect(r.json.status).toBe('open');
      ids[k] = r.json.id;
    }
    const dup = await officer.post('/api/v1/nominations', { unitId: pdp, schoolYear: year, candidateKind: 'ca_nhan', personId: ids.a, titleCode: 'CSTDCS' });
    expect(dup.status).toBe(409);
    expect(dup.json.error.message).toContain('đã được đề nghị');

    const lan = await env().login('gv.lan');
    const self = await lan.post('/api/v1/nominations', { schoolYear: year, candidateKind: 'ca_nhan', personId: await personOf(env(), 'gv.lan'), titleCode: 'GIAY_KHEN' });
    expect(self.status).toBe(200);
    expect(self.json.source).toBe('self');
    const other = await db.selectFrom('people').select('id').where('unit_id', '=', await env().unitId('THPT-42-02')).limit(1).executeTakeFirstOrThrow();
    const notMine = await lan.post('/api/v1/nominations', { unitId: pdp, schoolYear: year, candidateKind: 'ca_nhan', personId: other.id, titleCode: 'LDTT' });
    expect(notMine.status).toBe(403);
    const outside = await officer.post('/api/v1/nominations', { unitId: pdp, schoolYear: year, candidateKind: 'ca_nhan', personId: other.id, titleCode: 'LDTT' });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toContain('không thuộc Trường THPT Phan Đình Phùng');
    const mine = await lan.get('/api/v1/nominations');
    expect(mine.status).toBe(200);
    expect(mine.json.items.every((n: any) => n.personId === self.json.personId)).toBe(true);
  });

  it('session set-up: members, candidates, quota exceeded, even council refused, conflicts', async () => {
    const created = await officer.post('/api/v1/reviews', { unitId: pdp, schoolYear: year, name: 'Bình xét danh hiệu thi đua năm học (kiểm thử)', location: 'Phòng họp số 2' });
    expect(created.status).toBe(200);
    ids.s = created.json.id;
    expect(created.json.ruleSetCode).toBeTruthy();
    const s = ids.s;
    const members = await officer.post(`/api/v1/reviews/${s}/members`, {
      members: [
        { personId: await personOf(env(), 'pdp.hieutruong'), role: 'chair' },
        { personId: await personOf(env(), 'pdp.hoidong'), role: 'member' },
        { personId: await personOf(env(), 'pdp.hoidong2'), role: 'member' },
        { personId: ids.hoidong3Person, role: 'member' },
      ],
    });
    expect(members.status).toBe(200);
    expect(members.json.members.every((m: any) => m.hasAccount)).toBe(true);

    // Candidates: two nominations and one by hand (the council member pdp.hoidong3 herself/himself).
    const cands = await officer.post(`/api/v1/reviews/${s}/candidates`, { nominationIds: [ids.nA, ids.nB, ids.nC], people: [{ personId: ids.hoidong3Person, titleCode: 'LDTT' }] });
    expect(cands.status).toBe(200);
    expect(cands.json.added).toBe(4);
    const byPerson = (p: string) => cands.json.session.candidates.find((c: any) => c.personId === p);
    ids.cA = byPerson(ids.a).id; ids.cB = byPerson(ids.b).id; ids.cC = byPerson(ids.c).id; ids.cD = byPerson(ids.hoidong3Person).id;
    expect(byPerson(ids.a).eligibility.status).toMatch(/eligible|not_eligible|needs_review/);
    const nomA = await officer.get(`/api/v1/nominations?personId=${ids.a}`);
    expect(nomA.json.items[0].status).toBe('in_review');

    // A candidate outside the unit.
    const other = await env().deps.database.db.selectFrom('people').select('id').where('unit_id', '=', await env().unitId('THPT-42-02')).limit(1).executeTakeFirstOrThrow();
    const outside = await officer.post(`/api/v1/reviews/${s}/candidates`, { people: [{ personId: other.id, titleCode: 'LDTT' }] });
    expect(outside.status).toBe(400);
    expect(outside.json.error.message).toContain('không thuộc');

    // Quota: 2 CSTĐCS candidates, a quota of 1 is refused, then 2 is set and a third CSTĐCS is refused.
    const tight = await officer.patch(`/api/v1/reviews/${s}`, { quotas: [{ titleCode: 'CSTDCS', max: 1, note: 'Kế hoạch của trường' }] });
    expect(tight.status).toBe(409);
    expect(tight.json.error.code).toBe('QUOTA_EXCEEDED');
    expect(tight.json.error.message).toBe('Vượt chỉ tiêu "Chiến sĩ thi đua cơ sở": tối đa 1 (Kế hoạch của trường), nhưng sẽ có 2 trường hợp được đề nghị. Hãy bớt ứng viên hoặc sửa chỉ tiêu của phiên bình xét.');
    const ok = await officer.patch(`/api/v1/reviews/${s}`, { quotas: [{ titleCode: 'CSTDCS', max: 2 }] });
    expect(ok.status).toBe(200);
    expect(ok.json.quotas[0]).toMatchObject({ titleCode: 'CSTDCS', limit: 2, count: 2 });
    const third = await officer.post(`/api/v1/reviews/${s}/candidates`, { people: [{ personId: ids.secretary, titleCode: 'CSTDCS' }] });
    expect(third.status).toBe(409);
    expect(third.json.error.message).toContain('Vượt chỉ tiêu "Chiến sĩ thi đua cơ sở": tối đa 2');
    const after = await officer.get(`/api/v1/reviews/${s}`);
    expect(after.json.candidates.filter((c: any) => c.result !== 'withdrawn')).toHaveLength(4);

    // Four members: even → refused; a fifth (the secretary, no account) makes it odd.
    const even = await officer.post(`/api/v1/reviews/${s}/open`);
    expect(even.status).toBe(400);
    expect(even.json.error.message).toBe('Hội đồng phải có số thành viên lẻ (hiện có 4); hãy thêm hoặc bớt một thành viên');
    expect((await officer.get(`/api/v1/reviews/${s}`)).json.status).toBe('draft');
    const fifth = await officer.post(`/api/v1/reviews/${s}/members`, { members: [{ personId: ids.secretary, role: 'secretary' }] });
    expect(fifth.status).toBe(200);
    ids.secretaryMember = fifth.json.members.find((m: any) => m.personId === ids.secretary).id;

    // pdp.hoidong2 declares a conflict on candidate B.
    const hd2 = await env().login('pdp.hoidong2');
    const conflict = await hd2.post(`/api/v1/reviews/${s}/conflicts`, { candidateId: ids.cB, reason: 'Người thân trong gia đình' });
    expect(conflict.status).toBe(200);
    expect(conflict.json.conflicts).toHaveLength(1);
  });

  it('open, secret e-ballots, a written vote, double ballot and non-members refused, close and tally', async () => {
    const s = ids.s;
    const opened = await officer.post(`/api/v1/reviews/${s}/open`);
    expect(opened.status).toBe(200);
    expect(opened.json.status).toBe('open');
    // pdp.hoidong3 is candidate D: a conflict is recorded automatically.
    expect(opened.json.conflicts.map((c: any) => c.candidateId).sort()).toEqual([ids.cB, ids.cD].sort());

    const head = await env().login('pdp.hieutruong');
    const hd1 = await env().login('pdp.hoidong');
    const hd2 = await env().login('pdp.hoidong2');
    const hd3 = await env().login('pdp.hoidong3');
    const vote = (c: TClient, choices: Record<string, string>) => c.post(`/api/v1/reviews/${s}/ballot`, { choices });

    expect((await vote(head, { [ids.cA]: 'for', [ids.cB]: 'for', [ids.cC]: 'for', [ids.cD]: 'for' })).status).toBe(200);
    expect((await vote(hd1, { [ids.cA]: 'for', [ids.cB]: 'against', [ids.cC]: 'for', [ids.cD]: 'against' })).status).toBe(200);
    // A ballot that votes on the declared conflict, or misses a candidate, is refused.
    const onConflict = await vote(hd2, { [ids.cA]: 'for', [ids.cB]: 'for', [ids.cC]: 'against', [ids.cD]: 'against' });
    expect(onConflict.status).toBe(400);
    expect(onConflict.json.error.message).toContain('đã khai báo không biểu quyết');
    const missing = await vote(hd2, { [ids.cA]: 'for' });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toContain('Phiếu chưa biểu quyết cho');
    expect((await vote(hd2, { [ids.cA]: 'for', [ids.cC]: 'against', [ids.cD]: 'against' })).status).toBe(200);
    const self = await vote(hd3, { [ids.cA]: 'against', [ids.cB]: 'for', [ids.cC]: 'for', [ids.cD]: 'for' });
    expect(self.status).toBe(400);
    expect((await vote(hd3, { [ids.cA]: 'against', [ids.cB]: 'for', [ids.cC]: 'for' })).status).toBe(200);

    const again = await vote(head, { [ids.cA]: 'against', [ids.cB]: 'against', [ids.cC]: 'against', [ids.cD]: 'against' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('Bạn đã bỏ phiếu trong phiên bình xét này; mỗi thành viên chỉ bỏ một phiếu');

    // Not members: the officer (no review.vote) and a council account not in this council.
    expect((await vote(officer, { [ids.cA]: 'for' })).status).toBe(403);
    const admin = await env().login('admin', 'admin-pass-123');
    const nu = await admin.post('/api/v1/users', { username: 'pdp.hoidong9', fullName: 'Thành viên khác', password: DEMO_PASSWORD, roles: [{ role: 'council', unitId: pdp }] });
    expect(nu.status).toBe(200);
    const outsider = await env().login('pdp.hoidong9');
    const notMember = await vote(outsider, { [ids.cA]: 'for', [ids.cB]: 'for', [ids.cC]: 'for', [ids.cD]: 'for' });
    expect(notMember.status).toBe(403);
    expect(notMember.json.error.message).toBe('Bạn không phải thành viên Hội đồng của phiên bình xét này nên không bỏ phiếu được');

    // During voting: only counts of participation, no results.
    const during = await hd1.get(`/api/v1/reviews/${s}`);
    expect(during.json.status).toBe('voting');
    expect(during.json.participation).toMatchObject({ members: 5, electronic: 4, written: 0 });
    expect(during.json.candidates.every((c: any) => c.votes === null)).toBe(true);
    expect(during.json.members.every((m: any) => m.participation === null)).toBe(true);
    expect(during.json.me.hasVoted).toBe(true);

    // The secretary is absent and sent a written ballot.
    const written = await officer.post(`/api/v1/reviews/${s}/written-votes`, { memberId: ids.secretaryMember, choices: { [ids.cA]: 'for', [ids.cB]: 'for', [ids.cC]: 'abstain', [ids.cD]: 'for' } });
    expect(written.status).toBe(200);
    expect(written.json.participation.written).toBe(1);
    const writtenAgain = await officer.post(`/api/v1/reviews/${s}/written-votes`, { memberId: ids.secretaryMember, choices: { [ids.cA]: 'for', [ids.cB]: 'for', [ids.cC]: 'abstain', [ids.cD]: 'for' } });
    expect(writtenAgain.status).toBe(409);

    // Ballots hold no voter identity and no time.
    const db = env().deps.database.db;
    const ballots = await db.selectFrom('review_ballots').selectAll().where('session_id', '=', s).execute();
    expect(ballots).toHaveLength(5);
    expect(Object.keys(ballots[0]).sort()).toEqual(['choices', 'id', 'mode', 'session_id']);
    const identities = [
      ...(await db.selectFrom('users').select('id').execute()).map((u) => u.id),
      ...(await db.selectFrom('review_members').select(['id', 'person_id']).where('session_id', '=', s).execute()).flatMap((m) => [m.id, m.person_id]),
    ];
    const raw = JSON.stringify(ballots);
    for (const id of identities) expect(raw.includes(id)).toBe(false);
    expect(raw).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    const closed = await officer.post(`/api/v1/reviews/${s}/close`);
    expect(closed.status).toBe(200);
    expect(closed.json.status).toBe('closed');
    const byId = (id: string) => closed.json.candidates.find((c: any) => c.id === id);
    // A (CSTĐCS, ≥ 80%): head, hd1, hd2, secretary(written) = 4/5 → passed.
    expect(byId(ids.cA).votes).toMatchObject({ for: 4, against: 1, abstain: 0, writtenFor: 1 });
    expect(byId(ids.cA).result).toBe('passed');
    // B (CSTĐCS): head, hd3, secretary = 3/5 = 60% → failed (hd2 did not vote).
    expect(byId(ids.cB).votes).toMatchObject({ for: 3, against: 1, abstain: 0 });
    expect(byId(ids.cB).result).toBe('failed');
    // C (LĐTT, the set's default threshold): head, hd1, hd3 = 3/5; hd2 against; secretary abstains.
    expect(byId(ids.cC).votes).toMatchObject({ for: 3, against: 1, abstain: 1, writtenAbstain: 1 });
    // D (LĐTT, hd3 does not vote on himself): head, secretary = 2/5; hd1, hd2 against.
    expect(byId(ids.cD).votes).toMatchObject({ for: 2, against: 2, abstain: 0 });
    expect(byId(ids.cD).result).toBe('failed');
    expect(byId(ids.cA).votes.message).toContain('4/5 thành viên đồng ý');
    expect(closed.json.members.find((m: any) => m.id === ids.secretaryMember).participation).toBe('written');
    expect(closed.json.minutesDocumentId).toBeTruthy();

    const late = await vote(hd2, { [ids.cA]: 'for', [ids.cC]: 'for', [ids.cD]: 'for' });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toBe('Không bỏ phiếu được: phiên bình xét đã kết thúc');
    const passed = await db.selectFrom('review_candidates').select(['person_id', 'title_code']).where('session_id', '=', s).where('result', '=', 'passed').execute();
    expect(passed.map((p) => p.person_id)).toContain(ids.a);
    const nomA = await officer.get(`/api/v1/nominations?personId=${ids.a}`);
    expect(nomA.json.items[0].status).toBe('done');

    const res = await download(env(), 'pdp.hoidong', `/api/v1/reviews/${s}/minutes.docx`);
    expect(res.status).toBe(200);
    const text = await documentText(await res.arrayBuffer());
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(ids.aName);
    expect(text).toContain('4/5');
    expect(text).toContain('80%');
    expect(text).toContain('3/5');
    expect(text).toContain('Số phiếu phát ra: 05; số phiếu thu về: 05');
    expect(text).toContain('Tổng số thành viên Hội đồng: 05; có mặt: 04; vắng mặt: 01');
  });

  it('Biên bản PDF: converted by LibreOffice, or a clear 503 when the server has none', async () => {
    const res = await download(env(), 'pdp.tdkt', `/api/v1/reviews/${ids.s}/minutes.pdf`);
    if (await isLibreOfficeAvailable()) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(res.status).toBe(503);
      expect((await res.json()).error.message).toContain('chưa cài LibreOffice');
    }
    // The minutes are an ordinary generated document of the school (kind bien-ban), numbered later through the register.
    const officer = await env().login('pdp.tdkt');
    const s = await officer.get(`/api/v1/reviews/${ids.s}`);
    const doc = await officer.get(`/api/v1/documents/${s.json.minutesDocumentId}`);
    expect(doc.status).toBe(200);
    expect(doc.json.kind).toBe('bien-ban');
    expect(doc.json.status).toBe('draft');
  });

  it('candidates from the eligible people of the unit; the API is in the OpenAPI document', async () => {
    // Last school year: this year's ratings do not exist yet (the demo has five finished years).
    const created = await officer.post('/api/v1/reviews', { unitId: pdp, schoolYear: year - 1, name: 'Bình xét Lao động tiên tiến năm học trước (kiểm thử)' });
    expect(created.status).toBe(200);
    const res = await officer.post(`/api/v1/reviews/${created.json.id}/candidates`, { eligibleFor: 'LDTT' });
    expect(res.status).toBe(200);
    expect(res.json.added).toBeGreaterThan(0);
    expect(res.json.session.candidates).toHaveLength(res.json.added);
    expect(res.json.session.candidates.every((c: any) => c.titleCode === 'LDTT' && c.eligibility.status === 'eligible')).toBe(true);
    // Everyone eligible is already in: a second call adds nobody and says so.
    const again = await officer.post(`/api/v1/reviews/${created.json.id}/candidates`, { eligibleFor: 'LDTT' });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toBe('Không có ai mới đủ điều kiện "Lao động tiên tiến" để thêm');
    // The chair must be the head of the unit.
    const headPerson = await personOf(env(), 'pdp.hieutruong');
    const teachers = res.json.session.candidates.filter((c: any) => c.personId !== headPerson).slice(0, 3).map((c: any) => c.personId);
    const positions = await env().deps.database.db.selectFrom('people').select('position').where('id', 'in', teachers).execute();
    expect(positions.every((p) => !/^(Hiệu trưởng|Giám đốc)/.test(p.position ?? ''))).toBe(true);
    const m = await officer.post(`/api/v1/reviews/${created.json.id}/members`, { members: teachers.map((p: string, i: number) => ({ personId: p, role: i === 0 ? 'chair' : 'member' })) });
    expect(m.status).toBe(200);
    const notHead = await officer.post(`/api/v1/reviews/${created.json.id}/open`);
    expect(notHead.status).toBe(400);
    expect(notHead.json.error.message).toMatch(/^Chủ tịch Hội đồng phải là thủ trưởng đơn vị; .+ không phải thủ trưởng$/);
    const doc = (await env().anonymous().get('/api/openapi.json')).json;
    for (const path of ['/nominations', '/reviews', '/reviews/{id}/ballot', '/reviews/{id}/written-votes', '/reviews/{id}/close', '/reviews/{id}/minutes.docx']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('access: individual 403, another school 404, council cannot set up', async () => {
    const s = ids.s;
    const lan = await env().login('gv.lan');
    expect((await lan.get('/api/v1/reviews')).status).toBe(403);
    expect((await lan.get(`/api/v1/reviews/${s}`)).status).toBe(403);
    expect((await lan.post(`/api/v1/reviews/${s}/ballot`, { choices: {} })).status).toBe(403);
    expect((await download(env(), 'gv.lan', `/api/v1/reviews/${s}/minutes.docx`)).status).toBe(403);

    const admin = await env().login('admin', 'admin-pass-123');
    const other = await env().unitId('THPT-42-02');
    expect((await admin.post('/api/v1/users', { username: 'bx.khac', fullName: 'Cán bộ trường khác', password: DEMO_PASSWORD, roles: [{ role: 'officer', unitId: other }] })).status).toBe(200);
    const ts = await env().login('bx.khac');
    expect((await ts.get(`/api/v1/reviews/${s}`)).status).toBe(404);
    expect((await ts.post(`/api/v1/reviews/${s}/close`)).status).toBe(404);
    expect((await ts.post(`/api/v1/reviews/${s}/members`, { members: [{ personId: ids.a, role: 'member' }] })).status).toBe(404);
    expect((await download(env(), 'bx.khac', `/api/v1/reviews/${s}/minutes.docx`)).status).toBe(404);
    const tsList = await ts.get('/api/v1/reviews');
    expect(tsList.status).toBe(200);
    expect(tsList.json.total).toBe(0);
    const tsNoms = await ts.get(`/api/v1/nominations?unitId=${pdp}`);
    expect(tsNoms.status).toBe(404);

    const hd = await env().login('pdp.hoidong');
    expect((await hd.get(`/api/v1/reviews/${s}`)).status).toBe(200);
    const create = await hd.post('/api/v1/reviews', { unitId: pdp });
    expect(create.status).toBe(403);
    const so = await env().login('so.tdkt');
    const soView = await so.get(`/api/v1/reviews?unitId=${pdp}`);
    expect(soView.status).toBe(200);
    expect(soView.json.total).toBe(3);
  });
}, { demo: true });
