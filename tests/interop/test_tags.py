"""TagResource / GetTags / UntagResource by ARN (APIs, VPC links, stages)."""

from __future__ import annotations

import pytest

from helpers import MISSING_API_ID, api_arn, assert_status, expect_error, stage_arn, vpc_link_arn


def check_tag_round_trip(client, arn: str, initial: dict[str, str]) -> None:
    got = client.get_tags(ResourceArn=arn)
    assert_status(got, 200)
    assert got.get("Tags", {}) == initial

    tagged = client.tag_resource(ResourceArn=arn, Tags={"owner": "team-a", "cost-center": "42"})
    assert_status(tagged, 201)
    assert client.get_tags(ResourceArn=arn)["Tags"] == {**initial, "owner": "team-a", "cost-center": "42"}

    client.tag_resource(ResourceArn=arn, Tags={"owner": "team-b"})
    assert client.get_tags(ResourceArn=arn)["Tags"]["owner"] == "team-b"

    untagged = client.untag_resource(ResourceArn=arn, TagKeys=["owner", "cost-center"])
    assert_status(untagged, 204)
    assert client.get_tags(ResourceArn=arn).get("Tags", {}) == initial


def test_api_tags_by_arn(client, new_api):
    api_id = new_api(Tags={"env": "test"})["ApiId"]

    check_tag_round_trip(client, api_arn(api_id), {"env": "test"})

    client.tag_resource(ResourceArn=api_arn(api_id), Tags={"tier": "gold"})
    assert client.get_api(ApiId=api_id)["Tags"] == {"env": "test", "tier": "gold"}


def test_vpc_link_tags_by_arn(client, new_vpc_link):
    vpc_link_id = new_vpc_link(Tags={"env": "test"})["VpcLinkId"]

    check_tag_round_trip(client, vpc_link_arn(vpc_link_id), {"env": "test"})

    client.tag_resource(ResourceArn=vpc_link_arn(vpc_link_id), Tags={"tier": "gold"})
    assert client.get_vpc_link(VpcLinkId=vpc_link_id)["Tags"] == {"env": "test", "tier": "gold"}


def test_stage_tags_by_arn(client, new_api):
    api_id = new_api()["ApiId"]
    client.create_stage(ApiId=api_id, StageName="prod", Tags={"env": "prod"})

    check_tag_round_trip(client, stage_arn(api_id, "prod"), {"env": "prod"})

    client.tag_resource(ResourceArn=stage_arn(api_id, "prod"), Tags={"tier": "gold"})
    assert client.get_stage(ApiId=api_id, StageName="prod")["Tags"] == {"env": "prod", "tier": "gold"}


@pytest.mark.parametrize(
    "operation, kwargs",
    [
        pytest.param("get_tags", {}, id="GetTags"),
        pytest.param("tag_resource", {"Tags": {"a": "b"}}, id="TagResource"),
        pytest.param("untag_resource", {"TagKeys": ["a"]}, id="UntagResource"),
    ],
)
def test_tags_of_an_unknown_api_are_not_found(client, operation, kwargs):
    with expect_error("NotFoundException", 404):
        getattr(client, operation)(ResourceArn=api_arn(MISSING_API_ID), **kwargs)
