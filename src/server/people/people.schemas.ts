import { z } from '@hono/zod-openapi';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải theo dạng YYYY-MM-DD');
export const ZGender = z.enum(['nam', 'nu']);
export const ZRating = z.enum(['htxsnv', 'httnv', 'htnv', 'khtnv']);
export const ZDisciplineForm = z.enum(['khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec']);
export const ZCccd = z.string().regex(/^\d{12}$/, 'Số CCCD gồm đúng 12 chữ số');

export const ZPerson = z
  .object({
    id: z.string(), fullName: z.string(), birthDate: z.string().nullable(), gender: z.string().nullable(), genderLabel: z.string().nullable(),
    ethnicity: z.string().nullable(), cccd: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
    unitId: z.string(), unitName: z.string().nullable(), position: z.string().nullable(), staffCategory: z.string().nullable(),
    sectorStartDate: z.string().nullable(), provinceCode: z.string(),
  })
  .openapi('Person');
export type TPerson = z.infer<typeof ZPerson>;

export const ZCreatePersonRequest = z.object({
  fullName: z.string().trim().min(2).max(120),
  birthDate: ZDate.nullish(),
  gender: ZGender.nullish(),
  ethnicity: z.string().trim().max(50).nullish(),
  cccd: ZCccd.nullish(),
  phone: z.string().trim().max(20).nullish(),
  email: z.string().trim().email().max(200).nullish(),
  unitId: z.string().min(1),
  position: z.string().trim().max(120).nullish(),
  staffCategory: z.string().trim().max(80).nullish(),
  sectorStartDate: ZDate.nullish(),
  startDate: ZDate.nullish(),
});
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;

export const ZUpdatePersonRequest = ZCreatePersonRequest.partial().extend({ reason: z.string().max(1000).nullish() });
export type TUpdatePersonRequest = z.infer<typeof ZUpdatePersonRequest>;

export const ZEmployment = z.object({ id: z.string(), unitId: z.string(), unitName: z.string().nullable(), position: z.string(), fromDate: z.string(), toDate: z.string().nullable() });
export const ZQualification = z.object({ id: z.string(), kind: z.string(), name: z.string(), year: z.number().nullable() });
export const ZRatingRow = z.object({ id: z.string(), schoolYear: z.number(), schoolYearLabel: z.string(), rating: z.string(), ratingLabel: z.string(), unitName: z.string().nullable() });
export const ZDisciplineRow = z.object({ id: z.string(), form: z.string(), formLabel: z.string(), decisionNumber: z.string().nullable(), fromDate: z.string(), toDate: z.string().nullable(), reason: z.string().nullable(), active: z.boolean() });

export const ZPersonDetail = ZPerson.extend({
  employments: z.array(ZEmployment), qualifications: z.array(ZQualification), ratings: z.array(ZRatingRow), disciplines: z.array(ZDisciplineRow),
  canEdit: z.boolean(),
}).openapi('PersonDetail');

export const ZAddEmployment = z.object({ unitId: z.string().min(1), position: z.string().trim().min(1).max(120), fromDate: ZDate, toDate: ZDate.nullish(), moveCurrent: z.boolean().default(true) });
export const ZAddQualification = z.object({ kind: z.string().trim().min(1).max(60), name: z.string().trim().min(1).max(200), year: z.number().int().min(1950).max(2100).nullish() });
export const ZSetRating = z.object({ schoolYear: z.number().int().min(2000).max(2100), rating: ZRating });
export const ZAddDiscipline = z.object({ form: ZDisciplineForm, decisionNumber: z.string().trim().max(60).nullish(), fromDate: ZDate, toDate: ZDate.nullish(), reason: z.string().trim().max(1000).nullish() });
