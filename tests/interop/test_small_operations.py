"""The small operations of apigatewayv2, through boto3 and the AWS CLI: DeleteCorsConfiguration,
DeleteAccessLogSettings, DeleteRouteRequestParameter, DeleteRouteSettings, ResetAuthorizersCache;
UpdateApi's quick-create members and empty version; the authorizer rules AWS enforces."""

from __future__ import annotations

import pytest

from helpers import assert_status, expect_error

FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:books"
INVOCATION = ("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
              "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations")
LOG_GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:access"


def test_delete_cors_configuration(client, new_api):
    api_id = new_api(CorsConfiguration={"AllowOrigins": ["https://example.com"], "MaxAge": 300})["ApiId"]
    assert client.get_api(ApiId=api_id)["CorsConfiguration"]["AllowOrigins"] == ["https://example.com"]
    assert_status(client.delete_cors_configuration(ApiId=api_id), 204)
    assert "CorsConfiguration" not in client.get_api(ApiId=api_id)
    assert_status(client.delete_cors_configuration(ApiId=api_id), 204)
    with expect_error("NotFoundException", 404):
        client.delete_cors_configuration(ApiId="nosuchapi0")


def test_delete_access_log_and_route_settings_and_reset_cache(client, new_api):
    api_id = new_api()["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets")
    client.create_route(ApiId=api_id, RouteKey="$default")
    client.create_stage(
        ApiId=api_id, StageName="live", AccessLogSettings={"DestinationArn": LOG_GROUP, "Format": "$context.requestId"},
        RouteSettings={"GET /pets": {"ThrottlingBurstLimit": 5}, "$default": {"ThrottlingRateLimit": 10.0}})
    assert_status(client.delete_access_log_settings(ApiId=api_id, StageName="live"), 204)
    stage = client.get_stage(ApiId=api_id, StageName="live")
    assert "AccessLogSettings" not in stage
    assert_status(client.delete_route_settings(ApiId=api_id, StageName="live", RouteKey="GET /pets"), 204)
    assert set(client.get_stage(ApiId=api_id, StageName="live")["RouteSettings"]) == {"$default"}
    with expect_error("NotFoundException", 404):
        client.delete_route_settings(ApiId=api_id, StageName="live", RouteKey="GET /pets")
    assert_status(client.reset_authorizers_cache(ApiId=api_id, StageName="live"), 204)
    with expect_error("NotFoundException", 404):
        client.reset_authorizers_cache(ApiId=api_id, StageName="gone")
    with expect_error("NotFoundException", 404):
        client.delete_access_log_settings(ApiId=api_id, StageName="gone")


def test_delete_route_request_parameter(client, new_api):
    api_id = new_api(ProtocolType="WEBSOCKET")["ApiId"]
    route = client.create_route(ApiId=api_id, RouteKey="$connect", RequestParameters={
        "route.request.querystring.token": {"Required": True}, "route.request.header.Origin": {"Required": False}})
    assert_status(client.delete_route_request_parameter(
        ApiId=api_id, RouteId=route["RouteId"], RequestParameterKey="route.request.querystring.token"), 204)
    assert client.get_route(ApiId=api_id, RouteId=route["RouteId"])["RequestParameters"] == {
        "route.request.header.Origin": {"Required": False}}
    with expect_error("NotFoundException", 404):
        client.delete_route_request_parameter(
            ApiId=api_id, RouteId=route["RouteId"], RequestParameterKey="route.request.querystring.token")


def test_update_api_quick_create_members(client, new_api):
    api = new_api(Target=FUNCTION)
    api_id = api["ApiId"]
    updated = client.update_api(ApiId=api_id, Target="https://backend.example.com/v2", RouteKey="ANY /{proxy+}",
                                CredentialsArn="arn:aws:iam::123456789012:role/invoker")
    assert_status(updated, 200)
    routes = client.get_routes(ApiId=api_id)["Items"]
    assert [r["RouteKey"] for r in routes] == ["ANY /{proxy+}"]
    integration = client.get_integrations(ApiId=api_id)["Items"][0]
    assert integration["IntegrationType"] == "HTTP_PROXY"
    assert integration["IntegrationUri"] == "https://backend.example.com/v2"
    assert integration["IntegrationMethod"] == "ANY"
    assert integration["CredentialsArn"] == "arn:aws:iam::123456789012:role/invoker"
    plain = new_api()["ApiId"]
    with expect_error("BadRequestException", 400):
        client.update_api(ApiId=plain, Target=FUNCTION)


def test_update_api_with_an_empty_version_clears_it(client, new_api):
    api_id = new_api(Version="v1")["ApiId"]
    assert client.get_api(ApiId=api_id)["Version"] == "v1"
    client.update_api(ApiId=api_id, Version="")
    assert "Version" not in client.get_api(ApiId=api_id)


