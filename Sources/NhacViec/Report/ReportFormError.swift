/// A form cannot be made: the unit or the report is not one the config knows, or the
/// unit does not owe it. Says what the config does allow.
package struct ReportFormError: Error, Hashable, Sendable, CustomStringConvertible {
    package let message: String

    package var description: String { message }
}
