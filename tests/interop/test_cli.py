"""The AWS CLI (`aws apigatewayv2 ...` from the project's venv) against the server."""

from __future__ import annotations

from helpers import API_ID_RE, MISSING_API_ID, unique_name


def test_cli_create_api_then_get_apis(client, aws_cli):
    name = unique_name("cli")

    created = aws_cli.run_json("create-api", "--name", name, "--protocol-type", "HTTP")
    try:
        assert API_ID_RE.match(created["ApiId"]), created
        assert created["Name"] == name
        assert created["ProtocolType"] == "HTTP"

        listed = aws_cli.run_json("get-apis")
        assert created["ApiId"] in [item["ApiId"] for item in listed["Items"]]

        fetched = aws_cli.run_json("get-api", "--api-id", created["ApiId"])
        assert fetched["Name"] == name
    finally:
        client.delete_api(ApiId=created["ApiId"])


def test_cli_prints_a_refusal(aws_cli):
    result = aws_cli.run("get-api", "--api-id", MISSING_API_ID)

    # awscli v1 exits 255 on a service error, v2 exits 254.
    assert result.returncode in (254, 255), (result.returncode, result.stdout, result.stderr)
    assert "NotFoundException" in result.stderr, result.stderr
    assert result.stdout.strip() == ""
