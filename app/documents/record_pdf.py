"""Draw the client's copy of their record (``record_copy.RecordCopy``) as a Letter PDF,
and the revocation notice."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.documents.consent_form import DASH
from app.documents.labels import labels
from app.documents.pdf_common import BODY, H2, MARGIN, SMALL, TITLE, PageFrame, build_pdf, facts_table, grid_table, p
from app.documents.record_copy import RecordCopy

LINE = 612 - 2 * MARGIN  # Letter width in points, less the margins


def render_record_pdf(copy: RecordCopy) -> bytes:
    w = copy.words()
    story: list[Flowable] = [p(w["record_copy"], TITLE),
                             facts_table([(w["agency"], copy.agency or DASH),
                                          (w["agency_contact"], copy.agency_contact or copy.agency or DASH),
                                          (w["as_of"], copy.made_on)]),
                             p(w["profile"], H2), facts_table(copy.profile)]
    for section in copy.sections:
        story.append(p(section.title, H2))
        if section.rows:
            story.append(grid_table(section.header, section.rows, [f * LINE for f in section.widths]))
        else:
            story.append(p(w["none"], SMALL))
    story.append(p(w["history"], H2))
    rows = [(e.at.replace("T", " ")[:19], e.user, e.what) for e in copy.history]
    story.append(grid_table((w["when"], w["who"], w["what"]), rows, [0.24 * LINE, 0.26 * LINE, 0.5 * LINE]))
    story.append(p(f"{labels(copy.lang)['verification']}: {copy.verification_code}", BODY))
    frame = PageFrame(header=f"{copy.agency} \u00b7 {w['record_copy']}", code_label=labels(copy.lang)["verification"],
                      code=copy.verification_code, page_label=labels(copy.lang)["page"])
    return build_pdf(story, frame, w["record_copy"], "HMIS client record", "HMIS, client record, copy")


def render_revocation_pdf(lang: str, agency: str, rows: list[tuple[str, str]], code: str, pack_text: list[str],
                          body_title: str) -> bytes:
    words = labels(lang)
    story: list[Flowable] = [p(words["revocation_notice"], TITLE), facts_table(rows), p(body_title, H2)]
    story += [p(text) for text in pack_text]
    story += [p(words["revocation_body"]), p(f"{words['staff_signature']}: {words['blank_line'] * 2}"),
              p(f"{words['verification']}: {code}")]
    frame = PageFrame(header=f"{agency} \u00b7 {words['revocation_notice']}", code_label=words["verification"],
                      code=code, page_label=words["page"])
    return build_pdf(story, frame, words["revocation_notice"], "HMIS consent revocation", "HMIS, consent, revocation")
