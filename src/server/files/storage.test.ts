import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FileStorage, sniffType } from './storage';

describe('file type sniffing and content-addressed storage', () => {
  it('recognises real files by their bytes, not their names', async () => {
    expect((await sniffType(new TextEncoder().encode('%PDF-1.7\n')))?.ext).toBe('pdf');
    expect((await sniffType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))?.ext).toBe('png');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['x']);
    expect((await sniffType(new Uint8Array(await wb.xlsx.writeBuffer())))?.ext).toBe('xlsx');
    expect((await sniffType(new TextEncoder().encode('Kế hoạch thi đua năm học 2025-2026\n')))?.ext).toBe('txt');
    expect(await sniffType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x01, 0x02]))).toBeNull();
    expect(await sniffType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
  });
  it('stores each content once under its sha256 and refuses oversize files', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
    const store = new FileStorage(root, 1024);
    const a = await store.put(new TextEncoder().encode('minh chứng'));
    const b = await store.put(new TextEncoder().encode('minh chứng'));
    expect(a.sha256).toBe(b.sha256);
    expect(fs.readFileSync(store.pathOf(a.sha256), 'utf8')).toBe('minh chứng');
    await expect(store.put(new Uint8Array(2048).fill(65))).rejects.toThrow('Tệp quá lớn: tối đa 1 KB');
    expect(() => store.pathOf('../../etc/passwd')).toThrow('Mã tệp không hợp lệ');
  });
});
