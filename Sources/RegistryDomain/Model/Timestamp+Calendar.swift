extension Timestamp {
    /// The timestamp's UTC calendar date and time of day.
    public struct UTCComponents: Hashable, Sendable {
        /// The year, e.g. 2026.
        public let year: Int
        /// The month, 1-12.
        public let month: Int
        /// The day of the month, 1-31.
        public let day: Int
        /// The hour, 0-23.
        public let hour: Int
        /// The minute, 0-59.
        public let minute: Int
        /// The second, 0-59.
        public let second: Int
        /// The millisecond, 0-999.
        public let millisecond: Int
    }

    /// The UTC calendar date and time of day of this timestamp (proleptic Gregorian calendar).
    public var utc: UTCComponents {
        let millisecond = Int((millisecondsSinceEpoch % 1000 + 1000) % 1000)
        let seconds = (millisecondsSinceEpoch - Int64(millisecond)) / 1000
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // Howard Hinnant's civil-from-days algorithm.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return UTCComponents(
            year: Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0)), month: Int(month), day: Int(day),
            hour: Int(secondOfDay / 3600), minute: Int(secondOfDay / 60 % 60), second: Int(secondOfDay % 60),
            millisecond: millisecond)
    }
}

extension Timestamp {
    /// The timestamp of a UTC calendar date and time (proleptic Gregorian calendar).
    public init(utcYear year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        // Howard Hinnant's days-from-civil algorithm.
        let shiftedYear = Int64(month <= 2 ? year - 1 : year)
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * Int64(month > 2 ? month - 3 : month + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = days * 86_400 + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
        self.init(millisecondsSinceEpoch: seconds * 1000)
    }
}

extension Int {
    /// The number in decimal, left-padded with zeros to `width` digits.
    public func zeroPadded(_ width: Int) -> String {
        let text = String(self)
        return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
    }
}
