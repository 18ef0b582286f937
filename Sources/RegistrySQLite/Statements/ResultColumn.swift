/// The columns of a statement's result, in the order the statement lists them.
///
/// A column's raw value is its 0-based position in the result, so rows are read by name
/// (`row[.routeKey]`) and never by number. Conformers are `Int32` enums without explicit raw values: Swift
/// numbers their cases 0, 1, 2… in declaration order, which is the order `allCases` lists them in.
protocol ResultColumn: RawRepresentable, CaseIterable, Hashable, Sendable
where RawValue == Int32, AllCases == [Self] {}
