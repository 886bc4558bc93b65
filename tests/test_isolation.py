"""Tests that commit do not take the migrations' data with them: each starts
with the editors' group and the policy as a new database has them."""

import pytest
from django.contrib.auth.models import Group

from correction_desk.models import PolicyPage


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("turn", [1, 2, 3])
def test_every_committing_test_finds_the_editors_group_and_the_policy(turn):
    group = Group.objects.get(name="Redaktion")
    assert group.permissions.filter(codename="change_correctionnote").exists()
    assert PolicyPage.objects.exists()
    Group.objects.all().delete()  # what one test does, the next never sees
