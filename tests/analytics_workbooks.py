"""Synthetic LinkedIn post analytics workbooks (.xlsx), faithful to the quirks of the real
files, together with what a correct reader must find in them.

The byte formats follow the format notes of issue 16 (§ numbers below are theirs) and the
reader's README (py/ssi_coach/importers/analytics/README.md); the values are computed
*while generating*, from the generated numbers, never by reading the files back. Everything
is fictional: the member is "Ada Example", the companies and titles are made up, post ids
are random.

Stable API (other tests import it):

- `AggregateSpec(seed, end, days, era, language, six_sheets, barely_posts, resaved, ...)` and
  `make_aggregate(spec) -> GeneratedWorkbook(name, data, expected: ExpectedAggregate)`: one
  aggregate export, `Content_{start}_{end}_{Name}.xlsx` (era `OLD`: numeric cells `1253.0`,
  float32 fractions or `< 1%`, plural category labels, five sheets) or
  `AggregateAnalytics_{Name}_{start}_{end}.xlsx` (era `NEW`: numbers and percentages as text,
  singular labels, five sheets or six with AUDIENCE/CONTENT DEMOGRAPHICS). `language` "en" or
  "pt" (Portuguese sheet names and labels, dd/mm/yyyy dates, `menos de 1%`).
- `SinglePostSpec(seed, era, language, with_kind, old_labels, resaved)` and
  `make_single_post(spec) -> GeneratedWorkbook(name, data, expected: ExpectedSinglePost)`:
  `SinglePostAnalytics_…` (one sheet `Post analytics`) or, era `OLD`, `PostAnalytics_…`
  (PERFORMANCE + TOP DEMOGRAPHICS).
- `overlapping_pair(seed, gap_days=8, ...) -> (older, newer)`: two aggregate exports of the
  same member whose windows overlap; the newer revises some shared days up and some down
  (and completes the older one's partial last day). Each file's `expected` holds its own
  numbers; per day the newer file's figures are the ones a merge must keep.

Files are written by hand with zipfile, as Apache POI writes them (§3.1): shared strings
only, `<dimension ref="A1"/>` on every sheet, blank rows as `<row r="2"/>`, docProps/core.xml
`dcterms:created` = the export moment, TOP POSTS hyperlinks in the sheet's rels. With
`resaved=True` the same cells are written by openpyxl instead, as a member's spreadsheet
program would save them: the dimension is right, the application is not Apache POI, and the
text dates of the aggregate sheets become real date cells.

Decisions the format leaves open (the reader's README states the same):
- Every window's last day is partial (`expected.partial_day`); its figures are small.
- Top posts are compared by URL: `expected.top_posts` holds one `TopPost` per URL of either
  table, a figure None when the post is not in that table.
- Portuguese labels the notes only guess (single-post labels, 5-sheet Portuguese files) are
  written as the reader's locale table guesses them.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from ssi_coach.model import Share, TopPost

OLD, NEW = "2025", "2026"  # Content_… (numeric cells) and AggregateAnalytics_… (text cells)
MEMBER = "Ada Example"
DEFAULT_END = dt.date(2025, 11, 10)

# ---- labels per era and language ----------------------------------------------------------

SHEETS = {
    "en": ("DISCOVERY", "ENGAGEMENT", "TOP POSTS", "FOLLOWERS", "DEMOGRAPHICS",
           "AUDIENCE DEMOGRAPHICS", "CONTENT DEMOGRAPHICS"),
    "pt": ("Descoberta", "Engajamento", "Publicações mais em alta", "Seguidores",
           "Dados demográficos", "Dados demográficos do público",
           "Dados demográficos do conteúdo"),
}
CATEGORY_LABELS = {  # canonical key -> label, in LinkedIn's order (§3.6)
    (OLD, "en"): {"job_title": "Job titles", "location": "Locations", "industry": "Industries",
                  "seniority": "Seniority", "company_size": "Company size",
                  "company": "Companies"},
    (NEW, "en"): {"job_title": "Job title", "location": "Location", "industry": "Industry",
                  "seniority": "Seniority", "company_size": "Company size",
                  "company": "Company"},
    (NEW, "pt"): {"job_title": "Cargo", "location": "Localidade", "industry": "Setor",
                  "seniority": "Nível de experiência", "company_size": "Tamanho da empresa",
                  "company": "Empresa"},
}
CATEGORY_LABELS[(OLD, "pt")] = CATEGORY_LABELS[(NEW, "pt")]
WORDS = {
    "en": {"overall": "Overall Performance", "impressions": "Impressions",
           "reached": "Members reached", "date": "Date", "engagements": "Engagements",
           "top_note": "Maximum of 50 posts available to include in this list",
           "url": "Post URL", "published": "Post publish date", "total": "Total followers on",
           "new_followers": "New followers", "demographics": "Top Demographics",
           "value": "Value", "percentage": "Percentage", "below": "< 1%"},
    "pt": {"overall": "Desempenho geral", "impressions": "Impressões",
           "reached": "Usuários alcançados", "date": "Data", "engagements": "Engajamentos",
           "top_note": "Máximo de 50 publicações disponíveis para incluir nesta lista",
           "url": "URL da publicação", "published": "Data de publicação",
           "total": "Total de seguidores em", "new_followers": "Novos seguidores",
           "demographics": "Principais dados demográficos", "value": "Valor",
           "percentage": "Porcentagem", "below": "menos de 1%"},
}
SINGLE_LABELS = {  # single-post key/value labels (§5); PT are the notes' guesses
    "en": {"url": "Post URL", "date": "Post Date", "time": "Post Publish Time",
           "discovery": "Discovery", "profile": "Profile activity", "engagement": "Engagement",
           "kind": "Post type", "viewers": "Post viewer demographics", "category": "Category",
           "value": "Value", "impressions": "Impressions", "members_reached": "Members reached",
           "profile_viewers": "Profile viewers from this post",
           "followers_gained": "Followers gained from this post",
           "social_engagements": "Social engagements", "reactions": "Reactions",
           "comments": "Comments", "reposts": "Reposts", "saves": "Saves",
           "sends": "Sends on LinkedIn", "link_engagements": "Link engagements",
           "button_engagements": "Premium custom button engagements"},
    "pt": {"url": "URL da publicação", "date": "Data da publicação",
           "time": "Horário de publicação", "discovery": "Descoberta",
           "profile": "Atividade do perfil", "engagement": "Engajamento",
           "kind": "Tipo de publicação", "viewers": "Dados demográficos de quem viu a publicação",
           "category": "Categoria", "value": "Valor", "impressions": "Impressões",
           "members_reached": "Usuários alcançados",
           "profile_viewers": "Visualizações do perfil com origem nesta publicação",
           "followers_gained": "Seguidores obtidos com esta publicação",
           "social_engagements": "Engajamentos sociais", "reactions": "Reações",
           "comments": "Comentários", "reposts": "Compartilhamentos", "saves": "Salvamentos",
           "sends": "Envios no LinkedIn", "link_engagements": "Engajamentos com o link",
           "button_engagements": "Engajamentos com o botão personalizado Premium"},
}

DEMOGRAPHIC_VALUES = {
    "job_title": ("Account Executive", "Sales Manager", "Founder", "Software Engineer",
                  "Recruiter", "Marketing Manager", "Consultant", "Business Development Manager",
                  "Chief Executive Officer", "Product Manager"),
    "location": ("São Paulo, Brazil", "Greater London", "New York City Metropolitan Area",
                 "Lisbon, Portugal", "Berlin, Germany", "Toronto, Canada", "Madrid, Spain",
                 "Amsterdam, Netherlands", "Dublin, Ireland", "Sydney, Australia"),
    "industry": ("Software Development", "IT Services and IT Consulting", "Financial Services",
                 "Staffing and Recruiting", "Advertising Services", "Banking",
                 "Telecommunications", "Higher Education", "Retail", "Insurance"),
    "seniority": ("Senior", "Entry", "Director", "Manager", "VP", "CXO", "Owner", "Partner",
                  "Training"),
    "company_size": ("10,001+ employees", "1001-5000 employees", "51-200 employees",
                     "11-50 employees", "201-500 employees", "501-1000 employees",
                     "2-10 employees", "5001-10,000 employees", "1 employee"),
    "company": ("Example Corp", "Sample Bank", "Placeholder Labs", "Demo Systems",
                "Fictional Foods", "Imaginary Insurance", "Pretend Partners", "Mock Media",
                "Test Telecom", "Dummy Devices"),
}

# ---- records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpectedDay:
    day: dt.date
    impressions: int
    engagements: int
    new_followers: int | None


@dataclass(frozen=True)
class ExpectedAggregate:
    era: str
    language: str
    start: dt.date
    end: dt.date
    created: dt.datetime
    days: tuple[ExpectedDay, ...]
    impressions_total: int
    members_reached: int
    followers_total: int
    top_posts: tuple[TopPost, ...]  # one per URL of either table (see the module docstring)
    audience: tuple[Share, ...]
    content_audience: tuple[Share, ...]
    sheets: tuple[str, ...]
    resaved: bool

    @property
    def partial_day(self) -> dt.date:
        return self.end

    @property
    def day_first(self) -> bool:
        return self.language == "pt"


@dataclass(frozen=True)
class ExpectedSinglePost:
    era: str
    language: str
    url: str
    published: dt.date
    published_time: str
    metrics: dict[str, int]
    viewers: tuple[Share, ...]
    created: dt.datetime
    kind: str
    resaved: bool


@dataclass(frozen=True)
class GeneratedWorkbook:
    name: str
    data: bytes
    expected: ExpectedAggregate | ExpectedSinglePost


@dataclass(frozen=True)
class AggregateSpec:
    seed: int = 1
    end: dt.date = DEFAULT_END
    days: int = 365
    era: str = OLD
    language: str = "en"
    six_sheets: bool = False  # NEW era only: AUDIENCE + CONTENT DEMOGRAPHICS
    barely_posts: bool = False  # one post in the window, an empty engagements table
    resaved: bool = False
    member: str = MEMBER
    created_time: dt.time = dt.time(4, 9, 50)  # the export moment on `end` (UTC)


@dataclass(frozen=True)
class SinglePostSpec:
    seed: int = 1
    era: str = NEW  # NEW: SinglePostAnalytics_ (one sheet); OLD: PostAnalytics_ (two)
    language: str = "en"
    published: dt.date = dt.date(2026, 7, 22)
    with_kind: bool = False  # a `Post type` row naming the format
    old_labels: bool = False  # `Profile viewers from post`, no `Members reached`
    resaved: bool = False
    member: str = MEMBER


# ---- the numbers --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Post:
    url: str
    published: dt.date
    impressions: int
    engagements: int


def _series(rng: random.Random, start: dt.date, end: dt.date,
            barely: bool) -> dict[dt.date, tuple[int, int, int]]:
    """Settled figures (impressions, engagements, new followers) for every day from start to
    end: quiet and zero days, a few busy ones, and one negative engagement day."""
    out: dict[dt.date, tuple[int, int, int]] = {}
    day = start
    while day <= end:
        if barely:
            imp = rng.choice((0, 0, 0, 1, 2, 5))
            eng, new = (rng.choice((0, 0, 1)) if imp else 0), rng.choice((0, 0, 0, 1))
        elif rng.random() < 0.15:
            imp, eng, new = 0, 0, 0
        else:
            imp = int(rng.lognormvariate(6.5, 1.1))
            eng = max(0, int(imp * rng.uniform(0.0, 0.05)))
            new = rng.choice((0, 0, 1, 1, 2, 3, 5))
        out[day] = (imp, eng, new)
        day += dt.timedelta(days=1)
    if not barely and len(out) >= 10:
        negative = start + dt.timedelta(days=len(out) // 3)
        imp, _, new = out[negative]
        out[negative] = (max(imp, 127), -2, new)
    return out


def _partial(rng: random.Random, figures: tuple[int, int, int]) -> tuple[int, int, int]:
    imp, eng, new = figures
    share = rng.uniform(0.02, 0.3)
    return (int(imp * share), max(0, int(eng * share)), int(new * share))


def _activity_url(rng: random.Random, day: dt.date) -> str:
    moment = dt.datetime.combine(day, dt.time(rng.randrange(24), rng.randrange(60)), dt.UTC)
    ms = int(moment.timestamp() * 1000) + rng.randrange(1000)
    activity = (ms << 22) | rng.getrandbits(22)
    return f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}"


def _posts(rng: random.Random, start: dt.date, end: dt.date, barely: bool) -> list[_Post]:
    days = (end - start).days + 1
    if barely:
        day = start + dt.timedelta(days=rng.randrange(days))
        return [_Post(_activity_url(rng, day), day, rng.randint(3, 40), 0)]
    count = min(70, max(3, days // 5))
    posts = []
    for i in range(count):
        # the first post was published before the window started (§3.4)
        offset = -3 if i == 0 else rng.randrange(days)
        day = start + dt.timedelta(days=offset)
        impressions = int(rng.lognormvariate(7, 1.2))
        engagements = 0 if rng.random() < 0.1 else int(impressions * rng.uniform(0.005, 0.06))
        posts.append(_Post(_activity_url(rng, day), day, impressions, engagements))
    return posts


def _ranked(posts: Sequence[_Post], figure: str) -> list[_Post]:
    """One TOP POSTS table: posts with the figure above zero, descending, ties by date."""
    shown = [p for p in posts if getattr(p, figure) > 0]
    shown.sort(key=lambda p: (-getattr(p, figure), p.published))
    return shown[:50]


def _expected_top(by_eng: Sequence[_Post], by_imp: Sequence[_Post]) -> tuple[TopPost, ...]:
    eng = {p.url: p for p in by_eng}
    imp = {p.url: p for p in by_imp}
    urls = [p.url for p in by_imp] + [u for u in eng if u not in imp]
    return tuple(TopPost(url=u, published=(imp.get(u) or eng[u]).published,
                         impressions=imp[u].impressions if u in imp else None,
                         engagements=eng[u].engagements if u in eng else None) for u in urls)


def _float32(x: float) -> float:
    return float(struct.unpack("f", struct.pack("f", x))[0])


@dataclass(frozen=True)
class _Demo:
    """One demographics row as written and as a reader must read it."""

    category: str
    value: str
    cell: object  # float fraction or text
    share: Share


def _demographics(rng: random.Random, era: str, language: str, per_category: int,
                  percent_sign: bool) -> list[_Demo]:
    rows = []
    below = WORDS[language]["below"]
    for key in CATEGORY_LABELS[(era, language)]:
        values = rng.sample(DEMOGRAPHIC_VALUES[key], min(per_category,
                                                         len(DEMOGRAPHIC_VALUES[key])))
        percents = sorted((rng.uniform(0.1, 30) for _ in values), reverse=True)
        for value, percent in zip(values, percents, strict=True):
            cell: object
            if percent < 1:
                cell, expected = below, None
            elif era == OLD and not percent_sign:
                fraction = _float32(percent / 100)
                cell, expected = fraction, fraction * 100
            else:
                cell, expected = f"{round(percent)}%", float(round(percent))
            rows.append(_Demo(key, value, cell, Share(key, value, expected)))
    return rows


# ---- cells and sheets ---------------------------------------------------------------------

Row = list[object]  # cell values from column A; None = no cell, _BLANK = styled empty cell
_BLANK = object()


@dataclass
class _Sheet:
    name: str
    rows: list[Row]
    links: list[tuple[str, str]] = field(default_factory=list)  # (cell ref, url)
    date_cells: dict[tuple[int, int], dt.date] = field(default_factory=dict)  # (row, col)


def _date_text(day: dt.date, language: str) -> str:
    if language == "pt":
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    return f"{day.month}/{day.day}/{day.year}"


def _number(value: int, era: str) -> object:
    return float(value) if era == OLD else str(value)


def _column(index: int) -> str:
    return "ABCDEFGHIJ"[index]


# ---- the aggregate workbook ---------------------------------------------------------------


def make_aggregate(spec: AggregateSpec,
                   series: dict[dt.date, tuple[int, int, int]] | None = None
                   ) -> GeneratedWorkbook:
    """One aggregate export of `spec`; `series` (settled figures per day) lets a pair share
    its days; the window's last day is always written partial."""
    rng = random.Random(spec.seed)
    start = spec.end - dt.timedelta(days=spec.days - 1)
    if series is None:
        series = _series(rng, start, spec.end, spec.barely_posts)
    figures = {d: series[d] for d in _dates(start, spec.end)}
    figures[spec.end] = _partial(rng, figures[spec.end])
    created = dt.datetime.combine(spec.end, spec.created_time, dt.UTC)
    posts = _posts(rng, start, spec.end, spec.barely_posts)
    by_eng, by_imp = _ranked(posts, "engagements"), _ranked(posts, "impressions")
    six = spec.era == NEW and spec.six_sheets
    audience = _demographics(rng, spec.era, spec.language, 5 if spec.era == OLD else 10, False)
    content = _demographics(rng, spec.era, spec.language, 2, False) if six else []
    days = tuple(ExpectedDay(d, *figures[d]) for d in sorted(figures))
    impressions = sum(d.impressions for d in days)
    reached = int(impressions * rng.uniform(0.2, 0.6))
    followers = 300 + sum(d.new_followers or 0 for d in days) - rng.randrange(40)
    sheets = _aggregate_sheets(spec, start, days, (impressions, reached, followers),
                               by_eng, by_imp, audience, content)
    expected = ExpectedAggregate(
        era=spec.era, language=spec.language, start=start, end=spec.end, created=created,
        days=days, impressions_total=impressions, members_reached=reached,
        followers_total=followers, top_posts=_expected_top(by_eng, by_imp),
        audience=tuple(d.share for d in audience),
        content_audience=tuple(d.share for d in content),
        sheets=tuple(s.name for s in sheets), resaved=spec.resaved)
    if spec.era == OLD:
        name = f"Content_{start}_{spec.end}_{spec.member}.xlsx"
    else:
        name = f"AggregateAnalytics_{spec.member}_{start}_{spec.end}.xlsx"
    data = _openpyxl_book(sheets, created) if spec.resaved else _poi_book(sheets, created)
    return GeneratedWorkbook(name, data, expected)


