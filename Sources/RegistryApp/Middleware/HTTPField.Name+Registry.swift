import HTTPTypes

extension HTTPField.Name {
    /// `x-amzn-ErrorType`: the AWS error type of an error response.
    static let amznErrorType = HTTPField.Name("x-amzn-ErrorType")!
    /// `x-amzn-RequestId`: the request id on every response.
    static let amznRequestID = HTTPField.Name("x-amzn-RequestId")!
    /// `Server-Timing`: where the server spent its time on this request.
    static let serverTiming = HTTPField.Name("Server-Timing")!
}

extension HTTPField.Name {
    /// `x-registry-backup-schema-version`: the newest migration a backup's ledger records.
    static let backupSchemaVersion = HTTPField.Name("x-registry-backup-schema-version")!
    /// `x-registry-backup-apis`: the APIs a backup holds.
    static let backupAPIs = HTTPField.Name("x-registry-backup-apis")!
    /// `x-registry-backup-routes`: the routes a backup holds.
    static let backupRoutes = HTTPField.Name("x-registry-backup-routes")!
    /// `x-registry-backup-change-records`: the change records a backup holds.
    static let backupChangeRecords = HTTPField.Name("x-registry-backup-change-records")!
}

extension HTTPField.Name {
    /// `traceparent`: W3C Trace Context's position of a request in a distributed trace.
    static let traceparent = HTTPField.Name("traceparent")!
}
