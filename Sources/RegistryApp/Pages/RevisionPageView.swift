import Mustache
import RegistryDomain

/// One revision's page (`/apis/{apiId}/revisions/{n}`): its change record, what deploying it
/// would change from the revision before (as `cdk diff` prints it), and its templates.
struct RevisionPageView {
    let chrome: PageChrome
    let apiName: String
    let apiHref: String
    let revision: Int
    let previous: Int
    let next: Int
    let operation: String
    let resource: String
    let principal: String
    let iso: String
    let when: String
    let requestID: String?
    let sequence: Int64
    let templateJSONHref: String?
    let templateYAMLHref: String?
    let previousHref: String?
    let nextHref: String?
    let diff: String

    /// The page of `change` (revision N of the API named `apiName`), with `diff` from revision N-1;
    /// `latest` is the API's newest revision, `exists` whether the API is there after it.
    init(change: Change, apiID: APIID, apiName: String, diff: String, latest: Int, exists: Bool, viewer: PageViewer) {
        let id = apiID.rawValue
        chrome = PageChrome("\(apiName) r\(change.revision)", viewer: viewer)
        self.apiName = apiName
        apiHref = "/apis/\(id)"
        revision = change.revision
        previous = change.revision - 1
        next = change.revision + 1
        operation = change.operation
        resource = "\(change.resourceType) \(change.resourceID)"
        principal = change.principal
        let time = PageTime(change.createdDate)
        iso = time.iso
        when = time.when
        requestID = change.requestID
        sequence = change.sequence
        templateJSONHref = exists ? "/v2/apis/\(id)/template?format=json&revision=\(change.revision)" : nil
        templateYAMLHref = exists ? "/v2/apis/\(id)/template?format=yaml&revision=\(change.revision)" : nil
        previousHref = change.revision > 1 ? "/apis/\(id)/revisions/\(change.revision - 1)" : nil
        nextHref = change.revision < latest ? "/apis/\(id)/revisions/\(change.revision + 1)" : nil
        self.diff = diff
    }
}

extension RevisionPageView: MustacheParent {
    /// The member a template names, without reflection (Mirror costs more than the page).
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": self.chrome
        case "apiName": self.apiName
        case "apiHref": self.apiHref
        case "revision": self.revision
        case "previous": self.previous
        case "next": self.next
        case "operation": self.operation
        case "resource": self.resource
        case "principal": self.principal
        case "iso": self.iso
        case "when": self.when
        case "requestID": self.requestID
        case "sequence": self.sequence
        case "templateJSONHref": self.templateJSONHref
        case "templateYAMLHref": self.templateYAMLHref
        case "previousHref": self.previousHref
        case "nextHref": self.nextHref
        case "diff": self.diff
        default: nil
        }
    }
}
