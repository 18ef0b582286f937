import RegistryDomain

extension Timestamp {
    /// The timestamp as ISO-8601 UTC with milliseconds (`2026-11-24T16:44:44.123Z`), as AWS sends it.
    var iso8601: String {
        let time = utc
        return "\(time.year.zeroPadded(4))-\(time.month.zeroPadded(2))-\(time.day.zeroPadded(2))T"
            + "\(time.hour.zeroPadded(2)):\(time.minute.zeroPadded(2)):\(time.second.zeroPadded(2))."
            + "\(time.millisecond.zeroPadded(3))Z"
    }
}
