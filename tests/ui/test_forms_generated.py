"""The committed Python forms are exactly what pyside6-uic makes from forms/*.ui today."""

from hrdesk.ui.forms import compile as forms


def test_every_form_has_a_generated_module():
    ui_files = sorted(forms.FORMS_DIR.glob("*.ui"))
    assert ui_files
    for ui_file in ui_files:
        assert forms.target_for(ui_file).exists(), ui_file.name


def test_generated_modules_match_their_ui_sources():
    assert forms.stale_forms() == [], "run: python -m hrdesk.ui.forms.compile"
