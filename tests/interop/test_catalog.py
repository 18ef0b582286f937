"""GetCatalog (`GET /v2/catalog`): the catalog searched and filtered, over what boto3 created, on the
release binary. Every test searches for words of its own, so the shared server's other APIs never
match."""

from __future__ import annotations

import uuid

from helpers import ALB_LISTENER_ARN, JWT_CONFIGURATION, unique_name


def word() -> str:
    """A word no other test's API holds."""
    return "w" + uuid.uuid4().hex[:12]


def catalog(raw, **params) -> list[dict]:
    """Every item of every page of GetCatalog, following nextToken."""
    items, token = [], None
    while True:
        query = dict(params, **({"nextToken": token} if token else {}))
        response = raw.get("/v2/catalog", params=query)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        token = page.get("nextToken")
        if not token:
            return items


def test_search_finds_an_api_by_each_of_its_parts(client, raw, new_api, new_vpc_link):
    team, path, function, authorizer = word(), word(), word(), word()
    api = new_api(Name=unique_name("shop"), Description="Storefront checkout", Tags={"team": team})
    other = new_api(Name=unique_name("other"))
    lambda_arn = f"arn:aws:lambda:us-east-1:123456789012:function:{function}"
    lambda_integration = client.create_integration(
        ApiId=api["ApiId"], IntegrationType="AWS_PROXY", IntegrationUri=lambda_arn, PayloadFormatVersion="2.0")
    link = new_vpc_link()
    private = client.create_integration(
        ApiId=api["ApiId"], IntegrationType="HTTP_PROXY", IntegrationUri=ALB_LISTENER_ARN, IntegrationMethod="ANY",
        ConnectionType="VPC_LINK", ConnectionId=link["VpcLinkId"], PayloadFormatVersion="1.0")
    client.create_authorizer(ApiId=api["ApiId"], Name=authorizer, AuthorizerType="JWT",
                             IdentitySource=["$request.header.Authorization"], JwtConfiguration=JWT_CONFIGURATION)
    route = client.create_route(ApiId=api["ApiId"], RouteKey=f"GET /{path}/{{id}}",
                                Target=f"integrations/{lambda_integration['IntegrationId']}")
    client.create_route(ApiId=other["ApiId"], RouteKey=f"POST /{path}-admin")

    by_path = catalog(raw, q=f"/{path}/{{id}}")
    assert [item["apiId"] for item in by_path] == [api["ApiId"]]
    assert by_path[0]["matches"] == [{"kind": "route", "id": route["RouteId"], "text": f"GET /{path}/{{id}}"}]
    assert by_path[0]["routeCount"] == 1 and by_path[0]["tags"] == {"team": team}
    assert by_path[0]["lastChange"]["operation"] == "CreateRoute"
    assert by_path[0]["lastChange"]["revision"] == 5

    by_arn = catalog(raw, q=lambda_arn)
    assert [(item["apiId"], [m["kind"] for m in item["matches"]]) for item in by_arn] == [
        (api["ApiId"], ["integration"])]
    by_link = catalog(raw, q=link["VpcLinkId"])
    assert [m["id"] for item in by_link for m in item["matches"]] == [private["IntegrationId"]]
    assert [item["apiId"] for item in catalog(raw, q=authorizer)] == [api["ApiId"]]
    assert [item["apiId"] for item in catalog(raw, q=f"{team} checkout")] == [api["ApiId"]]
    # Both APIs have a route under the word; only one an admin route.
    assert {item["apiId"] for item in catalog(raw, q=path)} == {api["ApiId"], other["ApiId"]}
    assert [item["apiId"] for item in catalog(raw, q=f"{path} admin")] == [other["ApiId"]]
    assert [item["apiId"] for item in catalog(raw, tag=f"team:{team}")] == [api["ApiId"]]
    assert catalog(raw, q=path, protocolType="WEBSOCKET") == []


def test_the_index_follows_updates_and_deletes(client, raw, new_api):
    before, after = word(), word()
    api = new_api(Name=unique_name("moving"))
    route = client.create_route(ApiId=api["ApiId"], RouteKey=f"GET /{before}")
    assert [item["apiId"] for item in catalog(raw, q=before)] == [api["ApiId"]]
    client.update_route(ApiId=api["ApiId"], RouteId=route["RouteId"], RouteKey=f"GET /{after}")
    assert catalog(raw, q=before) == []
    assert [item["apiId"] for item in catalog(raw, q=after)] == [api["ApiId"]]
    client.delete_api(ApiId=api["ApiId"])
    assert catalog(raw, q=after) == []


def test_pages_list_each_api_once_newest_first(client, raw, new_api):
    shared = word()
    created = [new_api(Name=f"{shared}-{n}")["ApiId"] for n in range(7)]
    for api in created[::2]:
        client.create_route(ApiId=api, RouteKey=f"GET /{shared}/a")
        client.create_route(ApiId=api, RouteKey=f"GET /{shared}/b")
    assert [item["apiId"] for item in catalog(raw, q=shared, maxResults="3")] == created[::-1]
    assert [item["matchCount"] for item in catalog(raw, q=shared)] == [3, 1, 3, 1, 3, 1, 3][::-1]


def test_search_text_is_never_query_syntax_and_limits_are_refused(raw, new_api):
    name = word()
    new_api(Name=name)
    for text in ['"', f'"{name}', f"{name} OR x", f"NEAR({name})", f"body:{name}", f"{name}*", f"^{name}",
                 "'; DROP TABLE apis; --", f"-{name}"]:
        response = raw.get("/v2/catalog", params={"q": text})
        assert response.status_code == 200, (text, response.text)
    assert [item["name"] for item in catalog(raw, q=f"({name})")] == [name]
    for params, mention in (({"q": "x" * 257}, "256 characters"),
                            ({"q": " ".join(f"w{n}" for n in range(17))}, "16 words"),
                            ({"protocolType": "SOAP"}, "protocolType"), ({"tag": "nocolon"}, "key:value")):
        response = raw.get("/v2/catalog", params=params)
        assert response.status_code == 400
        assert response.headers["x-amzn-ErrorType"].startswith("BadRequestException")
        assert mention in response.json()["message"]
