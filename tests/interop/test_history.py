"""History: every write's change record, any revision's template, the audit log.

Driven with boto3 (the AWS operations whose revisions are recorded) and plain HTTP (the history
extension): revisions newest first with the request ids the writes were answered with, refused
writes recording nothing, templates and exports of old revisions byte-equal to what they were,
a deleted API's history, and the catalog-wide audit log with its filters and pages.
"""

from __future__ import annotations

import datetime
import json

import pytest

from helpers import api_arn, expect_error, request_id_of


def revisions(raw, api_id: str, **params) -> list[dict]:
    """Every revision of the API, newest first, walked page by page."""
    items: list[dict] = []
    token = None
    while True:
        query = dict(params)
        if token:
            query["nextToken"] = token
        response = raw.get(f"/v2/apis/{api_id}/revisions", params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        token = page.get("nextToken")
        if not token:
            return items


def template(raw, api_id: str, **params) -> bytes:
    response = raw.get(f"/v2/apis/{api_id}/template", params=params)
    assert response.status_code == 200, response.text
    return response.content


def export(raw, api_id: str, **params) -> bytes:
    response = raw.get(f"/v2/apis/{api_id}/exports/OAS30", params={"outputType": "YAML", **params})
    assert response.status_code == 200, response.text
    return response.content


def test_every_write_is_a_revision_with_its_request_id(client, raw, new_api):
    created = new_api()
    api_id = created["ApiId"]
    request_ids = [request_id_of(created)]
    integration = client.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", PayloadFormatVersion="2.0",
        IntegrationUri="arn:aws:lambda:us-east-1:123456789012:function:orders")
    request_ids.append(request_id_of(integration))
    route = client.create_route(ApiId=api_id, RouteKey="GET /pets", Target="integrations/" + integration["IntegrationId"])
    request_ids.append(request_id_of(route))
    request_ids.append(request_id_of(client.update_route(ApiId=api_id, RouteId=route["RouteId"], RouteKey="GET /cats")))
    request_ids.append(request_id_of(client.tag_resource(ResourceArn=api_arn(api_id), Tags={"team": "pets"})))
    request_ids.append(request_id_of(client.delete_route(ApiId=api_id, RouteId=route["RouteId"])))

    items = revisions(raw, api_id)
    assert [item["operation"] for item in items] == [
        "DeleteRoute", "TagResource", "UpdateRoute", "CreateRoute", "CreateIntegration", "CreateApi"]
    assert [item["revision"] for item in items] == [6, 5, 4, 3, 2, 1]
    assert [item["requestId"] for item in items] == list(reversed(request_ids))
    assert {item["principal"] for item in items} == {"anonymous"}
    assert items[0]["resourceType"] == "Route" and items[0]["resourceId"] == route["RouteId"]
    assert items[-1]["resourceType"] == "Api" and items[-1]["resourceId"] == api_id
    for item in items:
        datetime.datetime.fromisoformat(item["createdDate"].replace("Z", "+00:00"))
    one = raw.get(f"/v2/apis/{api_id}/revisions/3")
    assert one.status_code == 200 and one.json() == items[3]
    # Pages of one walk the same revisions, each once.
    assert revisions(raw, api_id, maxResults="1") == items


def test_refused_writes_record_nothing(client, raw, new_api):
    api_id = new_api()["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets/{id}")
    with expect_error("ConflictException", 409):
        client.create_route(ApiId=api_id, RouteKey="GET /pets/{petId}")
    with expect_error("NotFoundException", 404):
        client.update_route(ApiId=api_id, RouteId="nosuchid", RouteKey="GET /x")
    with expect_error("BadRequestException", 400):
        client.update_api(ApiId=api_id, Name="x" * 200)
    assert [item["operation"] for item in revisions(raw, api_id)] == ["CreateRoute", "CreateApi"]


def test_automatic_deployments_belong_to_the_change_that_caused_them(client, raw, new_api):
    api_id = new_api()["ApiId"]
    client.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)
    client.create_route(ApiId=api_id, RouteKey="GET /pets")
    client.create_route(ApiId=api_id, RouteKey="GET /cats")
    assert len(client.get_deployments(ApiId=api_id)["Items"]) == 2
    assert [item["operation"] for item in revisions(raw, api_id)] == [
        "CreateRoute", "CreateRoute", "CreateStage", "CreateApi"]