def _dates(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _aggregate_sheets(spec: AggregateSpec, start: dt.date, days: Sequence[ExpectedDay],
                      totals: tuple[int, int, int], by_eng: Sequence[_Post],
                      by_imp: Sequence[_Post], audience: Sequence[_Demo],
                      content: Sequence[_Demo]) -> list[_Sheet]:
    era, lang = spec.era, spec.language
    w, names = WORDS[lang], SHEETS[lang]
    impressions, reached, followers = totals

    def date(day: dt.date) -> str:
        return _date_text(day, lang)

    discovery = _Sheet(names[0], [
        [w["overall"], f"{date(start)} - {date(spec.end)}"],
        [w["impressions"], _number(impressions, era)],
        [w["reached"], _number(reached, era)]])
    engagement = _Sheet(names[1], [[w["date"], w["impressions"], w["engagements"]]])
    for d in days:
        engagement.rows.append([date(d.day), _number(d.impressions, era),
                                _number(d.engagements, era)])
        engagement.date_cells[(len(engagement.rows) - 1, 0)] = d.day
    top = _Sheet(names[2], [[w["top_note"]], [],
                            [w["url"], w["published"], w["engagements"], _BLANK,
                             w["url"], w["published"], w["impressions"], _BLANK]])
    for i in range(max(len(by_eng), len(by_imp))):
        row: Row = [None] * 8
        for col, table, figure in ((0, by_eng, "engagements"), (4, by_imp, "impressions")):
            if i < len(table):
                post = table[i]
                row[col:col + 3] = [post.url, date(post.published),
                                    _number(getattr(post, figure), era)]
                row[col + 3] = _BLANK
                top.links.append((f"{_column(col)}{len(top.rows) + 1}", post.url))
                top.date_cells[(len(top.rows), col + 1)] = post.published
        top.rows.append(row)
    total_label = f"{w['total']} {date(spec.end)}" + ("" if era == NEW and lang == "en" else ":")
    follow = _Sheet(names[3], [[total_label, _number(followers, era)], [],
                               [w["date"], w["new_followers"]]])
    for d in days:
        follow.rows.append([date(d.day), _number(d.new_followers or 0, era)])
        follow.date_cells[(len(follow.rows) - 1, 0)] = d.day
    sheets = [discovery, engagement, top, follow]
    labels = CATEGORY_LABELS[(era, lang)]
    tables = [(names[5], audience), (names[6], content)] if content else [(names[4], audience)]
    for name, rows in tables:
        sheet = _Sheet(name, [[w["demographics"], w["value"], w["percentage"]]])
        for demo in rows:
            sheet.rows.append([labels[demo.category], demo.value, demo.cell])
        sheets.append(sheet)
    return sheets


# ---- the single-post workbook -------------------------------------------------------------


def make_single_post(spec: SinglePostSpec) -> GeneratedWorkbook:
    rng = random.Random(spec.seed)
    labels = SINGLE_LABELS[spec.language]
    created = dt.datetime.combine(spec.published + dt.timedelta(days=rng.randint(1, 60)),
                                  dt.time(9, 30, 5), dt.UTC)
    activity = _activity_url(rng, spec.published).rsplit(":", 1)[1]
    share_id = int(activity) + rng.randrange(1, 10**15)
    if spec.era == NEW:
        url = f"https://www.linkedin.com/posts/ada-example_made-up-slug-share-{share_id}-DJ8g"
        name = f"SinglePostAnalytics_{spec.member}_{activity}.xlsx"
    else:
        url = f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}"
        name = f"PostAnalytics_{spec.member}_{activity}.xlsx"
    impressions = rng.randint(200, 20000)
    metrics = {"impressions": impressions,
               "members_reached": int(impressions * rng.uniform(0.5, 0.9)),
               "profile_viewers": rng.randint(0, 40), "followers_gained": rng.randint(0, 9),
               "reactions": rng.randint(0, 200), "comments": rng.randint(0, 30),
               "reposts": rng.randint(0, 10), "saves": rng.randint(0, 15),
               "sends": rng.randint(0, 12)}
    metrics["social_engagements"] = sum(metrics[k] for k in ("reactions", "comments", "reposts"))
    if rng.random() < 0.5:
        metrics["link_engagements"] = rng.randint(0, 20)
    if spec.old_labels:
        del metrics["members_reached"]
    published_time = f"{rng.randint(1, 12)}:{rng.choice(('00', '15', '30', '45'))} " \
                     f"{rng.choice(('AM', 'PM'))}"
    kind = rng.choice(("Video", "Image", "Document", "Text")) if spec.with_kind else ""
    demos = _demographics(rng, NEW if spec.era == NEW else OLD, spec.language, 3, False)
    date_text = _date_text(spec.published, spec.language)
    if spec.era == NEW:
        sheets = [_single_sheet(spec, labels, url, date_text, published_time, metrics, kind,
                                demos)]
    else:
        sheets = _old_single_sheets(spec, url, date_text, published_time, metrics, created,
                                    demos)
    expected = ExpectedSinglePost(
        era=spec.era, language=spec.language, url=url, published=spec.published,
        published_time=published_time, metrics=metrics,
        viewers=tuple(d.share for d in demos), created=created, kind=kind.lower(),
        resaved=spec.resaved)
    data = _openpyxl_book(sheets, created) if spec.resaved else _poi_book(sheets, created)
    return GeneratedWorkbook(name, data, expected)


