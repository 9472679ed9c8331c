"""Records, the bottom layer of the core: frozen dataclasses for what the app knows (check-ins,
the four pillars, the peers' pillar averages and events beside a check-in, weekly activity
logs, post analytics, target accounts and their people, the team's targets and tags, the
profile checklist, the weekly plan and goal, the network summary, the calibration fit the
Coach holds, the document holding them all), the problem records every reader and form
returns, and the two rules several layers share: the weakest pillars of a set of scores and
comparing dated records by date. Nothing here imports from any other part of ssi_coach, so
every other module can build on these names: import them from `ssi_coach.model`.
"""

from .accounts import (
    ACCOUNT_STATUS_KEYS,
    ACCOUNT_STATUSES,
    CONNECTED,
    INFLUENCE_KEYS,
    INFLUENCES,
    INVITED,
    INVITED_ME,
    LINKS,
    MAX_NAME,
    MAX_NOTE,
    NOT_CONNECTED,
    ROLE_KEYS,
    ROLES,
    STANCE_KEYS,
    STANCES,
    Account,
    Choice,
    RelationshipFacts,
    Stakeholder,
    company_key,
    label_of,
)
from .activity import (
    ACTIVITY,
    CHECKLIST_KEYS,
    IMPORTED,
    MAX_WEEKLY_COUNT,
    MEASURE_KEYS,
    MEASURES,
    OUTCOMES,
    PART_OF,
    PROFILE_CHECKLIST,
    SOURCES,
    TYPED,
    Checklist,
    ChecklistItem,
    Measure,
    WeekLog,
    effective_weeks,
    fill_in,
    week_of,
)
from .calibration import Calibration, FittedOn, HeldFit, PillarFit, fitted_on, fitted_score
from .checkins import (
    EVENT_KEYS,
    EVENTS,
    PEER_GROUPS,
    PILLAR_KEYS,
    PILLAR_MAX,
    PILLARS,
    TOTAL_MAX,
    CheckIn,
    Event,
    PeerAverages,
    PeerGroup,
    Person,
    Pillar,
    display_total,
    weakest_pillars,
)
from .compare import DateComparison, Update, compare_by_date
from .document import Document
from .network import NetworkSummary
from .plans import Goal, WeeklyPlan
from .posts import (
    DECISION_MAKER_SENIORITIES,
    DEMOGRAPHIC_CATEGORIES,
    DEMOGRAPHIC_KEYS,
    POST_METRIC_KEYS,
    POST_METRICS,
    ExportStamp,
    PostAnalytics,
    PostDay,
    Share,
    SinglePost,
    TopPost,
    WindowSnapshot,
)
from .problems import FieldError, Problem
from .team import MAX_TAG, MAX_TAGS, Target, tag_kind, tidy_tag

__all__ = [
    "ACCOUNT_STATUSES", "ACCOUNT_STATUS_KEYS", "ACTIVITY", "CHECKLIST_KEYS", "CONNECTED",
    "DECISION_MAKER_SENIORITIES", "DEMOGRAPHIC_CATEGORIES", "DEMOGRAPHIC_KEYS", "EVENTS",
    "EVENT_KEYS", "IMPORTED", "INFLUENCES", "INFLUENCE_KEYS", "INVITED", "INVITED_ME", "LINKS",
    "MAX_NAME", "MAX_NOTE", "MAX_TAG", "MAX_TAGS", "MAX_WEEKLY_COUNT", "MEASURES", "MEASURE_KEYS",
    "NOT_CONNECTED", "OUTCOMES", "PART_OF", "PEER_GROUPS", "PILLARS", "PILLAR_KEYS", "PILLAR_MAX",
    "POST_METRICS", "POST_METRIC_KEYS", "PROFILE_CHECKLIST", "ROLES", "ROLE_KEYS", "SOURCES",
    "STANCES", "STANCE_KEYS", "TOTAL_MAX", "TYPED", "Account", "Calibration", "CheckIn",
    "Checklist", "ChecklistItem", "Choice", "DateComparison", "Document", "Event", "ExportStamp",
    "FieldError", "FittedOn", "Goal", "HeldFit", "Measure", "NetworkSummary", "PeerAverages",
    "PeerGroup", "Person", "Pillar", "PillarFit", "PostAnalytics", "PostDay", "Problem",
    "RelationshipFacts", "Share", "SinglePost", "Stakeholder", "Target", "TopPost", "Update",
    "WeekLog", "WeeklyPlan", "WindowSnapshot", "company_key", "compare_by_date", "display_total",
    "effective_weeks", "fill_in", "fitted_on", "fitted_score", "label_of", "tag_kind", "tidy_tag",
    "weakest_pillars", "week_of",
]
