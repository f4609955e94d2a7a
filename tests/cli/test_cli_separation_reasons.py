"""`separation start --reason`: every separation reason is offered (the art. 40 dismissals included),
by code or by its Chinese label; a wrong one is a message naming the choices, with no traceback."""

import json
from datetime import date, timedelta

import pytest

from hrdesk.cli.main import run
from hrdesk.core.flows.separation_rules import SeparationReason
from tests.helpers import build_company, environment_keys

LAST_DAY = (date.today() + timedelta(days=120)).isoformat()  # at most a year ahead


@pytest.fixture
def fx(tmp_path, monkeypatch):
    environment_keys(monkeypatch)
    fx = build_company(tmp_path / "data")
    fx.db.dispose()
    return fx


def as_user(capsys, monkeypatch, fx, user, *args):
    monkeypatch.setenv("HRDESK_PASSWORD", fx.users[user])
    code = run(["--data-dir", str(fx.data_dir.root), *map(str, args), "--user", user])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_help_lists_every_reason(fx, capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["--data-dir", str(fx.data_dir.root), "separation", "start", "--help"])
    assert exit_info.value.code == 0
    text = "".join(capsys.readouterr().out.split())  # argparse wraps the help anywhere
    for reason in SeparationReason:
        assert f"{reason.value}{reason.label}" in text, reason


def test_a_wrong_reason_names_the_choices(fx, capsys, monkeypatch):
    code, out, err = as_user(
        capsys, monkeypatch, fx, "hr", "separation", "start", "E000002", "--reason", "sick", "--last-day", "2099-01-01"
    )
    assert code == 2 and "离职原因无效：sick" in err and "Traceback" not in err
    for reason in SeparationReason:
        assert reason.value in err and reason.label in err


@pytest.mark.parametrize(
    "given, reason",
    [
        ("illness", SeparationReason.ILLNESS),
        ("不能胜任解除（第四十条第二项）", SeparationReason.INCOMPETENCE),
        ("changed", SeparationReason.CHANGED_CIRCUMSTANCES),
    ],
)
def test_hr_starts_an_article_40_dismissal(fx, capsys, monkeypatch, given, reason):
    code, out, err = as_user(
        capsys, monkeypatch, fx, "hr", "separation", "start", "E000002", "--reason", given, "--last-day", LAST_DAY
    )
    assert code == 0, err
    assert reason.label in out and "王经理" in out
    code, out, err = as_user(capsys, monkeypatch, fx, "hr", "flow", "show", "1", "--json")
    assert code == 0, err
    assert json.loads(out)["payload"]["reason"] == reason.value
