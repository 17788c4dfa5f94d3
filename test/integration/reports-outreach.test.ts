// Periodic reports fed by the outreach log (issue 7): indicators of kind "outreach" are pre-filled from
// the unit's own log over the period's dates, follow the log while the report can change, are stored
// at sending, and the roll-up sums them; a correction needs a reason; another unit's outreach never
// shows. Also: own indicators with a formula or an outreach source, the rule of editing a form in use,
// adding a period and changing due dates.
import { expect, it } from 'vitest';
import { describeOnBothDatabases, type TClient } from './harness';

// A past school year (2024–2025): its quarters are open and the demo logs no outreach in them.
const SECTIONS = [
  { title: 'I. Thông tin, tuyên truyền', items: [{ code: 'tt_website_posts' }, { code: 'tt_meetings' }, { code: 'tt_meeting_participants' }, { code: 'tt_reach' }] },
  { title: 'II. Thủ tục hành chính', items: [{ code: 'tthc_received' }] },
];

describeOnBothDatabases('báo cáo định kỳ: số liệu tuyên truyền tự điền từ sổ, tổng hợp; sửa mẫu, kỳ báo cáo', (env) => {
  const ids: Record<string, string> = {};
  let so: TClient, pdp: TClient, ts: TClient;
  const log = (c: TClient, unit: string, channel: string, activityDate: string, participants = 0, reach = 0) =>
    c.post('/api/v1/outreach', { unitId: ids[unit], channel, activityDate, title: `Hoạt động ${channel} ngày ${activityDate}`, participants, reach });

  it('outreach logged in a quarter is pre-filled in that quarter\'s report, follows the log until sent, and never the next quarter\'s', async () => {
    const e = env();
    [so, pdp, ts] = await Promise.all([e.login('so.tdkt'), e.login('pdp.tdkt'), e.login('ts.tdkt')]);
    for (const code of ['THPT-42-01', 'THPT-42-02', 'SGDDT-42']) ids[code] = await e.unitId(code);
    const plan = await so.post('/api/v1/plans/from-catalogue', { unitId: ids['SGDDT-42'], code: 'cai-cach-hanh-chinh', schoolYear: 2024 });
    expect(plan.status).toBe(200);
    await e.deps.database.db.updateTable('plans').set({ state: 'in_progress', issued_date: '2024-09-05' }).where('id', '=', plan.json.id).execute();
    const form = await so.post('/api/v1/reports/forms', { planId: plan.json.id, title: 'Báo cáo CCHC và tuyên truyền quý', schedule: 'quarterly', dueDays: 10, sections: SECTIONS, unitIds: [ids['THPT-42-01'], ids['THPT-42-02']] });
    expect(form.status).toBe(200);
    ids.form = form.json.id;
    for (const p of form.json.periods) ids[`${p.kind}-${p.from.slice(0, 4)}`] = p.id;
    expect(form.json.sections[0].items[0]).toMatchObject({ code: 'tt_website_posts', source: { kind: 'outreach', channels: ['website'], measure: 'activities' } });

    // pdp's log: Q3 (30/09), Q4 (several channels), Q1/2025; ts's log in Q4.
    expect((await log(pdp, 'THPT-42-01', 'website', '2024-09-30', 0, 70)).status).toBe(200);
    await log(pdp, 'THPT-42-01', 'website', '2024-10-01', 0, 500);
    await log(pdp, 'THPT-42-01', 'zalo', '2024-10-10', 0, 1000);
    await log(pdp, 'THPT-42-01', 'hoi_nghi', '2024-11-20', 120, 0);
    await log(pdp, 'THPT-42-01', 'tap_huan', '2024-12-01', 40, 0);
    await log(pdp, 'THPT-42-01', 'website', '2024-12-31', 0, 300);
    await log(pdp, 'THPT-42-01', 'website', '2025-01-02', 0, 50);
    await log(ts, 'THPT-42-02', 'website', '2024-11-11', 0, 200);
    await log(ts, 'THPT-42-02', 'hoi_nghi', '2024-10-15', 60, 0);

    const q4 = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids['q4-2024'] });
    expect(q4.status).toBe(200);
    ids.pdpQ4 = q4.json.id;
    expect(q4.json.values).toMatchObject({ tt_website_posts: 2, tt_meetings: 2, tt_meeting_participants: 160, tt_reach: 1800 });
    expect(q4.json.outreach.tt_website_posts).toMatchObject({ fromLog: 2, corrected: false, note: null });
    expect(q4.json.outreach.tt_website_posts.label).toContain('Website');
    expect(q4.json.outreach.tt_website_posts.label).toContain('từ 01/10/2024 đến 31/12/2024');

    // A draft follows the log: an activity logged now shows on the next open.
    await log(pdp, 'THPT-42-01', 'website', '2024-12-15', 0, 0);
    expect((await pdp.get(`/api/v1/reports/submissions/${ids.pdpQ4}`)).json.values.tt_website_posts).toBe(3);

    // The other quarters count only their own dates.
    const q3 = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids['q3-2024'] });
    expect(q3.json.values).toMatchObject({ tt_website_posts: 1, tt_meetings: 0, tt_reach: 70 });
    const q1 = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids['q1-2025'] });
    expect(q1.json.values).toMatchObject({ tt_website_posts: 1, tt_meetings: 0, tt_meeting_participants: 0, tt_reach: 50 });
    ids.pdpQ1 = q1.json.id;

    // ts's own report counts its own log only; pdp's activities never show there.
    const tsQ4 = await ts.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids['q4-2024'] });
    expect(tsQ4.json.values).toMatchObject({ tt_website_posts: 1, tt_meetings: 1, tt_meeting_participants: 60, tt_reach: 200 });
    ids.tsQ4 = tsQ4.json.id;
  });

  it('a correction of a log figure needs a reason; the figure and its origin are kept; a note on another indicator is refused', async () => {
    const noReason = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tt_reach: 2000, tthc_received: 10 } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.message).toContain('theo sổ tuyên truyền là 1.800; muốn sửa thành 2.000 phải ghi lý do điều chỉnh');
    expect((await pdp.get(`/api/v1/reports/submissions/${ids.pdpQ4}`)).json.values.tthc_received).toBeUndefined();
    const wrongNote = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tthc_received: 10 }, notes: { tthc_received: 'Không áp dụng' } });
    expect(wrongNote.status).toBe(400);
    expect(wrongNote.json.error.message).toContain('không lấy số liệu từ sổ tuyên truyền');

    const fixed = await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ4}/values`, { values: { tt_reach: 2000, tt_website_posts: 3, tthc_received: 10 }, notes: { tt_reach: 'Bài trên cổng thông tin của Sở chưa ghi vào sổ: thêm 200 lượt' } });
    expect(fixed.status).toBe(200);
    expect(fixed.json.values).toMatchObject({ tt_reach: 2000, tt_website_posts: 3 });
    expect(fixed.json.outreach.tt_reach).toMatchObject({ fromLog: 1800, corrected: true, note: 'Bài trên cổng thông tin của Sở chưa ghi vào sổ: thêm 200 lượt' });
    expect(fixed.json.outreach.tt_website_posts).toMatchObject({ fromLog: 3, corrected: false });
    const audit = await env().deps.database.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', ids.pdpQ4).where('action', '=', 'report.values.save').execute();
    expect(audit.map((a) => a.after_json).join(' ')).toContain('chưa ghi vào sổ');

    // Sent: the figures are stored; later log entries no longer change the report.
    const sent = await pdp.post(`/api/v1/reports/submissions/${ids.pdpQ4}/submit`);
    expect(sent.status).toBe(200);
    await log(pdp, 'THPT-42-01', 'website', '2024-12-20', 0, 0);
    const after = await pdp.get(`/api/v1/reports/submissions/${ids.pdpQ4}`);
    expect(after.json.values).toMatchObject({ tt_website_posts: 3, tt_reach: 2000, tt_meeting_participants: 160 });
    expect(after.json.outreach.tt_reach).toMatchObject({ fromLog: 1800, corrected: true });
    expect((await ts.put(`/api/v1/reports/submissions/${ids.tsQ4}/values`, { values: { tthc_received: 5 } })).status).toBe(200);
    expect((await ts.post(`/api/v1/reports/submissions/${ids.tsQ4}/submit`)).status).toBe(200);
  });

  it('the roll-up sums the sent figures of the quarter, not the next quarter\'s; another school\'s report and roll-up stay out of reach', async () => {
    const r = await so.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids['q4-2024']}`);
    expect(r.status).toBe(200);
    expect(r.json.totals).toMatchObject({ tt_website_posts: 4, tt_meetings: 3, tt_meeting_participants: 220, tt_reach: 2200, tthc_received: 15 });
    const row = (unit: string) => r.json.rows.find((x: { unitId: string }) => x.unitId === ids[unit]);
    expect(row('THPT-42-01').values).toMatchObject({ tt_website_posts: 3, tt_reach: 2000 });
    expect(row('THPT-42-02').values).toMatchObject({ tt_website_posts: 1, tt_reach: 200 });

    const q1Before = await so.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids['q1-2025']}`);
    expect(q1Before.json.totals.tt_website_posts).toBeNull();
    expect((await pdp.put(`/api/v1/reports/submissions/${ids.pdpQ1}/values`, { values: { tthc_received: 4 } })).status).toBe(200);
    expect((await pdp.post(`/api/v1/reports/submissions/${ids.pdpQ1}/submit`)).status).toBe(200);
    const q1 = await so.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids['q1-2025']}`);
    expect(q1.json.totals).toMatchObject({ tt_website_posts: 1, tt_reach: 50, tt_meetings: 0 });

    // ts reaches neither pdp's report nor a roll-up of pdp; its own roll-up holds its own figures only.
    expect((await ts.get(`/api/v1/reports/submissions/${ids.pdpQ4}`)).status).toBe(404);
    expect((await ts.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids['q4-2024']}&unitId=${ids['THPT-42-01']}`)).status).toBe(404);
    const own = await ts.get(`/api/v1/reports/rollup?formId=${ids.form}&periodId=${ids['q4-2024']}&unitId=${ids['THPT-42-02']}`);
    if (own.status === 200) {
      expect(own.json.rows.map((x: { unitId: string }) => x.unitId)).toEqual([ids['THPT-42-02']]);
      expect(own.json.totals.tt_website_posts).toBe(1);
    } else expect(own.status).toBe(403);
  });

  it('own indicators: a computed share and one fed by the outreach log; bad definitions are refused in Vietnamese', async () => {
    const fb = await so.post('/api/v1/reports/indicators', { code: 'tt_facebook_reach', name: 'Lượt tiếp cận trên Facebook', type: 'number', unitLabel: 'lượt', group: 'tuyen_truyen', source: { kind: 'outreach', channels: ['facebook'], measure: 'reach' } });
    expect(fb.status).toBe(200);
    expect(fb.json).toMatchObject({ code: 'tt_facebook_reach', source: { kind: 'outreach', channels: ['facebook'], measure: 'reach' }, aggregate: 'sum' });
    const pctFromLog = await so.post('/api/v1/reports/indicators', { code: 'tt_bad', name: 'Tỷ lệ sai', type: 'percent', source: { kind: 'outreach', channels: 'all', measure: 'reach' } });
    expect(pctFromLog.status).toBe(400);
    expect(pctFromLog.json.error.message).toContain('phải có kiểu Số');
    const share = await so.post('/api/v1/reports/indicators', { code: 'tt_website_share', name: 'Tỷ lệ tin bài website trên tổng hoạt động tuyên truyền', type: 'percent', unitLabel: '%', group: 'tuyen_truyen', formula: { op: 'share', parts: ['tt_website_posts'], total: 'tt_activities' } });
    expect(share.status).toBe(200);
    expect(share.json.formula).toEqual({ op: 'share', parts: ['tt_website_posts'], total: 'tt_activities' });
    const numberShare = await so.post('/api/v1/reports/indicators', { code: 'tt_bad2', name: 'Công thức sai kiểu', type: 'number', formula: { op: 'share', parts: ['tt_website_posts'], total: 'tt_activities' } });
    expect(numberShare.status).toBe(400);
    expect(numberShare.json.error.message).toContain('Tỷ lệ (%)');
    const textPart = await so.post('/api/v1/reports/indicators', { code: 'tt_bad3', name: 'Công thức với văn bản', type: 'percent', formula: { op: 'share', parts: ['ket_qua_noi_bat'], total: 'tt_activities' } });
    expect(textPart.status).toBe(400);
    expect(textPart.json.error.message).toContain('kiểu số');
    expect((await pdp.post('/api/v1/reports/indicators', { code: 'tt_school', name: 'Chỉ tiêu của trường', type: 'number' })).status).toBe(403);
  });

  it('editing a form in use: indicators can be added and reordered; one with figures in a sent report cannot be removed', async () => {
    const current = (await so.get(`/api/v1/reports/forms/${ids.form}`)).json;
    const raw = current.rawSections as { title: string; items: { code: string }[] }[];
    const without = raw.map((s) => ({ ...s, items: s.items.filter((i) => i.code !== 'tt_reach') }));
    const refused = await so.patch(`/api/v1/reports/forms/${ids.form}`, { sections: without });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toContain('Không bỏ được chỉ tiêu đã có số liệu trong báo cáo đã gửi: Tổng lượt tiếp cận qua các kênh tuyên truyền (3 báo cáo)');

    const added = [{ ...raw[0], items: [{ code: 'tt_facebook_reach' }, ...raw[0].items.slice().reverse()] }, { title: 'II. Thủ tục hành chính (sửa tên)', items: [...raw[1].items, { code: 'tt_activities' }, { code: 'tt_website_share', target: 50 }] }];
    const ok = await so.patch(`/api/v1/reports/forms/${ids.form}`, { sections: added });
    expect(ok.status).toBe(200);
    expect(ok.json.sections[0].items.map((i: { code: string }) => i.code)).toEqual(['tt_facebook_reach', 'tt_reach', 'tt_meeting_participants', 'tt_meetings', 'tt_website_posts']);
    expect(ok.json.sections[1]).toMatchObject({ title: 'II. Thủ tục hành chính (sửa tên)' });
    expect(ok.json.sections[1].items.find((i: { code: string }) => i.code === 'tt_website_share')).toMatchObject({ target: 50, formula: { op: 'share' } });
    // Removing what no sent report holds is allowed.
    const back = await so.patch(`/api/v1/reports/forms/${ids.form}`, { sections: [added[0], { ...added[1], items: added[1].items.filter((i) => i.code !== 'tt_website_share') }] });
    expect(back.status).toBe(200);
    expect([403, 404]).toContain((await pdp.patch(`/api/v1/reports/forms/${ids.form}`, { sections: added })).status);

    // A school's open Q2 report shows the new log-fed indicator from its log.
    await log(pdp, 'THPT-42-01', 'facebook', '2025-04-03', 0, 777);
    const q2 = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: ids['q2-2025'] });
    expect(q2.json.values).toMatchObject({ tt_facebook_reach: 777, tt_activities: 1 });
  });

  it('periods: the owner adds one and changes due dates (refusals in Vietnamese); the new period counts its own dates', async () => {
    const add = await so.post(`/api/v1/reports/forms/${ids.form}/periods`, { label: 'Báo cáo đột xuất nửa đầu tháng 12/2024', from: '2024-12-01', to: '2024-12-15', dueDate: '2024-12-20' });
    expect(add.status).toBe(200);
    expect(add.json).toMatchObject({ kind: 'custom', from: '2024-12-01', to: '2024-12-15', opensOn: '2024-12-01', dueDate: '2024-12-20' });
    const twice = await so.post(`/api/v1/reports/forms/${ids.form}/periods`, { label: 'Kỳ trùng ngày', from: '2024-12-01', to: '2024-12-15', dueDate: '2024-12-25' });
    expect(twice.status).toBe(409);
    expect(twice.json.error.message).toContain('đã có kỳ từ 01/12/2024 đến 15/12/2024');
    const early = await so.post(`/api/v1/reports/forms/${ids.form}/periods`, { label: 'Hạn trước ngày mở', from: '2024-12-16', to: '2024-12-31', dueDate: '2024-12-10' });
    expect(early.status).toBe(400);
    expect(early.json.error.message).toContain('Hạn nộp phải sau ngày mở');
    const badDate = await so.post(`/api/v1/reports/forms/${ids.form}/periods`, { label: 'Sai định dạng', from: '16/12/2024', to: '2024-12-31', dueDate: '2025-01-10' });
    expect(badDate.status).toBe(400);
    expect([403, 404]).toContain((await pdp.post(`/api/v1/reports/forms/${ids.form}/periods`, { label: 'Trường tự thêm', from: '2024-12-16', to: '2024-12-31', dueDate: '2025-01-10' })).status);

    const due = await so.patch(`/api/v1/reports/periods/${ids['q1-2025']}`, { dueDate: '2025-04-25' });
    expect(due.status).toBe(200);
    const form = (await so.get(`/api/v1/reports/forms/${ids.form}`)).json;
    expect(form.periods.find((p: { id: string }) => p.id === ids['q1-2025']).dueDate).toBe('2025-04-25');
    expect(form.periods.map((p: { label: string }) => p.label)).toContain('Báo cáo đột xuất nửa đầu tháng 12/2024');

    const custom = await pdp.post('/api/v1/reports/submissions', { formId: ids.form, periodId: add.json.id });
    expect(custom.status).toBe(200);
    // 01/12 tập huấn, 15/12 website; 20/12 and 31/12 fall outside.
    expect(custom.json.values).toMatchObject({ tt_website_posts: 1, tt_meetings: 1, tt_meeting_participants: 40 });
  });

  it('the OpenAPI document lists the new path and the notes of a correction', async () => {
    const doc = await (await env().app.request('/api/openapi.json')).json();
    expect(Object.keys(doc.paths).some((k) => k.endsWith('/reports/forms/{id}/periods'))).toBe(true);
    expect(JSON.stringify(doc.components.schemas.ReportValues)).toContain('notes');
    expect(JSON.stringify(doc.components.schemas.ReportIndicatorInput)).toContain('outreach');
  });
});