def test_a_revision_template_and_export_are_the_bytes_they_were(client, raw, new_api):
    api_id = new_api()["ApiId"]
    integration = client.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", PayloadFormatVersion="2.0",
        IntegrationUri="arn:aws:lambda:us-east-1:123456789012:function:orders")["IntegrationId"]
    seen: dict[int, tuple[bytes, bytes, bytes]] = {}

    def remember():
        latest = revisions(raw, api_id, maxResults="1")[0]["revision"]
        seen[latest] = (template(raw, api_id), template(raw, api_id, format="yaml"), export(raw, api_id))

    remember()
    routes = []
    for path in ("/a", "/b", "/c"):
        routes.append(client.create_route(ApiId=api_id, RouteKey="GET " + path, Target="integrations/" + integration))
        remember()
    client.create_stage(ApiId=api_id, StageName="prod", AutoDeploy=True)
    remember()
    client.update_route(ApiId=api_id, RouteId=routes[1]["RouteId"], RouteKey="POST /b")
    remember()
    client.delete_route(ApiId=api_id, RouteId=routes[0]["RouteId"])
    remember()
    client.update_api(ApiId=api_id, Description="the pets API")
    remember()
    assert len(set(seen.values())) == len(seen), "every revision changed the template or export"
    for revision, (json_bytes, yaml_bytes, export_bytes) in seen.items():
        assert template(raw, api_id, revision=str(revision)) == json_bytes, revision
        assert template(raw, api_id, revision=str(revision), format="yaml") == yaml_bytes, revision
        assert export(raw, api_id, revision=str(revision)) == export_bytes, revision


def test_a_deleted_api_keeps_its_history(client, raw):
    api_id = client.create_api(Name="short-lived", ProtocolType="HTTP")["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets")
    before = template(raw, api_id)
    client.delete_api(ApiId=api_id)
    with expect_error("NotFoundException", 404):
        client.get_api(ApiId=api_id)
    items = revisions(raw, api_id)
    assert [item["operation"] for item in items] == ["DeleteApi", "CreateRoute", "CreateApi"]
    assert template(raw, api_id, revision="2") == before
    gone = raw.get(f"/v2/apis/{api_id}/template", params={"revision": "3"})
    assert gone.status_code == 404 and "deleted at revision 3" in gone.json()["message"]
    assert gone.headers["x-amzn-ErrorType"].startswith("NotFoundException")


@pytest.mark.parametrize(
    "path, params, status, error",
    [
        ("/v2/apis/{api}/template", {"revision": "0"}, 400, "BadRequestException"),
        ("/v2/apis/{api}/template", {"revision": "two"}, 400, "BadRequestException"),
        ("/v2/apis/{api}/template", {"revision": "99"}, 404, "NotFoundException"),
        ("/v2/apis/{api}/exports/OAS30", {"outputType": "JSON", "revision": "-1"}, 400, "BadRequestException"),
        ("/v2/apis/{api}/revisions/0", {}, 400, "BadRequestException"),
        ("/v2/apis/{api}/revisions/99", {}, 404, "NotFoundException"),
        ("/v2/apis/nosuchapi0/revisions", {}, 404, "NotFoundException"),
        ("/v2/changes", {"resourceType": "Bogus"}, 400, "BadRequestException"),
        ("/v2/changes", {"since": "yesterday"}, 400, "BadRequestException"),
        ("/v2/changes", {"nextToken": "forged"}, 400, "BadRequestException"),
        ("/v2/changes/0", {}, 400, "BadRequestException"),
        ("/v2/changes/first", {}, 400, "BadRequestException"),
        ("/v2/changes/999999999", {}, 404, "NotFoundException"),
    ],
)
def test_bad_history_requests_are_refused(raw, new_api, path, params, status, error):
    api_id = new_api()["ApiId"]
    response = raw.get(path.format(api=api_id), params=params)
    assert response.status_code == status, response.text
    assert response.headers["x-amzn-ErrorType"].startswith(error)
    assert response.json()["message"]