def _single_sheet(spec: SinglePostSpec, labels: dict[str, str], url: str, date_text: str,
                  published_time: str, metrics: dict[str, int], kind: str,
                  demos: Sequence[_Demo]) -> _Sheet:
    def value(key: str) -> Row:
        label = labels[key]
        if key == "profile_viewers" and spec.old_labels:
            label = "Profile viewers from post"
        return [label, str(metrics[key])]

    rows: list[Row] = [[labels["url"], url], [labels["date"], date_text],
                       [labels["time"], published_time], [], [labels["discovery"]]]
    rows += [value(k) for k in ("impressions", "members_reached") if k in metrics]
    rows += [[], [labels["profile"]], value("profile_viewers"), value("followers_gained"),
             [], [labels["engagement"]]]
    rows += [value(k) for k in ("social_engagements", "reactions", "comments", "reposts",
                                "saves", "sends", "link_engagements") if k in metrics]
    if kind:
        rows += [[], [labels["kind"], kind]]
    rows += [[], [labels["viewers"]], [labels["category"], labels["value"], "%"]]
    category = CATEGORY_LABELS[(NEW, spec.language)]
    rows += [[category[d.category], d.value, d.cell] for d in demos]
    return _Sheet("Post analytics", rows)


def _old_single_sheets(spec: SinglePostSpec, url: str, date_text: str, published_time: str,
                       metrics: dict[str, int], created: dt.datetime,
                       demos: Sequence[_Demo]) -> list[_Sheet]:
    labels = SINGLE_LABELS["en"]
    highlights = (f"Post Highlights {_date_text(spec.published, 'en')} to "
                  f"{_date_text(created.date(), 'en')}")
    rows: list[Row] = [[labels["url"], url], [labels["date"], date_text],
                       [labels["time"], published_time], [], [highlights]]
    for key in ("impressions", "members_reached", "profile_viewers", "followers_gained",
                "social_engagements", "reactions", "comments", "reposts", "saves", "sends",
                "link_engagements"):
        if key in metrics:
            label = labels[key]
            if key == "profile_viewers" and spec.old_labels:
                label = "Profile viewers from post"
            rows.append([label, float(metrics[key])])
    top = _Sheet("TOP DEMOGRAPHICS", [["Top Demographics", "Value", "Percentage"]])
    category = CATEGORY_LABELS[(OLD, "en")]
    top.rows += [[category[d.category], d.value, d.cell] for d in demos]
    return [_Sheet("PERFORMANCE", rows), top]


