"""Models, route responses and integration responses of WebSocket APIs, and non-proxy WebSocket
integrations, through boto3 (with botocore's paginators) and the AWS CLI, with AWS's rules and
error codes."""

from __future__ import annotations

import json

import pytest

from helpers import assert_status, body, expect_error, list_all, pages

MESSAGE_SCHEMA = {"$schema": "http://json-schema.org/draft-04/schema#", "title": "Message", "type": "object",
                  "properties": {"action": {"type": "string"}, "count": {"type": "integer"},
                                 "tags": {"type": "array", "items": {"type": "string"}}},
                  "required": ["action"]}
SQS = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/chat-messages"


@pytest.fixture
def chat(client, new_api):
    """A WebSocket API with a MOCK integration and a route to it."""
    api_id = new_api(ProtocolType="WEBSOCKET")["ApiId"]
    integration = client.create_integration(ApiId=api_id, IntegrationType="MOCK",
                                            RequestTemplates={"$default": '{"statusCode": 200}'},
                                            TemplateSelectionExpression="\\$default")
    route = client.create_route(ApiId=api_id, RouteKey="sendmessage",
                                Target="integrations/" + integration["IntegrationId"])
    return api_id, integration, route


def test_non_proxy_websocket_integrations_in_aws_shape(client, chat):
    api_id, mock, _ = chat
    assert mock["IntegrationResponseSelectionExpression"] == "${integration.response.statuscode}"
    assert mock["PassthroughBehavior"] == "WHEN_NO_MATCH"
    assert mock["TimeoutInMillis"] == 29000 and mock["PayloadFormatVersion"] == "1.0"
    aws = client.create_integration(ApiId=api_id, IntegrationType="AWS", IntegrationUri=SQS, IntegrationMethod="POST",
                                    PassthroughBehavior="NEVER", ContentHandlingStrategy="CONVERT_TO_TEXT")
    assert aws["IntegrationResponseSelectionExpression"] == "${integration.response.body.errorMessage}"
    assert aws["PassthroughBehavior"] == "NEVER"
    http = client.create_integration(ApiId=api_id, IntegrationType="HTTP", IntegrationUri="https://backend.example.com",
                                     IntegrationMethod="GET")
    assert http["IntegrationResponseSelectionExpression"] == "${integration.response.statuscode}"
    assert body(client.get_integration(ApiId=api_id, IntegrationId=aws["IntegrationId"])) == body(aws)


def test_models_crud_template_and_rules(client, chat):
    api_id, _, _ = chat
    created = client.create_model(ApiId=api_id, Name="Message", Schema=json.dumps(MESSAGE_SCHEMA),
                                  ContentType="application/json", Description="a chat message")
    assert_status(created, 201)
    assert created["Name"] == "Message" and json.loads(created["Schema"]) == MESSAGE_SCHEMA
    model_id = created["ModelId"]
    assert body(client.get_model(ApiId=api_id, ModelId=model_id)) == body(created)
    template = client.get_model_template(ApiId=api_id, ModelId=model_id)["Value"]
    assert template.startswith("#set($inputRoot = $input.path('$'))")
    assert '"action" : "$inputRoot.action"' in template and '"count" : $inputRoot.count' in template
    assert "#foreach($elem0 in $inputRoot.tags)" in template

    with expect_error("ConflictException", 409):
        client.create_model(ApiId=api_id, Name="Message", Schema="{}")
    with expect_error("BadRequestException", 400) as caught:
        client.create_model(ApiId=api_id, Name="Broken", Schema="{not json")
    assert "schema" in caught.message
    with expect_error("BadRequestException", 400):
        client.create_model(ApiId=api_id, Name="chat-message", Schema="{}")
    with expect_error("BadRequestException", 400):
        client.create_model(ApiId=api_id, Name="Huge", Schema=json.dumps({"d": "x" * 32768}))

    updated = client.update_model(ApiId=api_id, ModelId=model_id, Description="still a message")
    assert updated["Description"] == "still a message" and updated["Name"] == "Message"
    for n in range(5):
        client.create_model(ApiId=api_id, Name=f"Extra{n}", Schema="{}")
    walked = [m["Name"] for page in pages(client, "get_models", 2, ApiId=api_id) for m in page]
    assert walked == ["Message"] + [f"Extra{n}" for n in range(5)]
    assert_status(client.delete_model(ApiId=api_id, ModelId=model_id), 204)
    with expect_error("NotFoundException", 404):
        client.get_model(ApiId=api_id, ModelId=model_id)