def test_the_audit_log_filters_and_pages(client, raw, new_api, new_vpc_link):
    started = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=1)
    api_id = new_api()["ApiId"]
    link_id = new_vpc_link()["VpcLinkId"]
    client.update_vpc_link(VpcLinkId=link_id, Name="renamed")
    client.create_route(ApiId=api_id, RouteKey="GET /pets")
    since = started.strftime("%Y-%m-%dT%H:%M:%S.") + f"{started.microsecond // 1000:03d}Z"

    def changes(**params):
        items, token = [], None
        while True:
            query = dict(params, since=since)
            if token:
                query["nextToken"] = token
            response = raw.get("/v2/changes", params=query)
            assert response.status_code == 200, response.text
            items += response.json()["items"]
            token = response.json().get("nextToken")
            if not token:
                return items

    everything = changes()
    mine = [item for item in everything if item.get("apiId") == api_id or item.get("vpcLinkId") == link_id]
    assert [item["operation"] for item in mine] == ["CreateRoute", "UpdateVpcLink", "CreateVpcLink", "CreateApi"]
    sequences = [item["changeSequence"] for item in everything]
    assert sequences == sorted(sequences, reverse=True) and len(set(sequences)) == len(sequences)
    assert changes(maxResults="2") == everything
    links = changes(resourceType="VpcLink")
    assert links and all(item["resourceType"] == "VpcLink" for item in links)
    assert [item["revision"] for item in links if item.get("vpcLinkId") == link_id] == [2, 1]
    assert changes(principal="nobody") == []
    assert all(item["principal"] == "anonymous" for item in changes(principal="anonymous"))


def test_a_change_shows_its_resource_before_and_after_as_get_answered(client, raw, new_api, new_vpc_link):
    api_id = new_api()["ApiId"]
    route_id = client.create_route(ApiId=api_id, RouteKey="GET /pets")["RouteId"]
    route_path = f"/v2/apis/{api_id}/routes/{route_id}"
    as_created = raw.get(route_path).json()
    client.update_route(ApiId=api_id, RouteId=route_id, RouteKey="GET /cats", AuthorizationType="AWS_IAM")
    as_updated = raw.get(route_path).json()
    client.delete_route(ApiId=api_id, RouteId=route_id)
    untagged = raw.get(f"/v2/apis/{api_id}").json()
    client.tag_resource(ResourceArn=api_arn(api_id), Tags={"team": "pets"})
    tagged = raw.get(f"/v2/apis/{api_id}").json()
    link_id = new_vpc_link()["VpcLinkId"]
    link_before = raw.get(f"/v2/vpclinks/{link_id}").json()
    client.update_vpc_link(VpcLinkId=link_id, Name="renamed")
    link_after = raw.get(f"/v2/vpclinks/{link_id}").json()

    def detail(item: dict) -> dict:
        response = raw.get(f"/v2/changes/{item['changeSequence']}")
        assert response.status_code == 200, response.text
        body = response.json()
        assert {key: body[key] for key in item} == item, "the audit log's item, as GetChanges lists it"
        return body

    log = raw.get("/v2/changes", params={"maxResults": "500"}).json()["items"]
    mine = {item["operation"]: item for item in log if item.get("apiId") == api_id}
    create = detail(mine["CreateRoute"])
    assert "before" not in create and create["after"] == as_created
    update = detail(mine["UpdateRoute"])
    assert update["before"] == as_created and update["after"] == as_updated
    delete = detail(mine["DeleteRoute"])
    assert delete["before"] == as_updated and "after" not in delete
    tag = detail(mine["TagResource"])
    assert tag["before"] == untagged and tag["after"] == tagged
    rename = detail(next(item for item in log if item.get("vpcLinkId") == link_id and item["operation"] == "UpdateVpcLink"))
    assert rename["before"] == link_before and rename["after"] == link_after


