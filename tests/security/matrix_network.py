"""Permission matrix of the network console (/network/…) and of a centre's own
figures (/manage/<centre>/figures/…).

/network/ is the coordinator's alone: everyone else who is signed in gets 403
(the console exists, it is not theirs), the anonymous the sign-in page. A
centre's figures follow its workspace: its editors and managers and the
coordinator; anyone else 404. Bad input answers the page with its message, or
404 for a CSV table that does not exist.
"""

from tests.security.test_permission_matrix import Check, everyone, workspace

CONSOLE = "/network/"
FIGURES = "/manage/alpha/figures/"
FIGURES_CSV = "/manage/alpha/figures.csv"


def coordinator_only(status):
    return {**everyone(403), "anonymous": 302, "coordinator": status}


ENTRIES = {
    "network:dashboard": [
        Check(CONSOLE, coordinator_only(200)),
        Check(
            CONSOLE + "?preset=custom&start=2026-01-01&end=2026-03-31"
            "&granularity=quarter&figure=events.held",
            coordinator_only(200),
        ),
        # Bad input: the page with its message and the default period.
        Check(
            CONSOLE + "?preset=custom&start=2026-05-01&end=2026-01-01&figure=nope",
            coordinator_only(200),
        ),
    ],
    "network:figure-csv": [
        Check(CONSOLE + "figures.csv?table=trend", coordinator_only(200)),
        Check(CONSOLE + "figures.csv?table=countries", coordinator_only(200)),
        Check(CONSOLE + "figures.csv?table=secret", coordinator_only(404)),
    ],
    "manage:figures": [
        Check(FIGURES, workspace(200)),
        Check(FIGURES + "?preset=custom&start=bogus", workspace(200)),
        Check("/manage/no-such-centre/figures/", {**workspace(404), "anonymous": 302}),
    ],
    "manage:figures-csv": [
        Check(FIGURES_CSV + "?table=summary", workspace(200)),
        Check(FIGURES_CSV + "?table=centres", workspace(200)),
        # The map's table is the network's: a centre has no countries.
        Check(FIGURES_CSV + "?table=countries", workspace(404)),
    ],
}