def test_a_named_model_is_kept(client, chat):
    api_id, integration, _ = chat
    model = client.create_model(ApiId=api_id, Name="Message", Schema=json.dumps(MESSAGE_SCHEMA))
    with expect_error("BadRequestException", 400):
        client.create_route(ApiId=api_id, RouteKey="typo", RequestModels={"$default": "Mesage"})
    typed = client.create_route(ApiId=api_id, RouteKey="typed", RequestModels={"$default": "Message"},
                                ModelSelectionExpression="$request.body.type",
                                Target="integrations/" + integration["IntegrationId"])
    with expect_error("ConflictException", 409) as caught:
        client.delete_model(ApiId=api_id, ModelId=model["ModelId"])
    assert typed["RouteId"] in caught.message
    with expect_error("ConflictException", 409):
        client.update_model(ApiId=api_id, ModelId=model["ModelId"], Name="Renamed")
    client.delete_route(ApiId=api_id, RouteId=typed["RouteId"])
    assert_status(client.delete_model(ApiId=api_id, ModelId=model["ModelId"]), 204)


def test_route_responses_crud_and_rules(client, chat):
    api_id, _, route = chat
    route_id = route["RouteId"]
    client.create_model(ApiId=api_id, Name="Ack", Schema="{}")
    client.update_route(ApiId=api_id, RouteId=route_id, RouteResponseSelectionExpression="$default")
    created = client.create_route_response(ApiId=api_id, RouteId=route_id, RouteResponseKey="$default",
                                           ResponseModels={"$default": "Ack"}, ModelSelectionExpression="$default")
    assert_status(created, 201)
    assert created["RouteResponseKey"] == "$default" and created["ResponseModels"] == {"$default": "Ack"}
    response_id = created["RouteResponseId"]
    assert body(client.get_route_response(ApiId=api_id, RouteId=route_id, RouteResponseId=response_id)) == body(created)
    assert [r["RouteResponseId"] for r in list_all(client, "get_route_responses", ApiId=api_id, RouteId=route_id)] == [
        response_id]
    with expect_error("ConflictException", 409):
        client.create_route_response(ApiId=api_id, RouteId=route_id, RouteResponseKey="$default")
    with expect_error("BadRequestException", 400):
        client.create_route_response(ApiId=api_id, RouteId=route_id, RouteResponseKey="ok")
    with expect_error("BadRequestException", 400):
        client.update_route(ApiId=api_id, RouteId=route_id, RouteResponseSelectionExpression="$request.body.reply")
    updated = client.update_route_response(ApiId=api_id, RouteId=route_id, RouteResponseId=response_id,
                                           ResponseParameters={"route.response.header.x": {"Required": False}})
    assert updated["ResponseParameters"] == {"route.response.header.x": {"Required": False}}
    assert_status(client.delete_route_response(ApiId=api_id, RouteId=route_id, RouteResponseId=response_id), 204)
    with expect_error("NotFoundException", 404):
        client.get_route_response(ApiId=api_id, RouteId=route_id, RouteResponseId=response_id)