def change_set(raw, api_id: str, **params) -> dict:
    response = raw.get(f"/v2/apis/{api_id}/changes", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["Server-Timing"].startswith("changeset;dur=")
    return response.json()


def lambda_api(client, new_api) -> tuple[str, str, dict]:
    """An API with a Lambda integration and a route to it: (api id, integration id, route)."""
    api_id = new_api()["ApiId"]
    integration = client.create_integration(
        ApiId=api_id, IntegrationType="AWS_PROXY", PayloadFormatVersion="2.0",
        IntegrationUri="arn:aws:lambda:us-east-1:123456789012:function:orders")["IntegrationId"]
    route = client.create_route(ApiId=api_id, RouteKey="GET /pets", Target="integrations/" + integration)
    return api_id, integration, route


def test_a_route_path_change_replaces_its_lambda_permission(client, raw, new_api):
    api_id, _, route = lambda_api(client, new_api)
    client.update_route(ApiId=api_id, RouteId=route["RouteId"], RouteKey="GET /cats")
    latest = revisions(raw, api_id, maxResults="1")[0]["revision"]
    changes = change_set(raw, api_id)
    assert (changes["fromRevision"], changes["toRevision"]) == (latest - 1, latest)
    actions = {(change["resourceType"], change["action"]) for change in changes["changes"]}
    # The route and its permission are named after the path: the old ones go, new ones come.
    assert ("AWS::Lambda::Permission", "Remove") in actions and ("AWS::Lambda::Permission", "Add") in actions
    assert ("AWS::ApiGatewayV2::Route", "Remove") in actions and ("AWS::ApiGatewayV2::Route", "Add") in actions
    removed = [c for c in changes["changes"] if c["action"] == "Remove" and c["resourceType"] == "AWS::Lambda::Permission"]
    before = json.loads(template(raw, api_id, revision=str(latest - 1)))["Resources"]
    after = json.loads(template(raw, api_id))["Resources"]
    assert before[removed[0]["logicalId"]]["Properties"]["SourceArn"] != \
        next(r for r in after.values() if r["Type"] == "AWS::Lambda::Permission")["Properties"]["SourceArn"]
    text = raw.get(f"/v2/apis/{api_id}/changes", params={"format": "text"})
    assert text.status_code == 200 and text.headers["Content-Type"].startswith("text/plain")
    assert text.text.startswith("Resources\n")
    assert f"[-] AWS::Lambda::Permission {removed[0]['logicalId']} destroy" in text.text
    assert "[+] AWS::Lambda::Permission " in text.text


def test_an_in_place_change_and_its_details(client, raw, new_api):
    api_id, integration, _ = lambda_api(client, new_api)
    client.update_integration(ApiId=api_id, IntegrationId=integration, TimeoutInMillis=5000)
    changes = change_set(raw, api_id)["changes"]
    assert len(changes) == 1
    change = changes[0]
    assert (change["resourceType"], change["action"], change["replacement"]) == (
        "AWS::ApiGatewayV2::Integration", "Modify", "False")
    assert change["details"] == [
        {"property": "TimeoutInMillis", "after": 5000, "requiresRecreation": "Never"}]
    text = raw.get(f"/v2/apis/{api_id}/changes", params={"format": "text"}).text
    assert text == (f"Resources\n[~] AWS::ApiGatewayV2::Integration {change['logicalId']}\n"
                    " └─ [~] TimeoutInMillis\n     └─ [+] 5000\n")


def test_change_sets_from_nothing_to_nothing_and_between_any_two(client, raw):
    api_id = client.create_api(Name="lifecycle", ProtocolType="HTTP")["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets")
    created = change_set(raw, api_id, **{"from": "0"})
    assert {change["action"] for change in created["changes"]} == {"Add"}
    assert {change["resourceType"] for change in created["changes"]} == {
        "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Route"}
    assert change_set(raw, api_id, **{"from": "2", "to": "2"})["changes"] == []
    client.delete_api(ApiId=api_id)
    deleted = change_set(raw, api_id)
    assert deleted["toRevision"] == 3 and {change["action"] for change in deleted["changes"]} == {"Remove"}
    assert change_set(raw, api_id, **{"from": "1", "to": "2"})["changes"][0]["action"] == "Add"
    for params, status in (({"format": "xml"}, 400), ({"from": "-1"}, 400), ({"to": "9"}, 404), ({"from": "x"}, 400)):
        response = raw.get(f"/v2/apis/{api_id}/changes", params=params)
        assert response.status_code == status, (params, response.text)
        assert response.json()["message"]


# -- dry runs ---------------------------------------------------------------------------------------

CERTIFICATE = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def dry(raw, method: str, path: str, document: dict | None = None, **params):
    return raw.request(method, path, params={"dryRun": "true", **params}, json=document)


def test_a_dry_run_create_answers_what_it_would_do_and_changes_nothing(client, raw, new_api):
    api_id, integration, _ = lambda_api(client, new_api)
    latest = revisions(raw, api_id, maxResults="1")[0]["revision"]
    template_before = template(raw, api_id)
    response = dry(raw, "POST", f"/v2/apis/{api_id}/routes",
                   {"routeKey": "GET /cats", "target": "integrations/" + integration})
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["dryRun"] is True
    assert answer["response"]["routeKey"] == "GET /cats" and answer["response"]["target"] == "integrations/" + integration
    assert (answer["changes"]["fromRevision"], answer["changes"]["toRevision"]) == (latest, latest + 1)
    added = {(change["resourceType"], change["action"]) for change in answer["changes"]["changes"]}
    assert added == {("AWS::ApiGatewayV2::Route", "Add"), ("AWS::Lambda::Permission", "Add")}
    # Nothing changed: no route, no revision, the same template.
    assert [route["RouteKey"] for route in client.get_routes(ApiId=api_id)["Items"]] == ["GET /pets"]
    assert revisions(raw, api_id, maxResults="1")[0]["revision"] == latest
    assert template(raw, api_id) == template_before
    # The same write for real makes the change the dry run showed.
    created = client.create_route(ApiId=api_id, RouteKey="GET /cats", Target="integrations/" + integration)
    real = change_set(raw, api_id)
    assert {(c["resourceType"], c["action"]) for c in real["changes"]} == added
    assert created["RouteKey"] == "GET /cats"


def test_a_dry_run_that_would_conflict_is_refused_as_the_write(client, raw, new_api):
    api_id = new_api()["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets/{id}")
    response = dry(raw, "POST", f"/v2/apis/{api_id}/routes", {"routeKey": "GET /pets/{petId}"})
    assert response.status_code == 409 and response.headers["x-amzn-ErrorType"].startswith("ConflictException")
    assert "message" in response.json()
    missing = dry(raw, "PATCH", f"/v2/apis/{api_id}/routes/zzzzzzz", {"routeKey": "GET /x"})
    assert missing.status_code == 404
    assert [item["operation"] for item in revisions(raw, api_id)] == ["CreateRoute", "CreateApi"]


def test_dry_run_updates_and_deletes(client, raw, new_api):
    api_id, integration, route = lambda_api(client, new_api)
    # The template leaves the default timeout (30 s) out, so the change adds the property.
    update = dry(raw, "PATCH", f"/v2/apis/{api_id}/integrations/{integration}", {"timeoutInMillis": 5000})
    assert update.status_code == 200, update.text
    assert update.json()["response"]["timeoutInMillis"] == 5000
    [change] = update.json()["changes"]["changes"]
    assert change["details"] == [
        {"property": "TimeoutInMillis", "after": 5000, "requiresRecreation": "Never"}]
    assert client.get_integration(ApiId=api_id, IntegrationId=integration)["TimeoutInMillis"] == 30000
    deleted = dry(raw, "DELETE", f"/v2/apis/{api_id}")
    assert deleted.status_code == 200, deleted.text
    assert "response" not in deleted.json(), "DeleteApi answers without a body"
    assert {change["action"] for change in deleted.json()["changes"]["changes"]} == {"Remove"}
    assert client.get_api(ApiId=api_id)["ApiId"] == api_id
    assert client.get_route(ApiId=api_id, RouteId=route["RouteId"])["RouteKey"] == "GET /pets"
    plain = raw.request("PATCH", f"/v2/apis/{api_id}", params={"dryRun": "false"}, json={"description": "real"})
    assert plain.status_code == 200 and client.get_api(ApiId=api_id)["Description"] == "real"
    bad = raw.request("PATCH", f"/v2/apis/{api_id}", params={"dryRun": "maybe"}, json={"description": "x"})
    assert bad.status_code == 400 and bad.headers["x-amzn-ErrorType"].startswith("BadRequestException")


def test_a_dry_run_of_a_mapping_change_shows_the_api_templates_it_touches(client, raw, new_api):
    api_id = new_api()["ApiId"]
    client.create_stage(ApiId=api_id, StageName="prod")
    name = f"dry-{api_id}.example.com"
    client.create_domain_name(DomainName=name, DomainNameConfigurations=[{"CertificateArn": CERTIFICATE}])
    try:
        mapping = client.create_api_mapping(DomainName=name, ApiId=api_id, Stage="prod", ApiMappingKey="v1")
        removed = dry(raw, "DELETE", f"/v2/domainnames/{name}/apimappings/{mapping['ApiMappingId']}")
        assert removed.status_code == 200, removed.text
        changes = removed.json()["changes"]
        assert "fromRevision" not in changes
        assert [(c["resourceType"], c["action"]) for c in changes["changes"]] == [
            ("AWS::ApiGatewayV2::ApiMapping", "Remove")]
        assert client.get_api_mappings(DomainName=name)["Items"][0]["ApiMappingId"] == mapping["ApiMappingId"]
        client.delete_api_mapping(DomainName=name, ApiMappingId=mapping["ApiMappingId"])
    finally:
        client.delete_domain_name(DomainName=name)


# -- restore ----------------------------------------------------------------------------------------


def restore(raw, api_id: str, revision: int, **params):
    return raw.post(f"/v2/apis/{api_id}/revisions/{revision}/restore", params=params)


def test_restore_after_a_route_was_deleted(client, raw, new_api):
    api_id, integration, route = lambda_api(client, new_api)
    client.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)
    client.create_route(ApiId=api_id, RouteKey="POST /pets", Target="integrations/" + integration)
    good = revisions(raw, api_id, maxResults="1")[0]["revision"]
    good_template, good_yaml = template(raw, api_id), template(raw, api_id, format="yaml")
    good_export = export(raw, api_id)
    client.delete_route(ApiId=api_id, RouteId=route["RouteId"])
    client.update_api(ApiId=api_id, Description="changed")
    assert template(raw, api_id) != good_template

    preview = restore(raw, api_id, good, dryRun="true")
    assert preview.status_code == 200, preview.text
    # The deleted route comes back; its permission (for the path, which POST /pets kept) never left.
    assert {(c["resourceType"], c["action"]) for c in preview.json()["changes"]["changes"]} >= {
        ("AWS::ApiGatewayV2::Route", "Add"), ("AWS::ApiGatewayV2::Api", "Modify")}
    assert template(raw, api_id) != good_template, "a dry run restores nothing"

    restored = restore(raw, api_id, good)
    assert restored.status_code == 200, restored.text
    assert restored.json()["apiId"] == api_id and "description" not in restored.json()
    assert template(raw, api_id) == good_template
    assert template(raw, api_id, format="yaml") == good_yaml
    assert export(raw, api_id) == good_export
    items = revisions(raw, api_id)
    assert items[0]["operation"] == "RestoreRevision" and items[0]["revision"] == good + 3
    # The route is back under its id, and its key is taken again.
    assert client.get_route(ApiId=api_id, RouteId=route["RouteId"])["RouteKey"] == "GET /pets"
    with expect_error("ConflictException", 409):
        client.create_route(ApiId=api_id, RouteKey="GET /pets")