@pytest.mark.parametrize("protocol, args, error", [
    ("HTTP", dict(AuthorizerType="REQUEST", IdentitySource=[], AuthorizerResultTtlInSeconds=300,
                  AuthorizerPayloadFormatVersion="2.0", AuthorizerUri=INVOCATION), "BadRequestException"),
    ("HTTP", dict(AuthorizerType="REQUEST", IdentitySource=[], AuthorizerResultTtlInSeconds=0,
                  AuthorizerPayloadFormatVersion="2.0", AuthorizerUri=INVOCATION), None),
    ("HTTP", dict(AuthorizerType="REQUEST", IdentitySource=["$context.requestId", "$stageVariables.tenant"],
                  AuthorizerPayloadFormatVersion="2.0", AuthorizerUri=INVOCATION), None),
    ("HTTP", dict(AuthorizerType="REQUEST", IdentitySource=["header.Authorization"],
                  AuthorizerPayloadFormatVersion="2.0", AuthorizerUri=INVOCATION), "BadRequestException"),
    ("HTTP", dict(AuthorizerType="JWT", IdentitySource=["$context.authorizer"],
                  JwtConfiguration={"Issuer": "https://issuer.example.com", "Audience": ["a"]}), "BadRequestException"),
    ("HTTP", dict(AuthorizerType="JWT", IdentitySource=["$request.querystring.token"],
                  JwtConfiguration={"Issuer": "https://issuer.example.com", "Audience": ["a"]}), None),
    ("WEBSOCKET", dict(AuthorizerType="REQUEST", IdentitySource=["route.request.header.Authorization"],
                       AuthorizerUri=INVOCATION), None),
    ("WEBSOCKET", dict(AuthorizerType="REQUEST", IdentitySource=["route.request.header.Authorization"],
                       AuthorizerUri=INVOCATION, AuthorizerResultTtlInSeconds=300), "BadRequestException"),
    ("WEBSOCKET", dict(AuthorizerType="REQUEST", IdentitySource=["$request.header.Authorization"],
                       AuthorizerUri=INVOCATION), "BadRequestException"),
])
def test_authorizer_identity_sources_and_caching(client, new_api, protocol, args, error):
    api_id = new_api(ProtocolType=protocol)["ApiId"]
    if error is None:
        assert_status(client.create_authorizer(ApiId=api_id, Name="auth", **args), 201)
    else:
        with expect_error(error, 400):
            client.create_authorizer(ApiId=api_id, Name="auth", **args)
        assert client.get_authorizers(ApiId=api_id)["Items"] == []


def test_small_operations_through_the_aws_cli(aws_cli, client, new_api):
    api_id = new_api(CorsConfiguration={"AllowOrigins": ["*"]})["ApiId"]
    client.create_route(ApiId=api_id, RouteKey="GET /pets")
    client.create_stage(ApiId=api_id, StageName="live", AccessLogSettings={"DestinationArn": LOG_GROUP,
                                                                           "Format": "$context.requestId"},
                        RouteSettings={"GET /pets": {"ThrottlingBurstLimit": 5}})
    for args in (("delete-cors-configuration", "--api-id", api_id),
                 ("delete-access-log-settings", "--api-id", api_id, "--stage-name", "live"),
                 ("delete-route-settings", "--api-id", api_id, "--stage-name", "live", "--route-key", "GET /pets"),
                 ("reset-authorizers-cache", "--api-id", api_id, "--stage-name", "live")):
        assert aws_cli.run_json(*args) == {}
    stage = client.get_stage(ApiId=api_id, StageName="live")
    assert "AccessLogSettings" not in stage and not stage.get("RouteSettings")
    assert "CorsConfiguration" not in client.get_api(ApiId=api_id)
    failed = aws_cli.run("delete-route-settings", "--api-id", api_id, "--stage-name", "live", "--route-key", "GET /x")
    assert failed.returncode != 0 and "NotFoundException" in failed.stderr


def test_stages_answer_in_aws_shape(client, new_api):
    """The AWS CLI reference's create-stage output: DefaultRouteSettings {DetailedMetricsEnabled: false},
    RouteSettings {} and StageVariables {} on an HTTP API; WebSocket stages add DataTraceEnabled and LoggingLevel."""
    api_id = new_api()["ApiId"]
    created = client.create_stage(ApiId=api_id, StageName="dev")
    assert created["DefaultRouteSettings"] == {"DetailedMetricsEnabled": False}
    assert created["RouteSettings"] == {} and created["StageVariables"] == {}
    with expect_error("NotFoundException", 404) as caught:
        client.update_stage(ApiId=api_id, StageName="dev", RouteSettings={"GET /nowhere": {"ThrottlingBurstLimit": 1}})
    assert caught.message == "Unable to find Route by key GET /nowhere within the provided RouteSettings"
    ws = new_api(ProtocolType="WEBSOCKET")["ApiId"]
    live = client.create_stage(ApiId=ws, StageName="live")
    assert live["DefaultRouteSettings"] == {"DataTraceEnabled": False, "DetailedMetricsEnabled": False,
                                            "LoggingLevel": "OFF"}


def test_update_integration_removes_a_parameter_mapping_given_as_empty(client, new_api):
    api_id = new_api()["ApiId"]
    integration = client.create_integration(
        ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="ANY", IntegrationUri="https://backend.example.com",
        PayloadFormatVersion="1.0", RequestParameters={"append:header.a": "$request.header.x", "overwrite:path": "/v2"},
        ResponseParameters={"200": {"append:header.b": "y"}, "500": {"overwrite:statuscode": "503"}})
    updated = client.update_integration(ApiId=api_id, IntegrationId=integration["IntegrationId"],
                                        RequestParameters={"append:header.a": ""}, ResponseParameters={"500": {}})
    assert updated["RequestParameters"] == {"overwrite:path": "/v2"}
    assert updated["ResponseParameters"] == {"200": {"append:header.b": "y"}}
