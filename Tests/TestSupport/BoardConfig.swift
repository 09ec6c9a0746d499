/// The small board most daemon tests run against, as config YAML: the Office, two units
/// with heads (phong-qldt leads the one task, phong-tc supports it), admins to alert.
/// Shared by the in-process engine tests and the end-to-end runs of the binary.
///
/// - Parameters:
///   - delivery: lines added under `delivery:` (each indented two spaces), e.g. an `email:` block.
///   - webhooks: a top-level `webhooks:` section.
///   - unitWebhooks: phong-qldt's `webhooks: [...]` line.
package enum BoardConfig {
    /// One task due Fri 29/03/2024 (default policy): before-5wd 22/03, before-1wd 28/03,
    /// due 29/03, overdue-1 03/04, escalation 05/04 — all at 08:00 +07:00.
    package static func yaml(delivery: String = "", webhooks: String = "", unitWebhooks: String = "") -> String {
        """
        version: 1
        organization:
          name: Ban Quản lý Khu kinh tế Hải Phòng
          office: van-phong
          plan_year: 2024
          admins: [quantri@example.gov.vn]
        delivery:
          send_time: "08:00"
          retry: { first: 1m, max_interval: 10m, give_up_after: 2h }
        \(delivery)
        \(webhooks)
        units:
          - id: van-phong
            name: Văn phòng Ban Quản lý
            email: vanphong@example.gov.vn
            head: { title: Chánh Văn phòng, name: Nguyễn Văn A, email: a@example.gov.vn }
          - id: phong-qldt
            name: Phòng Quản lý đầu tư
            email: qldt@example.gov.vn
            head: { title: Trưởng phòng, name: Trần Văn B, email: b@example.gov.vn }
            \(unitWebhooks)
          - id: phong-tc
            name: Phòng Tổ chức
            email: tc@example.gov.vn
        tasks:
          - id: II.3
            area: the_che
            title: Rà soát văn bản quy phạm pháp luật
            lead: phong-qldt
            support: [phong-tc]
            due: 29/03/2024
        """
    }

    /// A `delivery.email` block for ``yaml(delivery:webhooks:unitWebhooks:)``: STARTTLS
    /// required to a test server on 127.0.0.1, trusting `caFile` when given.
    package static func email(port: Int, caFile: String? = nil) -> String {
        """
          email:
            url: smtp://127.0.0.1:\(port)
            tls: required
            from: "Văn phòng Ban Quản lý <vanphong@example.gov.vn>"
            timeout: 10s
        """ + (caFile.map { "\n    ca_file: \($0)" } ?? "")
    }
}
