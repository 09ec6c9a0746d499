/// Reports carry areas by their config name (`tthc`, `chinh_quyen_so`, …).
extension Area: Codable {}
