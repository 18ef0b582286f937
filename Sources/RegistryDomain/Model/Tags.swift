/// Resource tags: key to value. At most 50 per resource; keys 1–128 characters, values ≤ 1600 (as botocore documents).
public typealias Tags = [String: String]
