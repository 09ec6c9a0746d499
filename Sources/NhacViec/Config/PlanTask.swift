/// `tasks[]`: one row of the plan appendix.
package struct PlanTask: Sendable {
    package var id: String
    package var area: Area
    package var title: String
    package var lead: String
    package var support: [String]
    package var due: DeadlineExpression
    package var output: String?
    package var policy: String
    /// Where the task is written, for messages that point the admin at it.
    package var mark: SourceMark
}
