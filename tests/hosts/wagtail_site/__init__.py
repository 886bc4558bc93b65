"""A small Wagtail site with the desk installed as the README says.

Its own settings, page model and templates; nothing of the newsroom but the
desk (`correction_desk`, and its ready adapter for Wagtail pages). Its tests
run in a pytest session of their own (`make test` runs it after the main one):
`python -m pytest -c tests/hosts/wagtail_site/pytest.ini`.
"""