def test_integration_responses_crud_and_rules(client, chat):
    api_id, integration, _ = chat
    integration_id = integration["IntegrationId"]
    keys = ["$default", "/2\\d\\d/", "/4\\d\\d/", "500"]
    for key in keys:
        created = client.create_integration_response(
            ApiId=api_id, IntegrationId=integration_id, IntegrationResponseKey=key,
            ResponseTemplates={"$default": '{"ok": true}'}, TemplateSelectionExpression="\\$default",
            ContentHandlingStrategy="CONVERT_TO_TEXT")
        assert_status(created, 201)
        assert created["IntegrationResponseKey"] == key
    walked = [r["IntegrationResponseKey"] for page in pages(client, "get_integration_responses", 3, ApiId=api_id,
                                                            IntegrationId=integration_id) for r in page]
    assert walked == keys
    with expect_error("ConflictException", 409):
        client.create_integration_response(ApiId=api_id, IntegrationId=integration_id, IntegrationResponseKey="500")
    with expect_error("BadRequestException", 400):
        client.create_integration_response(ApiId=api_id, IntegrationId=integration_id, IntegrationResponseKey="2xx")
    first = list_all(client, "get_integration_responses", ApiId=api_id, IntegrationId=integration_id)[0]
    updated = client.update_integration_response(ApiId=api_id, IntegrationId=integration_id,
                                                 IntegrationResponseId=first["IntegrationResponseId"],
                                                 ResponseTemplates={"$default": "[]"})
    assert updated["ResponseTemplates"] == {"$default": "[]"}
    assert_status(client.delete_integration_response(ApiId=api_id, IntegrationId=integration_id,
                                                     IntegrationResponseId=first["IntegrationResponseId"]), 204)


def test_http_apis_have_no_models_or_responses(client, new_api):
    api_id = new_api()["ApiId"]
    integration = client.create_integration(ApiId=api_id, IntegrationType="HTTP_PROXY", IntegrationMethod="ANY",
                                            IntegrationUri="https://backend.example.com")["IntegrationId"]
    route = client.create_route(ApiId=api_id, RouteKey="GET /x", Target="integrations/" + integration)["RouteId"]
    with expect_error("BadRequestException", 400):
        client.create_model(ApiId=api_id, Name="Pet", Schema="{}")
    with expect_error("BadRequestException", 400):
        client.create_route_response(ApiId=api_id, RouteId=route, RouteResponseKey="$default")
    with expect_error("BadRequestException", 400):
        client.create_integration_response(ApiId=api_id, IntegrationId=integration, IntegrationResponseKey="$default")
    with expect_error("BadRequestException", 400):
        client.create_integration(ApiId=api_id, IntegrationType="MOCK")


def test_websocket_responses_through_the_aws_cli(aws_cli, client, chat):
    api_id, integration, route = chat
    model = aws_cli.run_json("create-model", "--api-id", api_id, "--name", "Message", "--schema",
                             json.dumps(MESSAGE_SCHEMA), "--content-type", "application/json")
    assert model["Name"] == "Message"
    template = aws_cli.run_json("get-model-template", "--api-id", api_id, "--model-id", model["ModelId"])
    assert "$inputRoot.action" in template["Value"]
    reply = aws_cli.run_json("create-route-response", "--api-id", api_id, "--route-id", route["RouteId"],
                             "--route-response-key", "$default")
    assert reply["RouteResponseKey"] == "$default"
    answer = aws_cli.run_json("create-integration-response", "--api-id", api_id, "--integration-id",
                              integration["IntegrationId"], "--integration-response-key", "/2\\d\\d/")
    assert answer["IntegrationResponseKey"] == "/2\\d\\d/"
    listed = aws_cli.run_json("get-models", "--api-id", api_id)
    assert [m["Name"] for m in listed["Items"]] == ["Message"]
    failed = aws_cli.run("create-route-response", "--api-id", api_id, "--route-id", route["RouteId"],
                         "--route-response-key", "ok")
    assert failed.returncode != 0 and "BadRequestException" in failed.stderr
    assert aws_cli.run_json("delete-model", "--api-id", api_id, "--model-id", model["ModelId"]) == {}
