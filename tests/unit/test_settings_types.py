"""settings.json is typed: a value of the wrong JSON type is an error naming the key, never guessed.

Before, ``"keep_id_images": "false"`` (text) was taken as true, since any non-empty text is true.
"""

from __future__ import annotations

import json

import pytest

from dor_desktop.config.settings import Settings, load
from dor_desktop.errors import UserError


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("keep_id_images", "false", 'keep_id_images must be true or false (without quotes), not "false"'),
        ("first_run_done", 1, "first_run_done must be true or false (without quotes), not 1"),
        ("retention_years", "4", 'retention_years must be a whole number, not "4"'),
        ("retention_years", 4.5, "retention_years must be a whole number, not 4.5"),
        ("retention_years", True, "retention_years must be a whole number, not true"),
        ("shop_name", ["Goud", "Zilver"], 'shop_name must be text in quotes, not ["Goud", "Zilver"]'),
        ("dor_url", None, "dor_url must be text in quotes, not null"),
    ],
)
def test_a_value_of_the_wrong_type_names_the_key_and_what_it_takes(tmp_path, key, value, expected):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({key: value}), encoding="utf-8")

    with pytest.raises(UserError) as raised:
        load(path)

    assert str(raised.value) == f"settings {path}: {expected}"
    assert raised.value.exit_code == 2


def test_values_of_the_right_type_load(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"keep_id_images": False, "retention_years": 7, "shop_name": "Goud"}))

    assert load(path) == Settings(keep_id_images=False, retention_years=7, shop_name="Goud")


def test_a_deeply_nested_settings_file_is_one_clear_error(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("[" * 100_000 + "]" * 100_000)

    with pytest.raises(UserError, match="nested too deeply"):
        load(path)


def test_a_lone_surrogate_in_a_setting_is_one_clear_error(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"shop_name": "Goud \\ud800"}', encoding="utf-8")

    with pytest.raises(UserError, match="not valid Unicode"):
        load(path)
