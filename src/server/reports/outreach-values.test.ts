// The pure rules of figures fed by the outreach log: they follow the log unless corrected with a reason.
import { describe, expect, it } from 'vitest';
import { applyOutreachInput, checkAndCompute, withOutreach, type TIndicatorDef } from './report-values';

const def = (code: string, over: Partial<TIndicatorDef> = {}): TIndicatorDef => ({ code, name: code === 'posts' ? 'Số tin, bài đăng trên website' : code, type: 'number', formula: null, partOf: null, max: null, aggregate: 'sum', higherIsBetter: true, unitLabel: null, ...over });
const posts = def('posts', { source: { kind: 'outreach', channels: ['website'], measure: 'activities' } });
const total = def('total', { source: { kind: 'outreach', channels: 'all', measure: 'activities' } });
const share = def('share', { type: 'percent', formula: { op: 'share', parts: ['posts'], total: 'total' } });

describe('số liệu lấy từ sổ tuyên truyền', () => {
  it('follows the log unless the stored figure carries a reason', () => {
    const v = withOutreach({ posts: { num: 9, text: null, sourceNum: 2, note: null }, total: { num: 12, text: null, sourceNum: 10, note: 'Thêm 2 buổi ngoại khóa chưa ghi sổ' } }, { posts: 3, total: 10 });
    expect(v.posts).toEqual({ num: 3, text: null, sourceNum: 3, note: null });
    expect(v.total).toMatchObject({ num: 12, sourceNum: 10, note: 'Thêm 2 buổi ngoại khóa chưa ghi sổ' });
    expect(checkAndCompute([posts, total, share], v).values.share.num).toBe(25);
  });

  it('a different number needs a reason of at least 5 characters; the log\'s own number or empty goes back to the log', () => {
    const log = { posts: 4, total: 10 };
    const current = withOutreach({}, log);
    const refused = applyOutreachInput([posts, total], { posts: { num: 6, text: null } }, {}, log, current);
    expect(refused.errors).toEqual([{ field: 'notes.posts', message: 'Số tin, bài đăng trên website: theo sổ tuyên truyền là 4; muốn sửa thành 6 phải ghi lý do điều chỉnh (ít nhất 5 ký tự)' }]);
    expect(applyOutreachInput([posts], { posts: { num: 6, text: null } }, { posts: 'abc' }, log, current).errors).toHaveLength(1);
    const ok = applyOutreachInput([posts], { posts: { num: 6, text: null } }, { posts: '  Hai tin trên cổng của Sở  ' }, log, current);
    expect(ok.errors).toEqual([]);
    expect(ok.values.posts).toEqual({ num: 6, text: null, sourceNum: 4, note: 'Hai tin trên cổng của Sở' });
    const corrected = withOutreach({ posts: ok.values.posts }, log);
    expect(applyOutreachInput([posts], { posts: { num: 4, text: null } }, {}, log, corrected).values.posts).toEqual({ num: 4, text: null, sourceNum: 4, note: null });
    expect(applyOutreachInput([posts], { posts: { num: null, text: null } }, {}, log, corrected).values.posts).toMatchObject({ num: 4, note: null });
    // A new reason alone keeps the corrected number.
    expect(applyOutreachInput([posts], {}, { posts: 'Lý do mới, đầy đủ hơn' }, log, corrected).values.posts).toMatchObject({ num: 6, note: 'Lý do mới, đầy đủ hơn' });
  });
});
