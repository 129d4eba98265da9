"""Settings: TOML file, environment overlay, one-line errors, masked secrets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings, masked


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in list(__import__("os").environ):
        if name.startswith("HAVEN_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "haven.toml"
    path.write_text(text)
    return path


def test_defaults_without_any_file():
    settings = load_settings()
    assert settings.storage.url == "sqlite+aiosqlite:///haven.db"
    assert settings.storage.retention_days == 30


def test_toml_file_then_environment_wins(tmp_path, monkeypatch):
    path = write(tmp_path, '[safety]\ndefault_country = "de"\n[storage]\nretention_days = 7\n')
    monkeypatch.setenv("HAVEN_STORAGE__RETENTION_DAYS", "3")
    settings = load_settings(path)
    assert settings.safety.default_country == "DE"
    assert settings.storage.retention_days == 3


def test_haven_config_variable_and_local_file_are_found(tmp_path, monkeypatch):
    write(tmp_path, "[storage]\nretention_days = 9\n")
    assert load_settings().storage.retention_days == 9  # ./haven.toml
    other = tmp_path / "other.toml"
    other.write_text("[storage]\nretention_days = 11\n")
    monkeypatch.setenv("HAVEN_CONFIG", str(other))
    assert load_settings().storage.retention_days == 11


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[storage]\nretention_days = "soon"\n', "storage.retention_days: bad value 'soon'"),
        ('[safety]\ndefault_country = "Britain"\n', "two-letter ISO 3166"),
        ('[model]\ndevice = "gpu"\n', "model.device: bad value 'gpu'"),
        ('[storage]\nurl = "sqlite:///x.db"\n', "async SQLAlchemy URL"),
        ("[storage]\nretention = 5\n", "storage.retention: unknown setting"),
        ("[storage\n", "not valid TOML"),
    ],
)
def test_bad_values_give_one_line_naming_key_and_fix(tmp_path, toml, expected):
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, toml))
    message = str(caught.value)
    assert expected in message and "\n" not in message


def test_missing_config_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_settings(tmp_path / "nope.toml")


def test_secrets_are_masked_and_never_in_error_messages(tmp_path, monkeypatch):
    monkeypatch.setenv("HAVEN_DISCORD__TOKEN", "very-secret-token")
    settings = load_settings()
    assert settings.secret("discord", "token") == "very-secret-token"
    assert "very-secret-token" not in repr(settings)
    assert masked(settings)["discord"]["token"] == "********"


def test_secret_from_file(tmp_path, monkeypatch):
    (tmp_path / "tok").write_text("file-token\n")
    monkeypatch.setenv("HAVEN_TELEGRAM__TOKEN_FILE", str(tmp_path / "tok"))
    assert load_settings().secret("telegram", "token") == "file-token"


def test_example_file_is_valid_and_documents_every_key():
    import tomllib

    from bot.config import Settings

    example = Path(__file__).parents[2] / "haven.example.toml"
    load_settings(example)
    text = example.read_text()
    parsed = tomllib.loads(text)
    for section, field in Settings.model_fields.items():
        assert f"[{section}]" in text, f"[{section}] missing from haven.example.toml"
        for key in field.annotation.model_fields:  # type: ignore[union-attr]
            mention = re.search(rf"(?m)^#?\s*{key}\s*[=:]", text)
            documented = key in parsed.get(section, {}) or mention is not None
            assert documented, f"{section}.{key} is not documented in haven.example.toml"


def test_empty_adapter_means_none(tmp_path):
    assert load_settings(write(tmp_path, '[model]\nadapter = ""\n')).model.adapter is None


def test_a_preset_fills_in_what_the_operator_did_not_set(tmp_path):
    from bot.app import model_config

    qlora = model_config(load_settings(write(tmp_path, '[model]\npreset = "llama-2-7b-qlora"\n')))
    assert qlora.base == "NousResearch/Llama-2-7b-chat-hf" and qlora.quantization == "4bit"
    mine = model_config(
        load_settings(
            write(tmp_path, '[model]\npreset = "llama-2-7b-qlora"\nquantization = "8bit"\n')
        )
    )
    assert mine.quantization == "8bit"
    custom = model_config(
        load_settings(
            write(tmp_path, '[model]\npreset = "custom"\nbase = "/models/x"\nadapter = ""\n')
        )
    )
    assert custom.base == "/models/x" and custom.adapter is None