# ---- overlapping exports ------------------------------------------------------------------


def overlapping_pair(seed: int, gap_days: int = 8, days: int = 365, era: str = OLD,
                     language: str = "en", end: dt.date = DEFAULT_END
                     ) -> tuple[GeneratedWorkbook, GeneratedWorkbook]:
    """Two exports of one member, the newer ending `gap_days` after the older (same length):
    the newer revises some shared settled days up and some down (§4), and holds the older's
    partial last day complete. Returned oldest first."""
    rng = random.Random(seed * 7919 + gap_days)
    older_end = end - dt.timedelta(days=gap_days)
    first = older_end - dt.timedelta(days=days - 1)
    series = _series(rng, first, end, barely=False)
    older = make_aggregate(AggregateSpec(seed=seed, end=older_end, days=days, era=era,
                                         language=language), series)
    revised = dict(series)
    shared = _dates(end - dt.timedelta(days=days - 1), older_end - dt.timedelta(days=1))
    busy = [d for d in shared if series[d][0] > 20]
    for i, day in enumerate(rng.sample(busy, min(12, len(busy)))):
        imp, eng, new = series[day]
        delta = rng.randint(1, 70) if i % 2 == 0 else -rng.randint(1, min(45, imp - 1))
        revised[day] = (imp + delta, eng - (1 if i == 1 and eng > 0 else 0), new)
    newer = make_aggregate(AggregateSpec(seed=seed + 1, end=end, days=days, era=era,
                                         language=language, created_time=dt.time(0, 47, 3)),
                           revised)
    return older, newer