def test_restore_a_deleted_api_under_its_own_id(client, raw):
    api_id = client.create_api(Name="comeback", ProtocolType="HTTP")["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets")
    before = template(raw, api_id)
    client.delete_api(ApiId=api_id)
    refused = restore(raw, api_id, 3)
    assert refused.status_code == 400 and "deletion" in refused.json()["message"]
    assert restore(raw, api_id, 2).status_code == 200
    try:
        assert client.get_api(ApiId=api_id)["Name"] == "comeback"
        assert template(raw, api_id) == before
    finally:
        client.delete_api(ApiId=api_id)


def test_restore_refused_when_its_vpc_link_is_gone(client, raw, new_api, new_vpc_link):
    api_id = new_api()["ApiId"]
    link_id = new_vpc_link()["VpcLinkId"]
    integration = client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="ANY", ConnectionType="VPC_LINK",
        ConnectionId=link_id, PayloadFormatVersion="1.0",
        IntegrationUri="arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/lb/50dc6c495c0c9188/f2f7dc8efc522ab2")
    client.delete_integration(ApiId=api_id, IntegrationId=integration["IntegrationId"])
    client.delete_vpc_link(VpcLinkId=link_id)
    latest = revisions(raw, api_id, maxResults="1")[0]["revision"]
    refused = restore(raw, api_id, 2)
    assert refused.status_code == 404 and refused.headers["x-amzn-ErrorType"].startswith("NotFoundException")
    assert "VPC link" in refused.json()["message"]
    assert revisions(raw, api_id, maxResults="1")[0]["revision"] == latest
    assert client.get_integrations(ApiId=api_id)["Items"] == []
    for path, status in ((f"/v2/apis/{api_id}/revisions/0/restore", 400),
                         (f"/v2/apis/{api_id}/revisions/99/restore", 404),
                         ("/v2/apis/nosuchapi0/revisions/1/restore", 404)):
        assert raw.post(path).status_code == status, path
