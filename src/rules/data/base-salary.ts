import type { BaseSalaryEntry } from '../types';

/** Mức lương cơ sở by date (inclusive ranges). The bonus uses the value in force on the decision date (NĐ 152/2025 Điều 49 k1). */
export const BASE_SALARY_TABLE: BaseSalaryEntry[] = [
  {
    amount: 1_490_000,
    effectiveFrom: '2019-07-01',
    effectiveTo: '2023-06-30',
    citation: 'Nghị định 38/2019/NĐ-CP',
    verified: false,
    note: 'Mức đã biết rộng rãi; chưa đối chiếu văn bản trong tài liệu nghiệp vụ của dự án.',
  },
  {
    amount: 1_800_000,
    effectiveFrom: '2023-07-01',
    effectiveTo: '2024-06-30',
    citation: 'Nghị định 24/2023/NĐ-CP',
    verified: false,
    note: 'Mức đã biết rộng rãi; chưa đối chiếu văn bản trong tài liệu nghiệp vụ của dự án.',
  },
  {
    amount: 2_340_000,
    effectiveFrom: '2024-07-01',
    effectiveTo: '2026-06-30',
    citation: 'Nghị định 73/2024/NĐ-CP',
    verified: true,
  },
  {
    amount: 2_530_000,
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    citation: 'Nghị định 161/2026/NĐ-CP ngày 15/5/2026',
    verified: true,
  },
];