# ---- writing: as Apache POI does, or as a spreadsheet program re-saves --------------------

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _poi_book(sheets: Sequence[_Sheet], created: dt.datetime) -> bytes:
    strings: dict[str, int] = {}
    parts: dict[str, str] = {}
    for n, sheet in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{n}.xml"] = _poi_sheet(sheet, strings, n)
        if sheet.links:
            rels = "".join(
                f'<Relationship Id="rId{i}" Target="{escape(url)}" TargetMode="External" '
                f'Type="{_R}/hyperlink"/>' for i, (_, url) in enumerate(sheet.links, 1))
            parts[f"xl/worksheets/_rels/sheet{n}.xml.rels"] = (
                f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{_PKG}">'
                f"{rels}</Relationships>")
    shared = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sst {_NS} count="{len(strings)}" '
        f'uniqueCount="{len(strings)}">{shared}</sst>')
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    entries = _package_parts(sheets, stamp) | parts
    out = io.BytesIO()
    when = created.timetuple()[:6]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path, text in entries.items():
            info = zipfile.ZipInfo(path, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
    return out.getvalue()


def _poi_sheet(sheet: _Sheet, strings: dict[str, int], n: int) -> str:
    rows = []
    for r, row in enumerate(sheet.rows, 1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{_column(c)}{r}"
            if value is None:
                continue
            if value is _BLANK:
                cells.append(f'<c r="{ref}" s="1"/>')
            elif isinstance(value, str):
                index = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}" s="1" t="s"><v>{index}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="2" t="n"><v>{value!r}</v></c>')
        rows.append(f'<row r="{r}">{"".join(cells)}</row>' if cells else f'<row r="{r}"/>')
    links = ""
    if sheet.links:
        links = "<hyperlinks>" + "".join(
            f'<hyperlink ref="{ref}" r:id="rId{i}"/>'
            for i, (ref, _) in enumerate(sheet.links, 1)) + "</hyperlinks>"
    selected = ' tabSelected="true"' if n == 1 else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet {_NS} xmlns:r="{_R}">'
            f'<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"{selected}/>'
            f'</sheetViews><sheetFormatPr defaultRowHeight="15.0"/>'
            f'<sheetData>{"".join(rows)}</sheetData>{links}'
            f'<pageMargins bottom="0.75" footer="0.3" header="0.3" left="0.7" right="0.7" '
            f'top="0.75"/></worksheet>')


