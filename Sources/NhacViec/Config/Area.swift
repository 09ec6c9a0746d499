/// The reform areas of DESIGN §3, in the order reports list them.
package enum Area: String, CaseIterable, Sendable, Comparable {
    case chiDaoDieuHanh = "chi_dao_dieu_hanh"
    case theChe = "the_che"
    case thuTucHanhChinh = "tthc"
    case toChucBoMay = "to_chuc_bo_may"
    case congVu = "cong_vu"
    case taiChinhCong = "tai_chinh_cong"
    case chinhQuyenSo = "chinh_quyen_so"

    /// The heading used in plans and reports.
    package var vietnameseName: String {
        switch self {
        case .chiDaoDieuHanh: "Công tác chỉ đạo, điều hành cải cách hành chính"
        case .theChe: "Cải cách thể chế"
        case .thuTucHanhChinh: "Cải cách thủ tục hành chính"
        case .toChucBoMay: "Cải cách tổ chức bộ máy hành chính nhà nước"
        case .congVu: "Cải cách chế độ công vụ"
        case .taiChinhCong: "Cải cách tài chính công"
        case .chinhQuyenSo: "Xây dựng và phát triển chính quyền điện tử, chính quyền số"
        }
    }

    package var englishName: String {
        switch self {
        case .chiDaoDieuHanh: "Direction and management of administrative reform"
        case .theChe: "Institutional reform"
        case .thuTucHanhChinh: "Administrative procedure reform"
        case .toChucBoMay: "Reform of the state administrative apparatus"
        case .congVu: "Civil service reform"
        case .taiChinhCong: "Public finance reform"
        case .chinhQuyenSo: "E-government and digital government"
        }
    }

    package static func < (lhs: Area, rhs: Area) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
