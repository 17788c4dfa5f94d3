// The public page's data (no login): published decisions with the names, units and titles of those
// awarded (nothing else about them), and exemplars whose owners consented to publication.
import { schoolYearLabel } from '../../shared/vn';
import type { Db } from '../db/database';

export async function listPublicDecisions(db: Db, f: { page: number; pageSize: number }) {
  const total = await db.selectFrom('decisions').select(({ fn }) => fn.countAll().as('n')).where('published', '=', 1).executeTakeFirst();
  const rows = await db.selectFrom('decisions')
    .select(['id', 'number_symbol', 'decision_date', 'authority_name', 'summary', 'school_year'])
    .where('published', '=', 1).orderBy('decision_date', 'desc').orderBy('id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  const ids = rows.map((r) => r.id);
  const lines = ids.length
    ? await db.selectFrom('decision_lines').select(['decision_id', 'name', 'unit_name', 'title_name', 'recipient_kind']).where('decision_id', 'in', ids).orderBy('sort_order').execute()
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id, number: r.number_symbol, date: r.decision_date, authority: r.authority_name, summary: r.summary, schoolYear: schoolYearLabel(Number(r.school_year)),
      awardees: lines.filter((l) => l.decision_id === r.id).map((l) => ({ name: l.name, unit: l.unit_name, title: l.title_name, kind: l.recipient_kind })),
    })),
    total: Number(total?.n ?? 0), page: f.page, pageSize: f.pageSize,
  };
}

export async function listPublicExemplars(db: Db, f: { page: number; pageSize: number }) {
  const base = () => db.selectFrom('exemplars').leftJoin('people', 'people.id', 'exemplars.person_id').innerJoin('units', 'units.id', 'exemplars.unit_id')
    .where('exemplars.consent_public', '=', 1).where('exemplars.status', '=', 'accepted');
  const total = await base().select(({ fn }) => fn.countAll().as('n')).executeTakeFirst();
  const rows = await base()
    .select(['exemplars.id', 'exemplars.school_year', 'exemplars.quarter', 'exemplars.title', 'exemplars.write_up', 'people.full_name', 'units.name as unit_name'])
    .orderBy('exemplars.school_year', 'desc').orderBy('exemplars.quarter', 'desc').orderBy('exemplars.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.full_name ?? r.unit_name, unit: r.unit_name, schoolYear: schoolYearLabel(Number(r.school_year)), quarter: Number(r.quarter), title: r.title, writeUp: r.write_up })),
    total: Number(total?.n ?? 0), page: f.page, pageSize: f.pageSize,
  };
}
