import RegistryDomain

extension Timestamp {
    /// The timestamp as ISO-8601 UTC with milliseconds (`2026-11-24T16:44:44.123Z`), as AWS sends it.
    /// Written digit by digit into 24 bytes: it runs for every response's dates and every log line.
    var iso8601: String {
        let time = utc
        guard (0...9999).contains(time.year) else {
            return "\(time.year.zeroPadded(4))-\(time.month.zeroPadded(2))-\(time.day.zeroPadded(2))T"
                + "\(time.hour.zeroPadded(2)):\(time.minute.zeroPadded(2)):\(time.second.zeroPadded(2))."
                + "\(time.millisecond.zeroPadded(3))Z"
        }
        var text: [UInt8] = Array("0000-00-00T00:00:00.000Z".utf8)
        for (value, end) in [
            (time.year, 4), (time.month, 7), (time.day, 10), (time.hour, 13), (time.minute, 16), (time.second, 19),
            (time.millisecond, 23),
        ] {
            var rest = value
            var position = end - 1
            while rest > 0 {
                text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                position -= 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
