"""Draw a consent / release-of-information form (``consent_form.ConsentForm``) as a
Letter PDF: the texts shown (with version, language and SHA-256), the client's
choices, the household covered, the signature image or the pack's "Verbal Consent"
line with the attesting staff member and witness, who signed for a minor, and the
grievance contact. A blank form has the same layout with empty fields.
"""

from __future__ import annotations

import io

from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether

from app.documents.consent_form import DASH, ConsentForm, ShownText
from app.documents.labels import labels
from app.documents.pdf_common import (
    BODY,
    H2,
    H3,
    SIGNATURE_LINE,
    SMALL,
    TITLE,
    PageFrame,
    build_pdf,
    facts_table,
    gap,
    grid_table,
    p,
)

BOX = "[   ]"


def metadata(form: ConsentForm) -> dict[str, str]:
    words = labels(form.lang)
    return {"title": words["blank_form"] if form.blank else words["consent_form"],
            "subject": f"{form.pack_name} \u00b7 {form.consent_text.title}",
            "keywords": f"HMIS, consent, release of information, {form.pack_id}, {form.lang}"}


def _text_section(shown: ShownText, heading: str, words: dict[str, str]) -> list[Flowable]:
    story: list[Flowable] = [p(heading, H2), p(shown.title, H3)]
    version = shown.version or words["unknown"]
    facts = f"{shown.text_id} \u00b7 {words['version']}: {version} \u00b7 {words['sha256']}: {shown.sha256}"
    if not shown.recorded:
        facts += f" \u00b7 {words['not_recorded']}"
    story.append(p(facts, SMALL))
    for block in shown.blocks:
        if block.title:
            story.append(p(block.title, H3))
        story.extend(p(paragraph) for paragraph in block.paragraphs)
    return story


def _yes_no(value: bool | None, words: dict[str, str]) -> str:
    return words["unknown"] if value is None else words["yes" if value else "no"]


def _choices(form: ConsentForm, words: dict[str, str]) -> list[tuple[str, str]]:
    if form.blank:
        method = "   ".join(f"{BOX} {words[k]}" for k in ("method_written", "method_verbal", "method_declined"))
        yes_no = f"{BOX} {words['yes']}   {BOX} {words['no']}"
        level = f"{BOX} {words['level_shared']}   {BOX} {words['level_not_shared']}"
        rows = [(words["method"], method), (words["sharing"], level),
                (words["shared_with"], words["blank_line"] * 2), (words["signed_on"], words["blank_line"]),
                (words["expires_on"], words["blank_line"])]
        rows += [(words[name], yes_no) for name in form.flags or
                 ("first_contact_by_phone", "release_to_share_signed", "possible_dv_victim",
                  "dv_permission_to_enter", "dv_permission_to_share")]
        return rows
    rows = [
        (words["method"], words.get(f"method_{form.method}", form.method or DASH)),
        (words["enter_data"], words["no"] if form.method == "declined" else words["yes"]),
        (words["sharing"], f"{form.sharing_label}: {form.sharing_description}"),
        (words["shared_with"], ", ".join(form.shared_with) or DASH),
        (words["shared_information"], form.shared_information or words["unknown"]),
        (words["signed_on"], form.signed_on or DASH),
        (words["expires_on"], form.ends_on or words["no_end"]),
    ]
    rows += [(words[name], _yes_no(value, words)) for name, value in form.flags.items()]
    return rows


def _signature(form: ConsentForm, words: dict[str, str]) -> list[Flowable]:
    story: list[Flowable] = [p(words["signature"], H2)]
    if form.blank:
        story.append(p(f"{words['signature']}: {words['blank_line'] * 2}"))
        story.append(p(f"{words['signed_on']}: {words['blank_line']}"))
        story.append(p(f"{words['signed_by']}: {BOX} {words['signer_client']}   {BOX} {words['signer_guardian']}"))
        story.append(p(f"{words['guardian_name']}: {words['blank_line'] * 2}   {BOX} {words['emancipated']}"))
        story.append(p(f"{words['attested_by']}: {words['blank_line'] * 2}"))
        story.append(p(f"{words['staff_signature']}: {words['blank_line'] * 2}"))
        story.append(p(f"{words['witness']}: {words['blank_line'] * 2}"))
        story.append(p(f"{words['date_time']}: {words['blank_line']}"))
        story.append(p(f"{BOX} {form.signature_line}", SIGNATURE_LINE))
        return story
    if form.method == "verbal":
        story.append(p(form.signature_line, SIGNATURE_LINE))
    elif form.signature_png:
        reader = ImageReader(io.BytesIO(bytes(form.signature_png)))
        width, height = reader.getSize()
        scale = min(3.2 * inch / max(width, 1), 1.0 * inch / max(height, 1))
        image = Image(io.BytesIO(bytes(form.signature_png)), width=width * scale, height=height * scale)
        image.hAlign = "LEFT"
        story.append(image)
    else:
        story.append(p(words["no_signature"]))
    signer = form.signer or "client"
    rows = [(words["signed_by"], words["signer_guardian"] if signer == "guardian" else words["signer_client"])]
    if form.guardian_name or signer == "guardian":
        rows.append((words["guardian_name"], form.guardian_name or words["unknown"]))
    if form.emancipated is not None:
        rows.append((words["emancipated"], _yes_no(form.emancipated, words)))
    rows += [(words["attested_by"], form.attested_by or DASH), (words["witness"], form.witness or DASH),
             (words["date_time"], (form.recorded_at or DASH).replace("T", " "))]
    story.append(facts_table(rows))
    return story


def render_consent_pdf(form: ConsentForm) -> bytes:
    words = labels(form.lang)
    story: list[Flowable] = [p(words["blank_form"] if form.blank else words["consent_form"], TITLE),
                             p(form.consent_text.title, H3)]
    story.append(facts_table([(words["agency"], form.agency or DASH), (words["agency_contact"], form.agency_contact),
                              (words["pack"], form.pack_name), (words["language"], form.lang)]))
    if form.change:
        kind, day = form.change
        story += [gap(), p(words[kind].format(day=day), H3)]
    story += _text_section(form.script, words["script"], words)
    story += _text_section(form.consent_text, words["consent_text"], words)
    story += [p(words["choices"], H2), facts_table(_choices(form, words))]
    story.append(p(words["household"], H2))
    header = [words["client_name"], words["dob"], words["relationship"]]
    widths = [2.8 * inch, 1.4 * inch, 2.7 * inch]
    members = ([(m.name, m.dob or DASH, m.relationship or DASH) for m in form.members] if not form.blank
               else [("", "", "")] * 5)
    story.append(grid_table(header, members, widths, row_height=24 if form.blank else None))
    story.append(KeepTogether(_signature(form, words)))
    story.append(KeepTogether([p(words["grievance"], H2),
                               facts_table([(words["grievance_contact"], form.grievance_contact or DASH)])]))
    story += [gap(12), p(f"{words['verification']}: {form.verification_code}", BODY)]
    frame = PageFrame(header=f"{form.agency} \u00b7 {words['consent_form']}", code_label=words["verification"],
                      code=form.verification_code, page_label=words["page"], hint=words["verify_hint"])
    meta = metadata(form)
    return build_pdf(story, frame, meta["title"], meta["subject"], meta["keywords"])
