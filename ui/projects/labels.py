"""Translated names for HUD project codes and the pack's population names.

The codes are HUD's (Data Standards 2.02-2.08); the population names are the pack's
(``forced_not_shared_populations``); a name this file does not know is shown as is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ProjectLabels", text)


def project_types() -> list[tuple[int, str]]:
    """2.02.6, in the order a worker looks for them."""
    return [
        (4, _t("Street Outreach")), (0, _t("Emergency Shelter – Entry Exit")),
        (1, _t("Emergency Shelter – Night-by-Night")), (2, _t("Transitional Housing")),
        (8, _t("Safe Haven")), (3, _t("PH – Permanent Supportive Housing")), (9, _t("PH – Housing Only")),
        (10, _t("PH – Housing with Services")), (13, _t("PH – Rapid Re-Housing")), (6, _t("Services Only")),
        (11, _t("Day Shelter")), (12, _t("Homelessness Prevention")), (14, _t("Coordinated Entry")),
        (7, _t("Other")),
    ]


def population_label(name: str) -> str:
    labels = {
        "dv": _t("Survivors of domestic violence"),
        "hiv": _t("People living with HIV/AIDS"),
        "youth": _t("Youth services"),
        "legal": _t("Legal services"),
        "protected": _t("Protected project"),
    }
    return labels.get(name, name)


def choices() -> dict[str, list[tuple[int, str]]]:
    """The coded descriptors and their HUD lists, by ProjectDescriptors field."""
    return {
        "housing_type": [(1, _t("Site-based – single site")), (2, _t("Site-based – clustered / multiple sites")),
                         (3, _t("Tenant-based – scattered site"))],
        "rrh_sub_type": [(1, _t("Services only")), (2, _t("Housing with or without services"))],
        "residential_affiliation": [(0, _t("No")), (1, _t("Yes"))],
        "target_population": [(1, _t("Survivors of domestic violence")), (3, _t("People living with HIV/AIDS")),
                              (4, _t("Not applicable"))],
        "geography_type": [(1, _t("Urban")), (2, _t("Suburban")), (3, _t("Rural")), (99, _t("Unknown"))],
        "hmis_participation": [(1, _t("HMIS participating")), (2, _t("Comparable database participating")),
                               (0, _t("Not participating"))],
        "funder": [(8, _t("HUD: ESG – Emergency Shelter")), (11, _t("HUD: ESG – Street Outreach")),
                   (10, _t("HUD: ESG – Rapid Rehousing")), (9, _t("HUD: ESG – Homelessness Prevention")),
                   (2, _t("HUD: CoC – Permanent Supportive Housing")), (3, _t("HUD: CoC – Rapid Re-Housing")),
                   (4, _t("HUD: CoC – Supportive Services Only")), (5, _t("HUD: CoC – Transitional Housing")),
                   (6, _t("HUD: CoC – Safe Haven")), (21, _t("HHS: PATH – Street Outreach & Services Only")),
                   (25, _t("HHS: RHY – Street Outreach Project")), (22, _t("HHS: RHY – Basic Center Program")),
                   (33, _t("VA: Supportive Services for Veteran Families")), (34, _t("N/A")),
                   (46, _t("Local or other funding source"))],
        "household_type": [(1, _t("Households without children")),
                           (3, _t("Households with at least one adult and one child")),
                           (4, _t("Households with only children"))],
        "availability": [(1, _t("Year-round")), (2, _t("Seasonal")), (3, _t("Overflow"))],
        "es_bed_type": [(1, _t("Facility-based")), (2, _t("Voucher")), (3, _t("Other"))],
    }
