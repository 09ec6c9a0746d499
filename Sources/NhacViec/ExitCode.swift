/// Process exit codes (sysexits.h), DESIGN §9.
package enum ExitStatus: Int32, Sendable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case unavailable = 69
    case ioError = 74
    case temporaryFailure = 75
    case configError = 78
}
