"""Checked by mypy --strict against the installed package (test.sh): the package is typed
(py.typed), and its functions and records carry the types an application relies on."""

import ocop


def example_stars(text: str) -> int | None:
    report: ocop.ScoreReport = ocop.score(ocop.evaluation_from_json(text))
    total: str = report.total  # decimals are strings
    print(total)
    stars: int | None = report.stars  # None when the sheet is not rated
    return stars
