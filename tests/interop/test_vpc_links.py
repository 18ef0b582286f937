"""CreateVpcLink / GetVpcLinks / GetVpcLink / UpdateVpcLink / DeleteVpcLink."""

from __future__ import annotations

import datetime

import pytest

from helpers import (
    ALB_LISTENER_ARN,
    CHILD_ID_RE,
    MISSING_CHILD_ID,
    SECURITY_GROUP_IDS,
    SUBNET_IDS,
    all_vpc_links,
    api_state,
    assert_status,
    body,
    expect_error,
    list_vpc_links,
    unique_name,
)


def test_vpc_link_crud(client, new_vpc_link):
    name = unique_name("link")

    created = new_vpc_link(Name=name, Tags={"env": "test"})
    assert_status(created, 201)
    vpc_link_id = created["VpcLinkId"]
    assert created["Name"] == name
    assert created["SubnetIds"] == SUBNET_IDS
    assert created["SecurityGroupIds"] == SECURITY_GROUP_IDS
    assert created["Tags"] == {"env": "test"}
    assert isinstance(created["CreatedDate"], datetime.datetime)

    fetched = client.get_vpc_link(VpcLinkId=vpc_link_id)
    assert_status(fetched, 200)
    assert body(fetched) == body(created)
    assert vpc_link_id in [item["VpcLinkId"] for item in all_vpc_links(client)]

    new_name = unique_name("renamed-link")
    updated = client.update_vpc_link(VpcLinkId=vpc_link_id, Name=new_name)
    assert_status(updated, 200)
    assert updated["Name"] == new_name
    assert updated["SubnetIds"] == SUBNET_IDS
    assert body(client.get_vpc_link(VpcLinkId=vpc_link_id)) == body(updated)

    deleted = client.delete_vpc_link(VpcLinkId=vpc_link_id)
    assert_status(deleted, 202)
    with expect_error("NotFoundException", 404):
        client.get_vpc_link(VpcLinkId=vpc_link_id)
    assert vpc_link_id not in [item["VpcLinkId"] for item in all_vpc_links(client)]


def test_vpc_link_ids_look_like_ids(new_vpc_link):
    vpc_link_id = new_vpc_link()["VpcLinkId"]
    # Like AWS's: 7 lowercase alphanumerics (only API ids have 10).
    assert CHILD_ID_RE.match(vpc_link_id), vpc_link_id


def test_get_vpc_links_pages_by_next_token(client, new_vpc_link):
    prefix = unique_name("paged-link")
    created = {new_vpc_link(Name=f"{prefix}-{index:02d}")["VpcLinkId"] for index in range(25)}

    page_list = list_vpc_links(client, max_results="7")

    assert all(len(page) <= 7 for page in page_list), [len(page) for page in page_list]
    assert len(page_list) >= 4
    listed = [item["VpcLinkId"] for page in page_list for item in page]
    assert len(listed) == len(set(listed)), "a VPC link is listed twice"
    assert created <= set(listed)
    mine = [item for page in page_list for item in page if item["Name"].startswith(prefix)]
    assert {item["VpcLinkId"] for item in mine} == created


def test_delete_vpc_link_used_by_an_integration_is_a_conflict(client, new_api, new_vpc_link):
    vpc_link_id = new_vpc_link()["VpcLinkId"]
    api_id = new_api()["ApiId"]
    integration_id = client.create_integration(
        ApiId=api_id,
        IntegrationType="HTTP_PROXY",
        IntegrationMethod="ANY",
        IntegrationUri=ALB_LISTENER_ARN,
        ConnectionType="VPC_LINK",
        ConnectionId=vpc_link_id,
    )["IntegrationId"]
    before = all_vpc_links(client), api_state(client, api_id)

    with expect_error("ConflictException", 409):
        client.delete_vpc_link(VpcLinkId=vpc_link_id)

    assert (all_vpc_links(client), api_state(client, api_id)) == before
    client.delete_integration(ApiId=api_id, IntegrationId=integration_id)
    assert_status(client.delete_vpc_link(VpcLinkId=vpc_link_id), 202)


VPC_LINK_REFUSALS = [
    pytest.param(
        {"SubnetIds": [f"subnet-{index:017x}" for index in range(11)]},
        "TooManyRequestsException",
        429,
        id="eleven-subnets",
    ),
    pytest.param({"SubnetIds": ["nope"]}, "BadRequestException", 400, id="malformed-subnet-id"),
    pytest.param({"SubnetIds": []}, "BadRequestException", 400, id="no-subnets"),
    pytest.param({"SubnetIds": SUBNET_IDS, "Name": ""}, "BadRequestException", 400, id="empty-name"),
]


@pytest.mark.parametrize("kwargs, code, status", VPC_LINK_REFUSALS)
def test_create_vpc_link_refusals_change_nothing(client, unvalidated_client, kwargs, code, status):
    kwargs = {"Name": unique_name("refused-link"), "SecurityGroupIds": SECURITY_GROUP_IDS, **kwargs}
    before = all_vpc_links(client)

    with expect_error(code, status) as refused:
        unvalidated_client.create_vpc_link(**kwargs)

    if code == "TooManyRequestsException":
        assert refused.response.get("LimitType"), "429 body has no limitType"
    assert all_vpc_links(client) == before


@pytest.mark.parametrize(
    "operation, kwargs",
    [
        pytest.param("get_vpc_link", {}, id="GetVpcLink"),
        pytest.param("update_vpc_link", {"Name": "x"}, id="UpdateVpcLink"),
        pytest.param("delete_vpc_link", {}, id="DeleteVpcLink"),
    ],
)
def test_unknown_vpc_link_is_not_found(client, operation, kwargs):
    before = all_vpc_links(client)

    with expect_error("NotFoundException", 404):
        getattr(client, operation)(VpcLinkId=MISSING_CHILD_ID, **kwargs)

    assert all_vpc_links(client) == before
