import HTTPTypes

/// Header names the tests look for.
enum HTTPFieldName {
    /// `x-amzn-RequestId`.
    static let requestID = HTTPField.Name("x-amzn-RequestId")!
    /// `x-amzn-ErrorType`.
    static let errorType = HTTPField.Name("x-amzn-ErrorType")!
}
