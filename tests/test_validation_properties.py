"""Property-based tests for the field validators: any input either gives a clean value
or a ValidationError naming its field, never another exception, and what is accepted
obeys HUD's rules."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.rules.validation import EARLIEST_DOB, parse_dob, parse_ssn

TODAY = date(2026, 3, 2)
ssn_like = st.one_of(
    st.text(max_size=15),
    st.text(alphabet="0123456789- .", max_size=13),
    st.from_regex(r"\A\d{3}-\d{2}-\d{4}\Z", fullmatch=True),
)


@given(ssn_like)
def test_ssn_parser_accepts_only_what_hud_accepts(text: str) -> None:
    try:
        entry = parse_ssn(text)
    except ValidationError as exc:
        assert exc.field == "ssn" and str(exc)
        return
    if entry.value is None:
        assert entry.data_quality == 99
        return
    assert len(entry.value) == 9
    digits = entry.value[-4:]
    assert digits.isdigit() and digits != "0000"
    if entry.data_quality == 1:
        assert entry.value.isdigit()
        assert entry.value[:3] not in ("000", "666") and not entry.value.startswith("9")
        assert entry.value[3:5] != "00"
        assert len(set(entry.value)) > 1
    else:
        assert entry.data_quality == 2 and entry.value.startswith("xxxxx")


@given(st.one_of(st.text(max_size=12), st.dates().map(date.isoformat),
                 st.dates().map(lambda d: f"{d.month}/{d.day}/{d.year}")))
def test_dob_parser_never_accepts_the_future_or_the_implausible(text: str) -> None:
    try:
        value = parse_dob(text, TODAY)
    except ValidationError as exc:
        assert exc.field in ("dob", "DOB") and str(exc)
        return
    if value is not None:
        day = date.fromisoformat(value)
        assert EARLIEST_DOB <= day <= TODAY
