// Vietnamese labels the web app needs beyond src/shared/labels.ts (audit actions, entity names,
// field names shown in the change log). Unknown codes fall back to a neutral Vietnamese phrase.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'unit.create': 'Thành lập đơn vị',
  'unit.update': 'Sửa thông tin đơn vị',
  'unit.merge': 'Sáp nhập đơn vị',
  'unit.split': 'Chia tách đơn vị',
  'cluster.create': 'Tạo cụm/khối thi đua',
  'cluster.members.set': 'Đặt thành viên cụm/khối',
  'person.create': 'Thêm cán bộ',
  'person.update': 'Sửa hồ sơ cán bộ',
  'person.employment.add': 'Thêm quá trình công tác',
  'person.qualification.add': 'Thêm trình độ',
  'person.rating.set': 'Ghi xếp loại đánh giá',
  'person.discipline.add': 'Thêm kỷ luật',
  'user.create': 'Tạo tài khoản',
  'user.update': 'Sửa tài khoản',
  'user.reset_password': 'Đặt lại mật khẩu',
  'user.change_password': 'Đổi mật khẩu',
  'file.upload': 'Tải lên tệp',
  'demo.seed': 'Nạp dữ liệu mẫu',
  'import.run': 'Nhập dữ liệu Excel',
};

export const ENTITY_LABELS: Record<string, string> = {
  unit: 'Đơn vị', person: 'Cán bộ', user: 'Tài khoản', cluster: 'Cụm/khối', attachment: 'Tệp đính kèm', import: 'Nhập dữ liệu', system: 'Hệ thống',
};

export const FIELD_LABELS: Record<string, string> = {
  code: 'Mã', name: 'Tên', shortName: 'Tên ngắn', abbreviation: 'Viết tắt', kind: 'Loại', parentId: 'Đơn vị cấp trên', parentName: 'Đơn vị cấp trên',
  profParentId: 'Cấp trên chuyên môn', address: 'Địa chỉ', phone: 'Điện thoại', email: 'Thư điện tử', status: 'Trạng thái',
  validFrom: 'Hiệu lực từ', validTo: 'Hiệu lực đến', fullName: 'Họ và tên', birthDate: 'Ngày sinh', gender: 'Giới tính',
  ethnicity: 'Dân tộc', cccd: 'Số CCCD', unitId: 'Đơn vị', unitName: 'Đơn vị', position: 'Chức vụ', staffCategory: 'Ngạch/loại cán bộ',
  sectorStartDate: 'Ngày vào ngành', startDate: 'Ngày bắt đầu', username: 'Tên đăng nhập', isActive: 'Đang hoạt động', roles: 'Vai trò',
  members: 'Thành viên', schoolYear: 'Năm học', rating: 'Xếp loại', form: 'Hình thức', decisionNumber: 'Số quyết định',
  fromDate: 'Từ ngày', toDate: 'Đến ngày', reason: 'Lý do', effectiveDate: 'Ngày hiệu lực', sourceIds: 'Đơn vị sáp nhập', parts: 'Các đơn vị mới',
  year: 'Năm', note: 'Ghi chú', ownerUnitId: 'Đơn vị quản lý', password: 'Mật khẩu', currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới',
  fileName: 'Tên tệp', personId: 'Cán bộ', mustChangePassword: 'Phải đổi mật khẩu', movedPeople: 'Số cán bộ chuyển', movedChildren: 'Số đơn vị chuyển',
  totalRows: 'Số dòng', created: 'Thêm mới', updated: 'Cập nhật', unchanged: 'Không đổi', units: 'Số đơn vị', people: 'Số cán bộ',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? 'Thay đổi dữ liệu';
}
