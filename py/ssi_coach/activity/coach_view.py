"""Everything the Coach part of the page shows, from the document and `today`, in one call.

Standard library only, like the rest of the scoring path: the estimate, the calibration on
the member's own check-ins, the ranked next actions, the projection of their plan against
their goal, and how their outcomes move with their SSI. Post analytics, when imported, feed
the estimate, the outcomes and the actions drawn from the member's own posts. When the
latest check-in carries the peers' pillar averages, the actions are ranked with them and each
pillar's estimate can show them (`peers_line`). With target accounts, the Coach also shows
the top next steps with the people in the open deals most at risk (`account_steps`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..accounts.steps import AccountStep, top_steps
from ..model import Calibration, Document, Pillar, WeeklyPlan
from ..peers.compare import PeerComparison, averages_line, compare_with_peers
from ..posts.weekly import weekly
from .actions import Action, next_actions
from .calibration import NotYet, shown_fit
from .estimate import Estimate, estimate, inputs_for
from .outcomes import Correlation, correlations, outcome_points
from .whatif import Projection, project


@dataclass(frozen=True)
class CoachView:
    estimate: Estimate
    calibration: Calibration | NotYet
    actions: tuple[Action, ...]
    projection: Projection | None  # None until the member sets a plan or a goal
    correlations: tuple[Correlation, ...]

    planned: bool = False  # the actions are ranked from where the member's weekly plan leads
    peers: PeerComparison | None = None  # the latest check-in against its peers, if it has any
    # The next steps with people in the open deals most at risk; () without accounts.
    account_steps: tuple[AccountStep, ...] = ()

    @property
    def has_activity(self) -> bool:
        return self.estimate.inputs.weeks_logged > 0

    def peers_line(self, pillar: Pillar) -> str:
        """For a pillar's "why this number": the peers' averages on the latest check-in
        ('' when it has none)."""
        if self.peers is None:
            return ""
        return averages_line(self.peers.of(pillar), self.peers.on)


def coach_view(document: Document, today: dt.date) -> CoachView:
    """The Coach from the document. Its calibration is the document's held fit while the
    check-ins are the ones it was made for (`shown_fit`), so logging more activity never
    lowers the estimate; save `with_fit_held(document)` to keep a new fit across reloads."""
    weeks = document.activity_weeks()  # typed and imported, merged as the member chose
    post_weeks = weekly(document.posts)
    fit = shown_fit(document)
    calibration = fit if isinstance(fit, Calibration) else None
    current = estimate(inputs_for(weeks, document.checklist, end=today, posts=post_weeks),
                       calibration)
    peers = compare_with_peers(document.checkins[-1]) if document.checkins else None
    projection = None
    if document.plan is not None or document.goal is not None:
        projection = project(current, document.plan or WeeklyPlan(), today=today,
                             goal=document.goal,
                             calibration=calibration)
    return CoachView(
        estimate=current,
        calibration=fit,
        actions=next_actions(current, document.checklist, calibration=calibration,
                             plan=document.plan.weekly if document.plan else None,
                             peers=peers, posts=document.posts),
        projection=projection,
        correlations=correlations(outcome_points(document.checkins, weeks, post_weeks)),
        planned=bool(document.plan and document.plan.weekly),
        peers=peers,
        account_steps=top_steps(document.accounts, today),
    )
