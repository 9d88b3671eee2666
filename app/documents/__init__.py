"""Printable documents made on the device with reportlab, offline: the consent /
release-of-information form (filled or blank), the client's copy of their record and
the revocation notice. Nothing here is imported at GUI start; the screens and the
``hmis-intake`` command import it when a document is asked for.

``service.py`` is the entry point (permissions, audit events, file names);
``consent_form.py`` / ``record_copy.py`` gather the facts from the vault;
``consent_pdf.py`` / ``record_pdf.py`` draw them; ``verification.py`` derives the
short code printed on every page.
"""
