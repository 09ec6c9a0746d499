/// The nhacviec release this library belongs to.
package enum NhacViecVersion {
    package static let current = "0.1.0"
}
