import RegistryDomain

/// The wire form of a list page: `{"items": [...], "nextToken": "..."}`.
struct ListBody<Item: Encodable>: Encodable {
    let items: [Item]
    let nextToken: String?

    /// The wire form of `page`, each item converted by `transform`.
    init<Source>(_ page: Page<Source>, _ transform: (Source) -> Item) {
        items = page.items.map(transform)
        nextToken = page.next.map(PageToken.encode)
    }
}

extension ListBody: JSONWritable where Item: JSONWritable {
    /// Writes `items` then `nextToken`, as ``WireJSON/encoder`` would.
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.key("items")
            json.array { list in
                for item in items { list.element { item.write(to: &$0) } }
            }
            json.member("nextToken", nextToken)
        }
    }
}
