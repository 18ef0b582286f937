import HTTPTypes

extension HTTPField.Name {
    /// `x-amzn-ErrorType`: the AWS error type of an error response.
    static let amznErrorType = HTTPField.Name("x-amzn-ErrorType")!
    /// `x-amzn-RequestId`: the request id on every response.
    static let amznRequestID = HTTPField.Name("x-amzn-RequestId")!
    /// `Server-Timing`: where the server spent its time on this request.
    static let serverTiming = HTTPField.Name("Server-Timing")!
}
