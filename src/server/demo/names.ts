// Vietnamese name parts with rough real-world frequencies, for fictional but plausible people.
export const FAMILY_NAMES: [string, number][] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Phan', 4.5], ['Võ', 4], ['Đặng', 2], ['Bùi', 2],
  ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 1], ['Trương', 0.8], ['Đào', 0.7], ['Thái', 0.5], ['Tạ', 0.4], ['Hà', 0.6],
];
export const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng', 'Minh', 'Phương', 'Kim', 'Thùy', 'Bảo', 'Diệu', 'Hải'];
export const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Thanh', 'Xuân', 'Anh', 'Đình', 'Ngọc', 'Trọng', 'Tiến'];
export const GIVEN_FEMALE = ['Lan', 'Hương', 'Hoa', 'Mai', 'Linh', 'Trang', 'Thảo', 'Hằng', 'Nga', 'Hà', 'Huyền', 'Yến', 'Dung', 'Loan', 'Phương', 'Thủy', 'Vân', 'Oanh', 'Nhung', 'Hạnh', 'Liên', 'Tâm', 'Ngân', 'Quỳnh', 'Hiền', 'Giang', 'Thúy', 'Trâm', 'Anh', 'Chi', 'Nhàn', 'Lý', 'Sen', 'Xuân', 'Hồng'];
export const GIVEN_MALE = ['Hùng', 'Dũng', 'Minh', 'Tuấn', 'Nam', 'Hải', 'Sơn', 'Thắng', 'Long', 'Quân', 'Trung', 'Hiếu', 'Phong', 'Đức', 'Cường', 'Tâm', 'Thành', 'Hòa', 'Bình', 'Khoa', 'Lâm', 'Việt', 'Toàn', 'Huy', 'Kiên', 'Vinh', 'Tú', 'Hoàng', 'Thịnh', 'Quyết'];
export const ETHNICITIES: [string, number][] = [['Kinh', 96], ['Mường', 1.5], ['Thái', 1], ['Tày', 0.8], ['Nùng', 0.4], ['Chứt', 0.3]];