def _package_parts(sheets: Sequence[_Sheet], stamp: str) -> dict[str, str]:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    ct = "application/vnd.openxmlformats-officedocument"
    overrides = "".join(
        f'<Override ContentType="{ct}.spreadsheetml.worksheet+xml" '
        f'PartName="/xl/worksheets/sheet{n}.xml"/>' for n in range(1, len(sheets) + 1))
    types = (
        f'{head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" '
        f'Extension="rels"/><Default ContentType="application/xml" Extension="xml"/>'
        f'<Override ContentType="{ct}.extended-properties+xml" PartName="/docProps/app.xml"/>'
        f'<Override ContentType="application/vnd.openxmlformats-package.core-properties+xml" '
        f'PartName="/docProps/core.xml"/>'
        f'<Override ContentType="{ct}.spreadsheetml.sharedStrings+xml" '
        f'PartName="/xl/sharedStrings.xml"/>'
        f'<Override ContentType="{ct}.spreadsheetml.styles+xml" PartName="/xl/styles.xml"/>'
        f'<Override ContentType="{ct}.spreadsheetml.sheet.main+xml" '
        f'PartName="/xl/workbook.xml"/>{overrides}</Types>')
    rels = (f'{head}<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Target="xl/workbook.xml" Type="{_R}/officeDocument"/>'
            f'<Relationship Id="rId2" Target="docProps/app.xml" Type="{_R}/extended-properties"/>'
            f'<Relationship Id="rId3" Target="docProps/core.xml" '
            f'Type="{_PKG}/metadata/core-properties"/></Relationships>')
    app = (f'{head}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           f'extended-properties"><Application>Apache POI</Application></Properties>')
    core = (f'{head}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            f'metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" '
            f'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<cp:lastModifiedBy>LinkedIn</cp:lastModifiedBy></cp:coreProperties>')
    book_sheets = "".join(f'<sheet name="{escape(s.name)}" r:id="rId{n}" sheetId="{n}"/>'
                          for n, s in enumerate(sheets, 1))
    book = (f'{head}<workbook {_NS} xmlns:r="{_R}"><workbookPr date1904="false"/>'
            f'<bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets>{book_sheets}</sheets></workbook>')
    book_rels = "".join(f'<Relationship Id="rId{n}" Target="worksheets/sheet{n}.xml" '
                        f'Type="{_R}/worksheet"/>' for n in range(1, len(sheets) + 1))
    n = len(sheets)
    book_rels += (f'<Relationship Id="rId{n + 1}" Target="sharedStrings.xml" '
                  f'Type="{_R}/sharedStrings"/><Relationship Id="rId{n + 2}" '
                  f'Target="styles.xml" Type="{_R}/styles"/>')
    styles = (f'{head}<styleSheet {_NS}><numFmts count="0"/><fonts count="2"><font><sz val="11.0"/>'
              f'<name val="Calibri"/></font><font><b val="true"/><sz val="11.0"/>'
              f'<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill '
              f'patternType="none"/></fill><fill><patternFill patternType="darkGray"/></fill>'
              f'</fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
              f'</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
              f'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" '
              f'fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" '
              f'fillId="0" borderId="0" xfId="0" applyFont="true"/><xf numFmtId="9" '
              f'fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="true"/>'
              f'</cellXfs></styleSheet>')
    return {"[Content_Types].xml": types, "_rels/.rels": rels, "docProps/app.xml": app,
            "docProps/core.xml": core, "xl/workbook.xml": book,
            "xl/_rels/workbook.xml.rels": f'{head}<Relationships xmlns="{_PKG}">'
                                          f"{book_rels}</Relationships>",
            "xl/styles.xml": styles}


def _openpyxl_book(sheets: Sequence[_Sheet], created: dt.datetime) -> bytes:
    """The same cells saved by a spreadsheet program: openpyxl writes the package, the
    aggregate sheets' text dates become date cells (the program read them as dates)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.name)
        for r, row in enumerate(sheet.rows):
            for c, value in enumerate(row):
                if value is None or value is _BLANK:
                    continue
                if (r, c) in sheet.date_cells:
                    value = dt.datetime.combine(sheet.date_cells[(r, c)], dt.time())
                ws.cell(row=r + 1, column=c + 1, value=value)
        for ref, url in sheet.links:
            ws[ref].hyperlink = url
    book.properties.created = created.replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

