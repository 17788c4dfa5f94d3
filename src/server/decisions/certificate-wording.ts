// What a certificate of a decision says: the issuing authority ("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ
// TĨNH"), the line above the award ("TẶNG" for a form of commendation, "TẶNG DANH HIỆU" for an
// emulation title), what was awarded, printed large (Giấy khen, Bằng khen, Chiến sĩ thi đua cơ sở, Lao
// động tiên tiến, Tập thể lao động tiên tiến, Cờ thi đua, …) and the achievement line. Pure.
import type { AuthorityKind } from '../../rules';
import { titleRule } from '../reviews/titles';

export type TCertificateWording = { title: string; awardLine: string; achievement: string };

/** "GIÁM ĐỐC" + "Sở Giáo dục và Đào tạo Hà Tĩnh" → "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO HÀ TĨNH". */
export function certificateAuthority(headTitle: string, unitName: string): string {
  return `${headTitle} ${unitName}`.replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
}

/**
 * The signer block: the head signs in their own name; a deputy ("Phó Giám đốc") signs "KT." on behalf
 * of the head (NĐ 30/2020, Phụ lục I).
 */
export function certificateSigner(headTitle: string, signerTitle: string, signerName: string): { authority?: 'KT.'; onBehalfOf?: string; title: string; name: string } {
  const head = headTitle.trim().toLocaleUpperCase('vi');
  const own = signerTitle.trim().toLocaleUpperCase('vi');
  if (own && own !== head && own.startsWith('PHÓ')) return { authority: 'KT.', onBehalfOf: head, title: own, name: signerName };
  return { title: own || head, name: signerName };
}

/** Wording for one line of a decision (title code and name as stored on the line). */
export function certificateWording(line: { titleCode: string; titleName: string; period: string }, authorityKind: AuthorityKind | string): TCertificateWording {
  const rule = titleRule(line.titleCode);
  const period = `năm học ${line.period}`;
  const excellent = `Đã có thành tích xuất sắc trong thực hiện nhiệm vụ ${period}`;
  const code = line.titleCode;
  if (code === 'GIAY_KHEN') return { title: 'Giấy khen', awardLine: 'TẶNG', achievement: excellent };
  if (code.startsWith('BK_')) return { title: 'Bằng khen', awardLine: 'TẶNG', achievement: excellent };
  if (code === 'KNC_GD') return { title: 'Kỷ niệm chương', awardLine: 'TẶNG', achievement: 'Vì sự nghiệp giáo dục' };
  if (code === 'CO_THI_DUA' || code === 'CO_CP') return { title: 'Cờ thi đua', awardLine: 'TẶNG', achievement: `Đơn vị dẫn đầu phong trào thi đua ${period}` };
  if (rule?.category === 'danh_hieu') {
    let title = rule.name;
    if (code === 'CSTD_TINH') title = authorityKind === 'minister' ? 'Chiến sĩ thi đua cấp bộ' : 'Chiến sĩ thi đua cấp tỉnh';
    const achievement = code === 'LDTT' || code === 'TTLDTT' ? `Đã hoàn thành tốt nhiệm vụ, tích cực tham gia phong trào thi đua ${period}` : excellent;
    return { title, awardLine: 'TẶNG DANH HIỆU', achievement };
  }
  // A form the rule sets do not know (an imported one): print its name as recorded on the decision.
  return { title: line.titleName || rule?.name || 'Giấy khen', awardLine: 'TẶNG', achievement: excellent };
}
