// `thidua rules check` as an operator runs it (a real child process, no database): every example in
// docs/rules.md is a file in examples/rules/, and the output quoted in the docs is what the CLI prints.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = path.resolve('bin/thidua.mjs');
const DOCS = fs.readFileSync(path.resolve('docs/rules.md'), 'utf8');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** The examples of docs/rules.md §1.5: file name, the JSON shown, the output shown. */
function docExamples(): { file: string; json: string; output: string }[] {
  const re = /#### `([^`]+\.json)`[\s\S]*?```json\n([\s\S]*?)\n```\s*```text\n\$ npx thidua rules check \S+\n([\s\S]*?)\n```/g;
  return [...DOCS.matchAll(re)].map((m) => ({ file: m[1], json: m[2], output: m[3] }));
}

describe('thidua rules check (bộ quy tắc kèm theo, không cần cơ sở dữ liệu)', () => {
  const examples = docExamples();

  it('tài liệu có đủ 4 ví dụ và mỗi ví dụ là đúng tệp trong examples/rules', () => {
    expect(examples.map((e) => e.file).sort()).toEqual(['cstd-tinh-thieu-cstdcs.json', 'cstdcs-ca-nhan.json', 'ldtt-ky-luat.json', 'ttldtt-tap-the.json']);
    for (const e of examples) expect(JSON.parse(e.json), e.file).toEqual(JSON.parse(fs.readFileSync(path.resolve('examples/rules', e.file), 'utf8')));
  });

  const expected: Record<string, { eligible: boolean; ruleSet: string; amount: number; line: RegExp }> = {
    'cstdcs-ca-nhan.json': { eligible: true, ruleSet: 'luat2022-nd98-2023', amount: 2_340_000, line: /^Chiến sĩ thi đua cơ sở — năm học 2024-2025: ĐỦ ĐIỀU KIỆN$/m },
    'cstd-tinh-thieu-cstdcs.json': { eligible: false, ruleSet: 'luat2022-nd152-2025', amount: 7_020_000, line: /✗ Thiếu CSTĐCS năm học 2023-2024 \(năm học 2023-2024 là khen thưởng theo chuyên đề/ },
    'ttldtt-tap-the.json': { eligible: true, ruleSet: 'luat2022-nd98-2023', amount: 1_872_000, line: /✓ 75% thành viên đạt LĐTT \(9\/12\), đạt từ 70%/ },
    'ldtt-ky-luat.json': { eligible: false, ruleSet: 'luat2022-nd152-2025-tt07-2026', amount: 760_000, line: /· Hồ sơ được nhận ngày 20\/09\/2026, trước 01\/10\/2026/ },
  };

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: kết luận, bộ quy tắc, tiền thưởng; bản tóm tắt trùng với tài liệu`, () => {
      const json = run(['rules', 'check', `examples/rules/${file}`, '--json']);
      expect(json.code, json.err).toBe(0);
      const answer = JSON.parse(json.out);
      expect(answer.eligible).toBe(want.eligible);
      expect(answer.ruleSet.id).toBe(want.ruleSet);
      expect(answer.bonus.amount).toBe(want.amount);
      for (const c of answer.checks) expect(c.citation).not.toBe('');
      const text = run(['rules', 'check', `examples/rules/${file}`]);
      expect(text.code).toBe(0);
      expect(text.out).toMatch(want.line);
      expect(text.out.trim()).toBe(examples.find((e) => e.file === file)!.output.trim());
    });
  }

  it('dữ liệu sai: mã thoát 1 và thông báo tiếng Việt nêu trường sai', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-rules-'));
    try {
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ reviewDate: '2025-05-20', year: 2024, candidateKind: 'ca_nhan', code: 'CSTDCS', facts: { years: [{ year: 2024, rating: 'GIOI' }] } }));
      const r = run(['rules', 'check', bad, '--json']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^Lỗi: Dữ liệu không hợp lệ: facts\.years\.0\.rating/);
      expect(JSON.parse(r.out).error.code).toBe('VALIDATION');
      fs.writeFileSync(bad, '{ "reviewDate": ');
      expect(run(['rules', 'check', bad]).err).toMatch(/Tệp không phải JSON hợp lệ/);
      fs.writeFileSync(bad, JSON.stringify({ reviewDate: '2025-05-20', year: 2024, candidateKind: 'ca_nhan', code: 'KHONG_CO', facts: {} }));
      expect(run(['rules', 'check', bad]).err).toMatch(/không có danh hiệu, hình thức mã KHONG_CO/);
      expect(run(['rules', 'check', path.join(dir, 'missing.json')]).err).toMatch(/không đọc được tệp/);
      expect(run(['rules']).code).toBe(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
