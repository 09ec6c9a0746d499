import Foundation

/// `/healthz`: healthy when the state opens and the daemon's last pass is under 2 hours old.
enum WebHealth {
    static let maximumAge: TimeInterval = 2 * 3600

    /// (healthy, the reason in one line).
    static func check(site: WebSite) -> (Bool, String) {
        let now = site.clock.now()
        let clock = WallClock(timeZone: site.current.config.organization.timeZone)
        do {
            guard let store = try site.store() else {
                return (false, "no state database in \(site.options.stateDirectory): the daemon has never run")
            }
            guard let last = try store.lastRun() else {
                return (false, "the daemon has not completed a pass yet")
            }
            let age = now.timeIntervalSince(last)
            guard age < maximumAge else {
                return (
                    false,
                    "the daemon's last pass was at \(clock.iso8601(last)), \(Int(age / 60)) minutes ago (limit 120)"
                )
            }
            return (true, "ok: last pass at \(clock.iso8601(last))")
        } catch  where error.code == .newerSchema {
            site.noteNewerSchema(error)
            return (false, error.message)
        } catch {
            return (false, "the state cannot be read: \(error)")
        }
    }
}
