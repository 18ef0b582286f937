"""CreateStage / GetStages / GetStage / UpdateStage / DeleteStage, including `$default`."""

from __future__ import annotations

import datetime

import pytest

from helpers import api_state, assert_status, body, expect_error, list_all


def test_stage_crud(client, new_api):
    api_id = new_api()["ApiId"]

    created = client.create_stage(
        ApiId=api_id,
        StageName="beta",
        Description="beta stage",
        StageVariables={"backend": "beta.example.com"},
        AutoDeploy=False,
    )
    assert_status(created, 201)
    assert created["StageName"] == "beta"
    assert created["Description"] == "beta stage"
    assert created["StageVariables"] == {"backend": "beta.example.com"}
    assert created["AutoDeploy"] is False
    assert isinstance(created["CreatedDate"], datetime.datetime)

    fetched = client.get_stage(ApiId=api_id, StageName="beta")
    assert_status(fetched, 200)
    assert body(fetched) == body(created)

    listed = client.get_stages(ApiId=api_id)
    assert_status(listed, 200)
    assert [item["StageName"] for item in listed["Items"]] == ["beta"]

    updated = client.update_stage(
        ApiId=api_id, StageName="beta", Description="still beta", StageVariables={"backend": "beta2.example.com"}
    )
    assert_status(updated, 200)
    assert updated["Description"] == "still beta"
    assert updated["StageVariables"] == {"backend": "beta2.example.com"}
    assert body(client.get_stage(ApiId=api_id, StageName="beta")) == body(updated)

    deleted = client.delete_stage(ApiId=api_id, StageName="beta")
    assert_status(deleted, 204)
    with expect_error("NotFoundException", 404):
        client.get_stage(ApiId=api_id, StageName="beta")
    assert list_all(client, "get_stages", ApiId=api_id) == []


def test_default_stage_through_percent_encoded_name(client, raw, new_api):
    api_id = new_api()["ApiId"]

    created = client.create_stage(ApiId=api_id, StageName="$default", AutoDeploy=True)
    assert created["StageName"] == "$default"

    # botocore sends the name percent-encoded: /v2/apis/{apiId}/stages/%24default
    fetched = client.get_stage(ApiId=api_id, StageName="$default")
    assert fetched["StageName"] == "$default"
    assert fetched["AutoDeploy"] is True

    response = raw.get(f"/v2/apis/{api_id}/stages/%24default")
    assert response.status_code == 200, response.text
    assert response.json()["stageName"] == "$default"

    updated = client.update_stage(ApiId=api_id, StageName="$default", Description="catch-all")
    assert updated["Description"] == "catch-all"

    assert_status(client.delete_stage(ApiId=api_id, StageName="$default"), 204)
    with expect_error("NotFoundException", 404):
        client.get_stage(ApiId=api_id, StageName="$default")


def test_the_eleventh_stage_is_refused(client, new_api):
    api_id = new_api()["ApiId"]
    for index in range(10):
        client.create_stage(ApiId=api_id, StageName=f"stage{index}")
    before = api_state(client, api_id)

    with expect_error("TooManyRequestsException", 429) as refused:
        client.create_stage(ApiId=api_id, StageName="stage10")

    assert refused.response.get("LimitType"), "429 body has no limitType"
    assert api_state(client, api_id) == before
    assert len(before["stages"]) == 10


def test_duplicate_stage_name_is_a_conflict(client, new_api):
    api_id = new_api()["ApiId"]
    client.create_stage(ApiId=api_id, StageName="prod", Description="first")
    before = api_state(client, api_id)

    with expect_error("ConflictException", 409):
        client.create_stage(ApiId=api_id, StageName="prod", Description="second")

    assert api_state(client, api_id) == before


@pytest.mark.parametrize(
    "operation, kwargs",
    [
        pytest.param("get_stage", {}, id="GetStage"),
        pytest.param("update_stage", {"Description": "x"}, id="UpdateStage"),
        pytest.param("delete_stage", {}, id="DeleteStage"),
    ],
)
def test_unknown_stage_is_not_found(client, new_api, operation, kwargs):
    api_id = new_api()["ApiId"]
    client.create_stage(ApiId=api_id, StageName="prod")
    before = api_state(client, api_id)

    with expect_error("NotFoundException", 404):
        getattr(client, operation)(ApiId=api_id, StageName="missing", **kwargs)

    assert api_state(client, api_id) == before
