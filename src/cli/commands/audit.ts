import { verifyAuditChain } from '../../server/audit/audit';
import { openForCli } from './context';

export async function runAuditCommand(args: string[]): Promise<number> {
  if (args[0] !== 'verify') { console.error('Cách dùng: thidua audit verify'); return 1; }
  const deps = await openForCli();
  try {
    const r = await verifyAuditChain(deps.database.db);
    if (r.ok) { console.log(`Nhật ký toàn vẹn: ${r.rows} dòng, chuỗi băm khớp.`); return 0; }
    console.error(`Nhật ký KHÔNG toàn vẹn: ${r.problem} (đã kiểm ${r.rows} dòng hợp lệ trước đó).`);
    return 3;
  } finally {
    await deps.database.close();
  }
}
